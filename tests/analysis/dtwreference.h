// SPDX-License-Identifier: MIT
// Test helpers: random trajectories and a naive O(n·m) DTW the library is checked against.
#pragma once

#include "analysis/series.h"
#include "analysis/window.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace Proctor::Dtw::Testing {

// The textbook recurrence over the full (n+1)x(m+1) matrix, cells outside the window left at +inf.
// Deliberately shares no code with the kernels.
inline double naiveDtw(const Series &a, const Series &b, const Window &window)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const double inf = std::numeric_limits<double>::infinity();
    if (n == 0 || m == 0) {
        return inf;
    }
    std::vector<double> d((n + 1) * (m + 1), inf);
    auto at = [&](std::size_t i, std::size_t j) -> double & { return d[i * (m + 1) + j]; };
    at(0, 0) = 0.0;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            if (!window.contains(i - 1, j - 1)) {
                continue;
            }
            const double cost = std::hypot(a.x[i - 1] - b.x[j - 1], a.y[i - 1] - b.y[j - 1]);
            at(i, j) = cost + std::min({at(i - 1, j - 1), at(i - 1, j), at(i, j - 1)});
        }
    }
    return at(n, m);
}

inline Series randomWalk(std::mt19937 &rng, std::size_t n, double step = 1.0)
{
    std::normal_distribution<double> g(0.0, step);
    Series s;
    double x = g(rng) * 5.0;
    double y = g(rng) * 5.0;
    for (std::size_t i = 0; i < n; ++i) {
        x += g(rng);
        y += g(rng);
        s.push(x, y);
    }
    return s;
}

// A noisy, time-warped copy: what a replayed or closely imitated movement looks like.
inline Series warpedCopy(std::mt19937 &rng, const Series &s, std::size_t n, double noise)
{
    std::normal_distribution<double> g(0.0, noise);
    Series out;
    for (std::size_t i = 0; i < n; ++i) {
        const double u = n == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
        const double pos = std::pow(u, 1.1) * static_cast<double>(s.size() - 1);
        const std::size_t k = std::min(static_cast<std::size_t>(pos), s.size() - 1);
        out.push(s.x[k] + g(rng), s.y[k] + g(rng));
    }
    return out;
}

inline double maxAbs(const Series &s)
{
    double m = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        m = std::max({m, std::abs(s.x[i]), std::abs(s.y[i])});
    }
    return m;
}

} // namespace Proctor::Dtw::Testing
