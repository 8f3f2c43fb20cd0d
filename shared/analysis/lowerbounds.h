// SPDX-License-Identifier: MIT
// Cheap lower bounds on the DTW distance (LB_Kim, LB_Keogh) that let a 1-vs-N search skip candidates.
#pragma once

#include "analysis/series.h"
#include "analysis/window.h"

#include <cstddef>
#include <limits>
#include <vector>

namespace Proctor::Dtw {

// LB_Kim (the "first/last" variant of the UCR suite, for 2-D Euclidean costs). Every warping path
// starts at (0,0) and ends at (n-1,m-1); its second cell is one of (1,0), (0,1), (1,1) and its
// second-to-last one of (n-2,m-1), (n-1,m-2), (n-2,m-2). When max(n, m) >= 4 these four path
// positions are distinct cells, so the sum of their (minimum) costs is <= the path cost. Shorter
// series use only first and last (or just the single cell). O(1). Valid for any lengths and any
// band: a band only removes paths, which can only raise the DTW distance.
double lbKim(const Series &a, const Series &b);

// Bounding box of a series over the columns each row of a window may align with.
struct Envelope
{
    std::vector<double> lowerX, upperX, lowerY, upperY;

    std::size_t size() const noexcept { return lowerX.size(); }
};

// Envelope of `s` for a window whose rows index the OTHER series and whose columns index `s`
// (window.cols() == s.size()); entry i is the bounding box of s[row(i).lo .. row(i).hi].
// Sliding min/max with a monotone deque: O(rows + cols) because the staircase only moves forward.
Envelope envelope(const Series &s, const Window &window);

// LB_Keogh for 2-D series of any lengths (the multivariate "LB_MV" form):
//   LB(a, E_b) = sum_i dist(a_i, box_i),  box_i = bounding box of b over the window's row i.
// Why it is a lower bound of DTW(a, b) under that same window: a warping path visits every row i at
// least once, at a cell (i, j) with j inside row i's range; those cells are distinct, and the cost
// |a_i - b_j| is >= the distance from a_i to the box containing b_j. No resampling to equal length is
// needed because the envelope follows the window's own (possibly slanted) rows. The reverse bound
// lbKeogh(b, envelope(a, window.transposed())) is equally valid; the search uses both.
// Summation stops as soon as the partial sum exceeds `cutoff` (the partial sum is still a bound).
double lbKeogh(const Series &a, const Envelope &envelopeOfB,
               double cutoff = std::numeric_limits<double>::infinity());
double lbKeogh(const Series &a, const Series &b, const Window &window);

} // namespace Proctor::Dtw
