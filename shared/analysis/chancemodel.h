// SPDX-License-Identifier: MIT
// Chance model of a pairwise distance between sessions of different candidates (the "null" population).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace Proctor::Analysis {

// How likely is it that two sessions of DIFFERENT candidates come at least this close by chance?
// A cross-session factor (same typist, mouse similarity) compares a session with N others and keeps
// the closest; to keep honest sessions quiet whatever N is, it needs the chance per comparison far
// out in the tail (1 % / 10,000 = 1e-6), where no deployment has enough pairs to count. So:
//
// - Distances, not scores: each factor hands its distance x >= 0 (smaller = closer): the same-typist D
//   (keystrokes.h), the mouse trajectories' mean deviation per aligned step (dtw.h).
// - Body: the empirical distribution of a bounded random sample of different-candidate pairs
//   (quantiles stored, linear in between).
// - Lower tail (x below the q-quantile u, q = tailFraction): a power law F(x) = F(u) (x/u)^k. A
//   distance is bounded below by 0, so the minimum of many such distances is in the Weibull domain of
//   attraction of extreme-value theory, whose lower tail is exactly this power law; k is estimated by
//   the Hill estimator on the m tail points, k = m / sum ln(u / x_i). The estimator's standard error
//   is k / sqrt(m), and we use the one-sided 95 % LOWER confidence bound of k: a smaller exponent
//   makes the extrapolated tail heavier, so errors make the factor quieter, never louder. Fitting a
//   whole distribution (log-normal, gamma) instead lets the body of the data decide the far tail,
//   which is exactly where such fits are known to be wrong.
// - Too few pairs (< minPairs) or too few tail points: a built-in prior per factor
//   (priorSameTypist(), priorMouse()), chosen deliberately heavier-tailed than real populations
//   (documented in shared/analysis/README.md), so a small deployment flags only very close matches.
struct ChanceModelOptions
{
    std::size_t minPairs = 200;     // fewer different-candidate pairs: use the prior
    double tailFraction = 0.1;      // the lowest 10 % of the sample fit the power-law tail
    std::size_t minTailPoints = 20; // fewer tail points than this: use the prior
    double confidenceZ = 1.645;     // one-sided 95 % lower bound of the tail exponent
    std::size_t quantileCount = 65; // stored points of the empirical body
    double minShape = 0.5;          // the exponent is never taken below this (a flat tail)
};

struct ChanceModelParams
{
    std::string source = "prior"; // "fitted" (from the population) or "prior" (built in)
    std::size_t pairs = 0;        // sample size behind a fitted model
    double tailCut = 1.0;         // u: below it the power-law tail applies
    double tailMass = 0.1;        // F(u)
    double shape = 1.0;           // k (already the conservative bound for a fitted model)
    // Distances at cumulative probabilities evenly spaced from tailMass to 1 (first = tailCut).
    std::vector<double> quantiles;
};

class ChanceModel
{
public:
    ChanceModel() = default; // the flattest possible prior; use priorSameTypist()/priorMouse()
    explicit ChanceModel(ChanceModelParams params);

    // Fit on the distances of a random sample of different-candidate pairs; the prior when the sample
    // is too small for the tail. Non-finite and negative values are dropped.
    static ChanceModel fit(std::vector<double> nullDistances, const ChanceModel &prior,
                           const ChanceModelOptions &options = {});
    // A power-law tail P(x <= tailCut) = tailMass, exponent `shape`, continued to 1 at `maxDistance`.
    static ChanceModel prior(double tailCut, double tailMass, double shape, double maxDistance);

    // The built-in priors, see shared/analysis/README.md "Calibration".
    static ChanceModel priorSameTypist();
    static ChanceModel priorMouse();

    // P(a different-candidate pair is at distance <= x), in (0, 1].
    [[nodiscard]] double chance(double distance) const;
    // The distance at which chance() equals p (the inverse), for showing the operating threshold.
    [[nodiscard]] double distanceAt(double p) const;

    [[nodiscard]] const ChanceModelParams &params() const { return m_params; }
    [[nodiscard]] bool isFitted() const { return m_params.source == "fitted"; }

private:
    ChanceModelParams m_params;
};

} // namespace Proctor::Analysis
