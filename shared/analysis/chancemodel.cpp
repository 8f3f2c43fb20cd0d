// SPDX-License-Identifier: MIT
// Fitting and evaluating the chance model: empirical body, Hill-estimated power-law lower tail.
#include "analysis/chancemodel.h"

#include <algorithm>
#include <cmath>

namespace Proctor::Analysis {

namespace {

// A chance is never reported as exactly 0: "1 in 10^12 comparisons" is as far as anyone can claim.
constexpr double kMinChance = 1e-12;

std::vector<double> quantilesOf(const std::vector<double> &sorted, double fromP, std::size_t count)
{
    std::vector<double> out;
    out.reserve(count);
    const double n = static_cast<double>(sorted.size());
    for (std::size_t j = 0; j < count; ++j) {
        const double p = fromP + (1.0 - fromP) * static_cast<double>(j) / static_cast<double>(count - 1);
        // Type-7 quantile (linear between order statistics).
        const double h = (n - 1.0) * p;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
        out.push_back(sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]));
    }
    return out;
}

} // namespace

ChanceModel::ChanceModel(ChanceModelParams params) : m_params(std::move(params))
{
    if (m_params.quantiles.size() < 2)
        m_params.quantiles = {m_params.tailCut, std::max(m_params.tailCut * 2.0, m_params.tailCut + 1.0)};
    m_params.tailMass = std::clamp(m_params.tailMass, kMinChance, 1.0);
    m_params.shape = std::max(m_params.shape, 1e-3);
    m_params.tailCut = std::max(m_params.tailCut, 1e-12);
}

ChanceModel ChanceModel::prior(double tailCut, double tailMass, double shape, double maxDistance)
{
    ChanceModelParams p;
    p.source = "prior";
    p.tailCut = tailCut;
    p.tailMass = tailMass;
    p.shape = shape;
    p.quantiles = {tailCut, maxDistance};
    return ChanceModel(std::move(p));
}

// Same typist: different typists score D >= 4 almost always (README "Same-typist score"); the prior
// puts 10 % of pairs at D <= 2.5 with a quadratic tail, several times heavier than the populations
// measured by tests/bench/analysis, so a deployment without a fitted model needs D well below the
// one-typist level (about 1) before it speaks.
ChanceModel ChanceModel::priorSameTypist()
{
    return prior(2.5, 0.10, 2.0, 12.0);
}

// Mouse: mean deviation per step as a fraction of the trajectory's size. Unrelated movements deviate
// by 10-30 %; the prior puts 10 % of pairs within 8 % with an exponent of 2, so only a replay-like
// match (a few per cent, similarity >= 70) can fire before the population has been fitted.
ChanceModel ChanceModel::priorMouse()
{
    return prior(0.08, 0.10, 2.0, 0.6);
}

ChanceModel ChanceModel::fit(std::vector<double> x, const ChanceModel &fallback,
                             const ChanceModelOptions &options)
{
    x.erase(std::remove_if(x.begin(), x.end(), [](double v) { return !std::isfinite(v) || v < 0.0; }),
            x.end());
    if (x.size() < std::max<std::size_t>(options.minPairs, 2))
        return fallback;
    std::sort(x.begin(), x.end());
    const double n = static_cast<double>(x.size());
    const auto m = static_cast<std::size_t>(std::floor(options.tailFraction * n));
    if (m < std::max<std::size_t>(options.minTailPoints, 2) || m >= x.size())
        return fallback;
    // u is the (m+1)-th smallest: the m points below it are the tail sample, F(u) = m / n.
    const double u = x[m];
    if (!(u > 0.0))
        return fallback; // over 10 % of different-candidate pairs identical: nothing to extrapolate
    const double floorX = u * 1e-9; // an exact zero would make ln(u/x) infinite
    double sumLog = 0.0;
    for (std::size_t i = 0; i < m; ++i)
        sumLog += std::log(u / std::max(x[i], floorX));
    const double md = static_cast<double>(m);
    double k = sumLog > 0.0 ? md / sumLog : options.minShape;
    k *= std::max(0.0, 1.0 - options.confidenceZ / std::sqrt(md));
    k = std::max(k, options.minShape);

    ChanceModelParams p;
    p.source = "fitted";
    p.pairs = x.size();
    p.tailCut = u;
    p.tailMass = md / n;
    p.shape = k;
    p.quantiles = quantilesOf(x, p.tailMass, std::max<std::size_t>(options.quantileCount, 2));
    p.quantiles.front() = u;
    return ChanceModel(std::move(p));
}

double ChanceModel::chance(double distance) const
{
    if (!std::isfinite(distance))
        return 1.0;
    const ChanceModelParams &p = m_params;
    if (distance <= p.tailCut) {
        const double r = std::max(distance, 0.0) / p.tailCut;
        return std::max(p.tailMass * std::pow(r, p.shape), kMinChance);
    }
    const std::vector<double> &q = p.quantiles;
    if (distance >= q.back())
        return 1.0;
    const auto it = std::upper_bound(q.begin(), q.end(), distance); // q[j-1] <= distance < q[j]
    const auto j = static_cast<std::size_t>(it - q.begin());
    const double step = (1.0 - p.tailMass) / static_cast<double>(q.size() - 1);
    const double lo = p.tailMass + step * static_cast<double>(j - 1);
    const double width = q[j] - q[j - 1];
    const double frac = width > 0.0 ? (distance - q[j - 1]) / width : 1.0;
    return std::clamp(lo + frac * step, kMinChance, 1.0);
}

double ChanceModel::distanceAt(double chanceValue) const
{
    const ChanceModelParams &p = m_params;
    if (!(chanceValue > 0.0))
        return 0.0;
    if (chanceValue <= p.tailMass)
        return p.tailCut * std::pow(chanceValue / p.tailMass, 1.0 / p.shape);
    const std::vector<double> &q = p.quantiles;
    const double step = (1.0 - p.tailMass) / static_cast<double>(q.size() - 1);
    const double h = std::min((chanceValue - p.tailMass) / step, static_cast<double>(q.size() - 1));
    const auto j = std::min(static_cast<std::size_t>(std::floor(h)), q.size() - 2);
    return q[j] + (h - static_cast<double>(j)) * (q[j + 1] - q[j]);
}

} // namespace Proctor::Analysis
