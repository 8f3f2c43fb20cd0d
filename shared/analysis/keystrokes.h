// SPDX-License-Identifier: MIT
// Keystroke dynamics: dwell/flight/digraph features, typist profiles and the scaled Manhattan detector.
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace Proctor::Analysis {

struct Keystroke
{
    std::string code; // physical key (KeyboardEvent.code), e.g. "KeyA", "ShiftLeft"
    double downMs = 0.0;
    double upMs = 0.0;
};

struct KeystrokeOptions
{
    // Consecutive keys further apart than this (down to down) are a pause, not typing rhythm:
    // no flight or digraph feature is taken from that pair.
    double maxDigraphMs = 1500.0;
    // Dwell outside (0, maxDwellMs] is a stuck key or a lost key-up, not a keystroke.
    double maxDwellMs = 1000.0;
    // A feature is compared only when both sides observed it at least this often.
    std::size_t minCount = 2;
    // Deviations below this are timer resolution (browsers round to 0.1..1 ms, some to 16 ms); it
    // keeps a feature seen with identical timings from dominating the sum.
    double minDeviationMs = 5.0;
    // Fewer shared features than this and the comparison says "not comparable".
    std::size_t minSharedFeatures = 3;
    // Fewer timed keys than this (max of the dwell:* and digraph:* counts) and the session has
    // "not enough data" for the same-typist factor: a handful of keys says nothing about a typist.
    std::size_t minKeystrokes = 10;
};

// Feature name -> observations in ms. Names:
//   "dwell:KeyA"          key held (up - down)
//   "flight:KeyA>KeyB"    next down - previous up (negative when the keys overlap: rollover)
//   "digraph:KeyA>KeyB"   next down - previous down
//   "dwell:*", "flight:*", "digraph:*"   the same over all keys/pairs: short texts (names) rarely
//                                        repeat a digraph, but overall rhythm is always available.
using KeystrokeSamples = std::map<std::string, std::vector<double>>;

KeystrokeSamples extractKeystrokeFeatures(std::span<const Keystroke> keys,
                                          const KeystrokeOptions &options = {});

// Timing lists as the result contract carries them (per key / per key pair, no order between keys)
// -> the samples extractKeystrokeFeatures() gives for the same typing: the "dwell:*", "flight:*" and
// "digraph:*" aggregates are rebuilt from the per-key lists (any sent ones are ignored).
KeystrokeSamples withAggregates(KeystrokeSamples perKey);

struct FeatureStats
{
    double mean = 0.0;
    double meanAbsDeviation = 0.0; // mean |x - mean|, the scale of Killourhy & Maxion's detector
    std::size_t count = 0;
};

struct KeystrokeProfile
{
    std::map<std::string, FeatureStats> features;

    static KeystrokeProfile fromSamples(const KeystrokeSamples &samples);
};

// Enough typing for a same-typist comparison (see KeystrokeOptions::minKeystrokes).
bool enoughKeystrokeData(const KeystrokeProfile &profile, const KeystrokeOptions &options = {});

struct ProfileDistance
{
    double distance = 0.0; // mean over shared features of |mean_sample - mean_profile| / MAD_profile
    std::size_t sharedFeatures = 0;
    bool comparable = false; // sharedFeatures >= options.minSharedFeatures
};

// Scaled Manhattan detector (Killourhy & Maxion 2009) applied to a session: the sample's per-feature
// mean is the test vector, each |difference| is scaled by the profile's mean absolute deviation
// (floored at minDeviationMs). Averaged, not summed, over the features both have >= minCount times, so
// sessions with different amounts of typing stay comparable.
ProfileDistance scaledManhattan(const KeystrokeProfile &sample, const KeystrokeProfile &profile,
                                const KeystrokeOptions &options = {});

struct SameTypistScore
{
    double score = 0.0;    // 0..100, see sameTypist()
    double distance = 0.0; // D: mean standardised difference of feature means
    std::size_t sharedFeatures = 0;
    bool comparable = false;
};

// D at which the same-typist score is 50.
inline constexpr double kSameTypistHalfPoint = 2.0;

// Same-typist score between two sessions. Both are profiles built from many keystrokes, so the scaled
// Manhattan idea is applied to their feature MEANS: each |mean_a - mean_b| is scaled by what that
// difference typically is when one person typed both, i.e. the pooled mean absolute deviation
// (small-sample corrected by sqrt(n/(n-1)), floored at minDeviationMs) times sqrt(1/n_a + 1/n_b);
// features need >= max(minCount, 2) observations on each side. D is the average over the features both
// sessions have >= minCount times, so one typist scores D ~ 1 (1 to 1.5 in practice: a deviation
// estimated from few keystrokes is noisy) whether they typed 20 keys or 2,000, while different
// typists drift apart as evidence accumulates (D 4..10 on synthetic typists). Mapping:
//   score = 100 / (1 + (D / 2)^4)
// D = 1 -> 94, 1.5 -> 76, 2 -> 50, 3 -> 16, 4 -> 6. Not comparable (score 0) with fewer than
// minSharedFeatures shared features.
// The mapping above and its inverse (D = 2 (100/score - 1)^(1/4); score 0 -> +inf).
double sameTypistScoreOf(double distance) noexcept;
double sameTypistDistanceOf(double score) noexcept;

SameTypistScore sameTypist(std::span<const Keystroke> a, std::span<const Keystroke> b,
                           const KeystrokeOptions &options = {});
SameTypistScore sameTypist(const KeystrokeProfile &a, const KeystrokeProfile &b,
                           const KeystrokeOptions &options = {});

} // namespace Proctor::Analysis
