// SPDX-License-Identifier: MIT
// The decision rule of a cross-session factor: fire only when the closest match is unlikely to be chance.
#pragma once

#include <cstddef>

#include "analysis/chancemodel.h"

namespace Proctor::Analysis {

struct ChanceDecision
{
    bool fires = false;
    double chancePerComparison = 1.0; // P(a different-candidate pair is at least this close)
    std::size_t comparisons = 0;      // N: other sessions (trajectories) the session was compared with
    double chanceInSession = 1.0;     // 1 - (1 - p)^N: chance of such a match anywhere among the N
    double limitPerComparison = 0.0;  // the largest p that fires for this N and target
};

// A session compared with N others keeps its closest match; under chance alone the probability that the
// closest of N is within distance x is 1 - (1 - F(x))^N. Requiring that to be <= the target false-alarm
// rate a (e.g. 1 %) gives the per-comparison limit p* = 1 - (1 - a)^(1/N) (~ a / N): the Šidák
// correction for N comparisons, exact for independent pairs and conservative enough for the mildly
// dependent ones here. So the bar rises with the population instead of a fixed score threshold turning
// into a near-certain false alarm once there are dozens of sessions.
class ChanceRule
{
public:
    static double limitPerComparison(double targetRate, std::size_t comparisons);
    static ChanceDecision decide(const ChanceModel &model, double closestDistance, std::size_t comparisons,
                                 double targetRate);
};

} // namespace Proctor::Analysis
