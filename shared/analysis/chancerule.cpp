// SPDX-License-Identifier: MIT
// Šidák-corrected decision on the closest match of a session.
#include "analysis/chancerule.h"

#include <algorithm>
#include <cmath>

namespace Proctor::Analysis {

double ChanceRule::limitPerComparison(double targetRate, std::size_t comparisons)
{
    const double a = std::clamp(targetRate, 0.0, 1.0);
    const double n = static_cast<double>(std::max<std::size_t>(comparisons, 1));
    // -expm1(log1p(-a) / n) is 1 - (1 - a)^(1/n) without cancellation for tiny a / large n.
    return -std::expm1(std::log1p(-a) / n);
}

ChanceDecision ChanceRule::decide(const ChanceModel &model, double closestDistance, std::size_t comparisons,
                                  double targetRate)
{
    ChanceDecision d;
    d.comparisons = std::max<std::size_t>(comparisons, 1);
    d.chancePerComparison = model.chance(closestDistance);
    d.chanceInSession = -std::expm1(static_cast<double>(d.comparisons) *
                                    std::log1p(-std::min(d.chancePerComparison, 1.0 - 1e-16)));
    d.limitPerComparison = limitPerComparison(targetRate, d.comparisons);
    d.fires = d.chancePerComparison <= d.limitPerComparison;
    return d;
}

} // namespace Proctor::Analysis
