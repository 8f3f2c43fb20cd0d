// SPDX-License-Identifier: MIT
// The DTW alignment as index pairs, which the desktop draws as lines between the two trajectories.
#pragma once

#include <cstddef>
#include <vector>

namespace Proctor::Dtw {

struct PathStep
{
    std::size_t i = 0; // index into the first series
    std::size_t j = 0; // index into the second series

    friend bool operator==(const PathStep &, const PathStep &) = default;
};

// Starts at (0, 0), ends at (n-1, m-1); each step advances i, j or both by exactly one.
using WarpingPath = std::vector<PathStep>;

} // namespace Proctor::Dtw
