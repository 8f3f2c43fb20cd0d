// SPDX-License-Identifier: MIT
// The set of DP cells an alignment may use, as one contiguous column range per row.
#pragma once

#include "analysis/band.h"

#include <cstddef>
#include <vector>

namespace Proctor::Dtw {

struct ColumnRange
{
    std::size_t lo = 0; // inclusive
    std::size_t hi = 0; // inclusive
};

// Every window the library builds is a monotone staircase: lo and hi never decrease from one row to
// the next, consecutive rows touch (lo[i+1] <= hi[i] + 1), row 0 starts at column 0 and the last row
// ends at column m-1. That shape is what lets one kernel serve the Sakoe-Chiba band, the FastDTW
// corridor and the full matrix alike, and it guarantees a warping path from (0,0) to (n-1,m-1) exists.
// Lower bounds take the same Window as the DTW they bound, so they never assume a wider band.
class Window
{
public:
    Window() = default;

    static Window full(std::size_t rows, std::size_t cols);
    static Window fromBand(std::size_t rows, std::size_t cols, const Band &band);
    // Arbitrary ranges are widened (never narrowed) into a valid staircase.
    static Window fromRanges(std::size_t rows, std::size_t cols, std::vector<ColumnRange> ranges);

    std::size_t rows() const noexcept { return m_rows; }
    std::size_t cols() const noexcept { return m_cols; }
    bool empty() const noexcept { return m_rows == 0 || m_cols == 0; }
    const ColumnRange &row(std::size_t i) const { return m_ranges[i]; }
    const std::vector<ColumnRange> &ranges() const noexcept { return m_ranges; }
    bool contains(std::size_t i, std::size_t j) const noexcept;
    std::size_t cellCount() const noexcept { return m_cellCount; }
    std::size_t maxRowWidth() const noexcept;

    // The same cells seen from the other series: DTW(b, a) over transposed() equals DTW(a, b) here.
    Window transposed() const;

private:
    Window(std::size_t rows, std::size_t cols, std::vector<ColumnRange> ranges);
    void repair();

    std::size_t m_rows = 0;
    std::size_t m_cols = 0;
    std::vector<ColumnRange> m_ranges;
    std::size_t m_cellCount = 0;
};

} // namespace Proctor::Dtw
