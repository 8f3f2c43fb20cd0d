// SPDX-License-Identifier: MIT
// Distance-only DTW kernels behind Proctor::Dtw::distance(); exposed for the tests and the benchmark.
#pragma once

#include "analysis/series.h"
#include "analysis/window.h"

#include <cstddef>

namespace Proctor::Dtw::Kernels {

// All kernels compute exact DTW (sum of Euclidean point costs along the cheapest warping path inside
// `window`, which must be a.size() x b.size()). They return +inf for empty input and when the partial
// distances prove the result exceeds `cutoff` (early abandoning). Abandoning only happens when every
// cell of two consecutive anti-diagonals (or one row, for the row kernel) is above the cutoff; DP
// values only grow along a path, so a result <= cutoff is never abandoned and is bit-identical to the
// run without a cutoff. All use O(window width) memory.

// Anti-diagonal wavefront in float32, 4 lanes of SSE2 per step (scalar loop without SSE2). Cells of one
// anti-diagonal are independent and sit at consecutive indices once b is reversed, so the inner loop
// is straight loads, sqrt, min and store. Fastest; accurate to float32Tolerance().
double wavefrontFloat(const Series &a, const Series &b, const Window &window, double cutoff);

// The same wavefront in float64 (2 SSE2 lanes). It performs the same operations in the same order as
// scalarRows(), so the two agree bit for bit.
double wavefrontDouble(const Series &a, const Series &b, const Window &window, double cutoff);

// The plain row-by-row float64 loop: the reference the benchmark compares the kernels against.
double scalarRows(const Series &a, const Series &b, const Window &window, double cutoff);

// A bound on |wavefrontFloat - exact| for series of these lengths whose coordinates are at most
// maxAbsCoordinate in magnitude and whose distance is about `distance`: float rounding of the inputs,
// of each cost and of each addition, summed over the longest possible path (n + m - 1 cells).
// Pruning by a float64 lower bound adds this so float rounding never prunes a true top-k member.
double float32Tolerance(std::size_t n, std::size_t m, double maxAbsCoordinate, double distance);

} // namespace Proctor::Dtw::Kernels
