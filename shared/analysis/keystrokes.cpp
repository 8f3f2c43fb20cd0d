// SPDX-License-Identifier: MIT
// Keystroke feature extraction, profiles and the scaled Manhattan comparison.
#include "analysis/keystrokes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Proctor::Analysis {

KeystrokeSamples extractKeystrokeFeatures(std::span<const Keystroke> keys, const KeystrokeOptions &options)
{
    std::vector<Keystroke> sorted;
    sorted.reserve(keys.size());
    std::copy_if(keys.begin(), keys.end(), std::back_inserter(sorted),
                 [](const Keystroke &k) { return std::isfinite(k.downMs) && std::isfinite(k.upMs); });
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Keystroke &l, const Keystroke &r) { return l.downMs < r.downMs; });

    KeystrokeSamples out;
    auto validDwell = [&](const Keystroke &k) {
        const double dwell = k.upMs - k.downMs;
        return dwell > 0.0 && dwell <= options.maxDwellMs;
    };
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const Keystroke &k = sorted[i];
        if (validDwell(k)) {
            out["dwell:" + k.code].push_back(k.upMs - k.downMs);
            out["dwell:*"].push_back(k.upMs - k.downMs);
        }
        if (i == 0) {
            continue;
        }
        const Keystroke &p = sorted[i - 1];
        const double digraph = k.downMs - p.downMs;
        if (digraph > options.maxDigraphMs) {
            continue;
        }
        const std::string pair = p.code + ">" + k.code;
        out["digraph:" + pair].push_back(digraph);
        out["digraph:*"].push_back(digraph);
        // Flight needs the previous key's release; a lost key-up would fake a long negative flight.
        if (validDwell(p)) {
            out["flight:" + pair].push_back(k.downMs - p.upMs);
            out["flight:*"].push_back(k.downMs - p.upMs);
        }
    }
    return out;
}

KeystrokeSamples withAggregates(KeystrokeSamples samples)
{
    for (const char *kind : {"dwell:*", "flight:*", "digraph:*"})
        samples.erase(kind);
    KeystrokeSamples aggregates;
    for (const auto &[name, values] : samples) {
        const auto colon = name.find(':');
        if (colon == std::string::npos)
            continue;
        std::vector<double> &all = aggregates[name.substr(0, colon) + ":*"];
        all.insert(all.end(), values.begin(), values.end());
    }
    samples.merge(aggregates);
    return samples;
}

bool enoughKeystrokeData(const KeystrokeProfile &profile, const KeystrokeOptions &options)
{
    std::size_t keys = 0;
    std::size_t repeated = 0;
    for (const auto &[name, stats] : profile.features) {
        if (name == "dwell:*" || name == "digraph:*")
            keys = std::max(keys, stats.count);
        if (stats.count >= std::max<std::size_t>(options.minCount, 2))
            ++repeated;
    }
    return keys >= options.minKeystrokes && repeated >= options.minSharedFeatures;
}

KeystrokeProfile KeystrokeProfile::fromSamples(const KeystrokeSamples &samples)
{
    KeystrokeProfile profile;
    for (const auto &[name, values] : samples) {
        if (values.empty()) {
            continue;
        }
        FeatureStats s;
        s.count = values.size();
        s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(s.count);
        double dev = 0.0;
        for (const double v : values) {
            dev += std::abs(v - s.mean);
        }
        s.meanAbsDeviation = dev / static_cast<double>(s.count);
        profile.features.emplace(name, s);
    }
    return profile;
}

ProfileDistance scaledManhattan(const KeystrokeProfile &sample, const KeystrokeProfile &profile,
                                const KeystrokeOptions &options)
{
    ProfileDistance out;
    double sum = 0.0;
    for (const auto &[name, s] : sample.features) {
        const auto it = profile.features.find(name);
        if (it == profile.features.end() || s.count < options.minCount ||
            it->second.count < options.minCount) {
            continue;
        }
        const FeatureStats &p = it->second;
        sum += std::abs(s.mean - p.mean) / std::max(p.meanAbsDeviation, options.minDeviationMs);
        ++out.sharedFeatures;
    }
    out.comparable = out.sharedFeatures >= std::max<std::size_t>(options.minSharedFeatures, 1);
    out.distance = out.sharedFeatures > 0 ? sum / static_cast<double>(out.sharedFeatures) : 0.0;
    return out;
}

SameTypistScore sameTypist(const KeystrokeProfile &a, const KeystrokeProfile &b,
                           const KeystrokeOptions &options)
{
    SameTypistScore out;
    // One observation says nothing about its own spread.
    const std::size_t minCount = std::max<std::size_t>(options.minCount, 2);
    double sum = 0.0;
    for (const auto &[name, fa] : a.features) {
        const auto it = b.features.find(name);
        if (it == b.features.end() || fa.count < minCount || it->second.count < minCount) {
            continue;
        }
        const FeatureStats &fb = it->second;
        const double na = static_cast<double>(fa.count);
        const double nb = static_cast<double>(fb.count);
        // Deviation measured around a sample's own mean runs low by sqrt((n-1)/n) (for n = 2 by 30 %),
        // which would make every short session look unlike itself; undo that before pooling.
        const double devA = fa.meanAbsDeviation * std::sqrt(na / (na - 1.0));
        const double devB = fb.meanAbsDeviation * std::sqrt(nb / (nb - 1.0));
        // Pooled per-keystroke deviation, times the standard-error factor of a difference of means:
        // the typical |mean_a - mean_b| if both sessions came from the same typist.
        const double pooled = (na * devA + nb * devB) / (na + nb);
        const double scale = std::max(pooled, options.minDeviationMs) * std::sqrt(1.0 / na + 1.0 / nb);
        sum += std::abs(fa.mean - fb.mean) / scale;
        ++out.sharedFeatures;
    }
    out.comparable = out.sharedFeatures >= std::max<std::size_t>(options.minSharedFeatures, 1);
    if (!out.comparable) {
        return out;
    }
    out.distance = sum / static_cast<double>(out.sharedFeatures);
    out.score = sameTypistScoreOf(out.distance);
    return out;
}

double sameTypistScoreOf(double distance) noexcept
{
    const double r = std::max(distance, 0.0) / kSameTypistHalfPoint;
    return 100.0 / (1.0 + r * r * r * r);
}

double sameTypistDistanceOf(double score) noexcept
{
    if (!(score > 0.0))
        return std::numeric_limits<double>::infinity();
    return kSameTypistHalfPoint * std::pow(std::max(100.0 / std::min(score, 100.0) - 1.0, 0.0), 0.25);
}

SameTypistScore sameTypist(std::span<const Keystroke> a, std::span<const Keystroke> b,
                           const KeystrokeOptions &options)
{
    return sameTypist(KeystrokeProfile::fromSamples(extractKeystrokeFeatures(a, options)),
                      KeystrokeProfile::fromSamples(extractKeystrokeFeatures(b, options)), options);
}

} // namespace Proctor::Analysis
