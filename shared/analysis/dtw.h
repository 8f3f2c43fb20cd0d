// SPDX-License-Identifier: MIT
// Dynamic time warping of 2-D trajectories: exact distance, warping path, approximate preview, similarity.
#pragma once

#include "analysis/band.h"
#include "analysis/series.h"
#include "analysis/warpingpath.h"
#include "analysis/window.h"

#include <cstddef>
#include <limits>

namespace Proctor::Dtw {

// ---- The one similarity score (collector endpoints, desktop overlay and risk score all use this) ----
//
//   similarity = 100 · exp(-d / (L · s0)),   L = max(n, m),   s0 = kSimilarityScale = 0.1
//
// d is the DTW distance (sum of Euclidean point costs along the warping path) between trajectories
// prepared by Analysis::prepareTrajectory (default: resampled every 16 ms, centred on the centroid,
// scaled so the bounding-box diagonal is 1). d / L is then the mean point-to-point deviation per
// aligned step as a fraction of the trajectory's size. L is max(n, m), the shortest possible path
// length, rather than the actual path length, so the score is computable from the distance alone
// (1-vs-N search never builds a path) and every caller gets the same number.
// Reading: mean deviation 1.6 % of the size -> 85 (the original system's "suspicious" threshold),
// 5 % -> 61, 10 % -> 37, 30 % -> 5. Range [0, 100]; empty input or an abandoned distance -> 0.
inline constexpr double kSimilarityScale = 0.1;
double similarity(double distance, std::size_t n, std::size_t m) noexcept;

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

enum class Kernel
{
    Vectorised,       // float32 anti-diagonal wavefront, SSE2 (default; see dtwkernels.h for accuracy)
    VectorisedDouble, // float64 wavefront, bit-identical to Scalar
    Scalar,           // plain float64 row loop (reference / benchmark baseline)
};

struct Options
{
    Band band = Band::none();
    // Early abandoning: when the distance certainly exceeds this, stop and report +inf (abandoned).
    // A distance <= cutoff is returned unchanged.
    double cutoff = kInfinity;
    Kernel kernel = Kernel::Vectorised;
};

struct Result
{
    double distance = kInfinity;
    double similarity = 0.0;
    bool abandoned = false;   // distance > cutoff was proven before finishing
    bool approximate = false; // produced by approximate() (or align() above its memory budget)
    std::size_t cells = 0;    // DP cells in the window that was evaluated
    WarpingPath path;         // empty for distance-only calls
};

// Distance only, O(window width) memory. +inf for empty input or when abandoned.
double distance(const Series &a, const Series &b, const Options &options = {});
double distance(const Series &a, const Series &b, const Window &window, double cutoff = kInfinity,
                Kernel kernel = Kernel::Vectorised);

// Distance + similarity + bookkeeping, still without a path.
Result compare(const Series &a, const Series &b, const Options &options = {});

// Exact DTW in float64 with the warping path, for drawing the overlay. Stores the banded matrix
// (8 bytes per window cell); above kMaxPathCells it falls back to approximate() and says so.
inline constexpr std::size_t kMaxPathCells = std::size_t{16} << 20;
Result align(const Series &a, const Series &b, const Band &band = Band::none());
Result align(const Series &a, const Series &b, const Window &window);

// FastDTW-style preview: halve both series recursively down to minSize points, align exactly there
// (inside `band`), then at each finer level align inside the previous path widened by `radius` coarse
// cells. Cost O((n + m) · radius) instead of O(n · m). The result is the cost of a real warping path,
// so it is never below the unconstrained exact distance; with the default radius it is typically
// within 1 % of it (measured numbers in README.md). Result::approximate is true.
struct ApproximateOptions
{
    std::size_t radius = 8;
    std::size_t minSize = 64;
    Band band = Band::none(); // applied at the coarsest level only
    bool withPath = true;
};
Result approximate(const Series &a, const Series &b, const ApproximateOptions &options = {});

} // namespace Proctor::Dtw
