// SPDX-License-Identifier: MIT
// LB_Kim and LB_Keogh for 2-D series under an arbitrary staircase window.
#include "analysis/lowerbounds.h"

#include <algorithm>
#include <cmath>

namespace Proctor::Dtw {

namespace {

double cost(const Series &a, std::size_t i, const Series &b, std::size_t j)
{
    const double dx = a.x[i] - b.x[j];
    const double dy = a.y[i] - b.y[j];
    return std::sqrt(dx * dx + dy * dy);
}

// out[i] = extreme of v over ranges[i]; `keep(x, y)` is true when x should stay ahead of y.
template <typename Keep>
void slidingExtreme(const std::vector<double> &v, const std::vector<ColumnRange> &ranges,
                    std::vector<double> &out, std::vector<std::size_t> &queue, Keep keep)
{
    out.resize(ranges.size());
    queue.resize(v.size());
    std::size_t head = 0;
    std::size_t tail = 0;
    std::size_t next = 0;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const ColumnRange r = ranges[i];
        for (; next <= r.hi; ++next) {
            while (tail > head && !keep(v[queue[tail - 1]], v[next])) {
                --tail;
            }
            queue[tail++] = next;
        }
        while (queue[head] < r.lo) {
            ++head;
        }
        out[i] = v[queue[head]];
    }
}

} // namespace

double lbKim(const Series &a, const Series &b)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0) {
        return 0.0;
    }
    const double first = cost(a, 0, b, 0);
    if (n == 1 && m == 1) {
        return first;
    }
    const double last = cost(a, n - 1, b, m - 1);
    if (std::max(n, m) < 4) {
        return first + last;
    }
    double second = std::numeric_limits<double>::infinity();
    double penultimate = std::numeric_limits<double>::infinity();
    if (n >= 2) {
        second = std::min(second, cost(a, 1, b, 0));
        penultimate = std::min(penultimate, cost(a, n - 2, b, m - 1));
    }
    if (m >= 2) {
        second = std::min(second, cost(a, 0, b, 1));
        penultimate = std::min(penultimate, cost(a, n - 1, b, m - 2));
    }
    if (n >= 2 && m >= 2) {
        second = std::min(second, cost(a, 1, b, 1));
        penultimate = std::min(penultimate, cost(a, n - 2, b, m - 2));
    }
    return first + second + penultimate + last;
}

Envelope envelope(const Series &s, const Window &window)
{
    Envelope env;
    if (window.empty() || window.cols() != s.size()) {
        return env;
    }
    std::vector<std::size_t> queue;
    const auto &ranges = window.ranges();
    slidingExtreme(s.x, ranges, env.upperX, queue,
                   [](double kept, double incoming) { return kept > incoming; });
    slidingExtreme(s.x, ranges, env.lowerX, queue,
                   [](double kept, double incoming) { return kept < incoming; });
    slidingExtreme(s.y, ranges, env.upperY, queue,
                   [](double kept, double incoming) { return kept > incoming; });
    slidingExtreme(s.y, ranges, env.lowerY, queue,
                   [](double kept, double incoming) { return kept < incoming; });
    return env;
}

double lbKeogh(const Series &a, const Envelope &envelopeOfB, double cutoff)
{
    const std::size_t n = a.size();
    if (n == 0 || envelopeOfB.size() != n) {
        return 0.0;
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = a.x[i];
        const double y = a.y[i];
        const double dx = std::max({0.0, x - envelopeOfB.upperX[i], envelopeOfB.lowerX[i] - x});
        const double dy = std::max({0.0, y - envelopeOfB.upperY[i], envelopeOfB.lowerY[i] - y});
        sum += std::sqrt(dx * dx + dy * dy);
        if (sum > cutoff) {
            return sum;
        }
    }
    return sum;
}

double lbKeogh(const Series &a, const Series &b, const Window &window)
{
    return lbKeogh(a, envelope(b, window));
}

} // namespace Proctor::Dtw
