// SPDX-License-Identifier: MIT
// DTW front end: kernel selection, warping-path DP and the FastDTW-style approximate mode.
#include "analysis/dtw.h"

#include "analysis/dtwkernels.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Proctor::Dtw {

double similarity(double distance, std::size_t n, std::size_t m) noexcept
{
    if (n == 0 || m == 0 || !(distance >= 0.0) || std::isinf(distance)) {
        return 0.0;
    }
    const double steps = static_cast<double>(std::max(n, m));
    return std::clamp(100.0 * std::exp(-distance / (steps * kSimilarityScale)), 0.0, 100.0);
}

double distance(const Series &a, const Series &b, const Window &window, double cutoff, Kernel kernel)
{
    switch (kernel) {
    case Kernel::Vectorised:
        return Kernels::wavefrontFloat(a, b, window, cutoff);
    case Kernel::VectorisedDouble:
        return Kernels::wavefrontDouble(a, b, window, cutoff);
    case Kernel::Scalar:
        return Kernels::scalarRows(a, b, window, cutoff);
    }
    return kInfinity;
}

double distance(const Series &a, const Series &b, const Options &options)
{
    return distance(a, b, Window::fromBand(a.size(), b.size(), options.band), options.cutoff, options.kernel);
}

Result compare(const Series &a, const Series &b, const Options &options)
{
    const Window window = Window::fromBand(a.size(), b.size(), options.band);
    Result result;
    result.cells = window.cellCount();
    result.distance = distance(a, b, window, options.cutoff, options.kernel);
    result.abandoned = std::isinf(result.distance) && !a.empty() && !b.empty();
    result.similarity = similarity(result.distance, a.size(), b.size());
    return result;
}

namespace {

// Full DP over the window in float64, kept in memory so the path can be traced back.
Result alignInWindow(const Series &a, const Series &b, const Window &window)
{
    Result result;
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if (n == 0 || m == 0) {
        return result;
    }
    result.cells = window.cellCount();
    std::vector<std::size_t> rowStart(n);
    std::size_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        rowStart[i] = total;
        total += window.row(i).hi - window.row(i).lo + 1;
    }
    std::vector<double> acc(total);
    auto at = [&](std::size_t i, std::size_t j) -> double {
        const ColumnRange r = window.row(i);
        return (j < r.lo || j > r.hi) ? kInfinity : acc[rowStart[i] + (j - r.lo)];
    };
    for (std::size_t i = 0; i < n; ++i) {
        const ColumnRange r = window.row(i);
        for (std::size_t j = r.lo; j <= r.hi; ++j) {
            const double dx = a.x[i] - b.x[j];
            const double dy = a.y[i] - b.y[j];
            double best = (i == 0 && j == 0) ? 0.0 : kInfinity;
            if (i > 0) {
                if (j > 0) {
                    best = std::min(best, at(i - 1, j - 1));
                }
                best = std::min(best, at(i - 1, j));
            }
            if (j > r.lo) {
                best = std::min(best, acc[rowStart[i] + (j - 1 - r.lo)]);
            }
            acc[rowStart[i] + (j - r.lo)] = std::sqrt(dx * dx + dy * dy) + best;
        }
    }
    result.distance = at(n - 1, m - 1);
    result.similarity = similarity(result.distance, n, m);

    // Trace back; ties prefer the diagonal so equal-cost paths stay short and look straight.
    WarpingPath &path = result.path;
    path.reserve(n + m);
    std::size_t i = n - 1;
    std::size_t j = m - 1;
    path.push_back({i, j});
    while (i > 0 || j > 0) {
        const double diag = (i > 0 && j > 0) ? at(i - 1, j - 1) : kInfinity;
        const double up = i > 0 ? at(i - 1, j) : kInfinity;
        const double left = j > 0 ? at(i, j - 1) : kInfinity;
        if (diag <= up && diag <= left) {
            --i;
            --j;
        } else if (up <= left) {
            --i;
        } else {
            --j;
        }
        path.push_back({i, j});
    }
    std::reverse(path.begin(), path.end());
    return result;
}

// One level coarser: the mean of each pair of points (the last one alone for odd lengths).
Series halve(const Series &s)
{
    Series out;
    const std::size_t n = s.size();
    out.reserve((n + 1) / 2);
    for (std::size_t i = 0; i < n; i += 2) {
        if (i + 1 < n) {
            out.push(0.5 * (s.x[i] + s.x[i + 1]), 0.5 * (s.y[i] + s.y[i + 1]));
        } else {
            out.push(s.x[i], s.y[i]);
        }
    }
    return out;
}

// The coarse path widened by `radius` coarse cells, projected onto the finer grid (2x per level).
Window projectPath(const WarpingPath &coarse, std::size_t coarseRows, std::size_t rows, std::size_t cols,
                   std::size_t radius)
{
    // The path is monotone, so per coarse row its first and last column bound it, and the widest
    // column span within ±radius rows comes from the rows at the two ends of that range.
    std::vector<std::size_t> first(coarseRows, 0);
    std::vector<std::size_t> last(coarseRows, 0);
    std::vector<bool> seen(coarseRows, false);
    for (const PathStep &s : coarse) {
        if (!seen[s.i]) {
            first[s.i] = s.j;
            seen[s.i] = true;
        }
        last[s.i] = s.j;
    }
    std::vector<ColumnRange> ranges(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t coarseRow = i / 2;
        const std::size_t above = coarseRow >= radius ? coarseRow - radius : 0;
        const std::size_t below = std::min(coarseRows - 1, coarseRow + radius);
        const std::size_t lo = first[above] >= radius ? first[above] - radius : 0;
        const std::size_t hi = last[below] + radius;
        ranges[i] = ColumnRange{2 * lo, std::min(cols - 1, 2 * hi + 1)};
    }
    return Window::fromRanges(rows, cols, std::move(ranges));
}

Window corridor(const Series &a, const Series &b, const ApproximateOptions &options)
{
    const std::size_t floorSize = std::max<std::size_t>(options.minSize, 2);
    if (a.size() <= floorSize || b.size() <= floorSize) {
        return Window::fromBand(a.size(), b.size(), options.band);
    }
    const Series coarseA = halve(a);
    const Series coarseB = halve(b);
    const Result coarse = alignInWindow(coarseA, coarseB, corridor(coarseA, coarseB, options));
    return projectPath(coarse.path, coarseA.size(), a.size(), b.size(), options.radius);
}

} // namespace

Result align(const Series &a, const Series &b, const Window &window)
{
    if (window.cellCount() > kMaxPathCells) {
        return approximate(a, b, ApproximateOptions{});
    }
    return alignInWindow(a, b, window);
}

Result align(const Series &a, const Series &b, const Band &band)
{
    return align(a, b, Window::fromBand(a.size(), b.size(), band));
}

Result approximate(const Series &a, const Series &b, const ApproximateOptions &options)
{
    Result result;
    if (a.empty() || b.empty()) {
        result.approximate = true;
        return result;
    }
    const Window window = corridor(a, b, options);
    if (options.withPath && window.cellCount() <= kMaxPathCells) {
        result = alignInWindow(a, b, window);
    } else {
        result.cells = window.cellCount();
        result.distance = Kernels::wavefrontFloat(a, b, window, kInfinity);
        result.similarity = similarity(result.distance, a.size(), b.size());
    }
    result.approximate = true;
    return result;
}

} // namespace Proctor::Dtw
