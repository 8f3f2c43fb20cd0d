// SPDX-License-Identifier: MIT
// Construction and repair of staircase windows (full, Sakoe-Chiba, arbitrary corridors).
#include "analysis/window.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Proctor::Dtw {

namespace {

// Absorbs the rounding of i·(m-1)/(n-1) so that an integer radius on equal lengths yields exactly
// |i - j| <= r instead of occasionally dropping a boundary cell.
constexpr double kBoundarySlack = 1e-9;

} // namespace

Window::Window(std::size_t rows, std::size_t cols, std::vector<ColumnRange> ranges)
    : m_rows(rows), m_cols(cols), m_ranges(std::move(ranges))
{
    repair();
}

Window Window::full(std::size_t rows, std::size_t cols)
{
    std::vector<ColumnRange> ranges;
    if (rows > 0 && cols > 0) {
        ranges.assign(rows, ColumnRange{0, cols - 1});
    }
    return Window(rows, cols, std::move(ranges));
}

Window Window::fromBand(std::size_t rows, std::size_t cols, const Band &band)
{
    if (rows == 0 || cols == 0) {
        return Window(rows, cols, {});
    }
    const double radius = band.radius(rows, cols);
    if (std::isinf(radius) || radius >= static_cast<double>(std::max(rows, cols))) {
        return full(rows, cols);
    }
    std::vector<ColumnRange> ranges(rows);
    if (rows == 1 || cols == 1) {
        // A single row or column admits exactly one path; the band cannot remove any of it.
        return full(rows, cols);
    }
    const double longer = static_cast<double>(std::max(rows, cols));
    const double slope = static_cast<double>(cols - 1) / static_cast<double>(rows - 1);
    const double radiusInColumns = radius * static_cast<double>(cols - 1) / (longer - 1.0);
    const double lastCol = static_cast<double>(cols - 1);
    for (std::size_t i = 0; i < rows; ++i) {
        const double centre = static_cast<double>(i) * slope;
        const double lo = std::ceil(centre - radiusInColumns - kBoundarySlack);
        const double hi = std::floor(centre + radiusInColumns + kBoundarySlack);
        ranges[i].lo = static_cast<std::size_t>(std::clamp(lo, 0.0, lastCol));
        ranges[i].hi = static_cast<std::size_t>(std::clamp(hi, 0.0, lastCol));
    }
    return Window(rows, cols, std::move(ranges));
}

Window Window::fromRanges(std::size_t rows, std::size_t cols, std::vector<ColumnRange> ranges)
{
    if (rows == 0 || cols == 0) {
        return Window(rows, cols, {});
    }
    ranges.resize(rows, ColumnRange{0, cols - 1});
    return Window(rows, cols, std::move(ranges));
}

void Window::repair()
{
    m_cellCount = 0;
    if (m_rows == 0 || m_cols == 0) {
        m_ranges.clear();
        return;
    }
    const std::size_t lastCol = m_cols - 1;
    for (ColumnRange &r : m_ranges) {
        r.lo = std::min(r.lo, lastCol);
        r.hi = std::clamp(r.hi, r.lo, lastCol);
    }
    m_ranges.front().lo = 0;
    m_ranges.back().hi = lastCol;
    for (std::size_t i = 1; i < m_rows; ++i) {
        m_ranges[i].hi = std::max(m_ranges[i].hi, m_ranges[i - 1].hi);
    }
    for (std::size_t i = m_rows - 1; i-- > 0;) {
        m_ranges[i].lo = std::min(m_ranges[i].lo, m_ranges[i + 1].lo);
    }
    // A gap between consecutive rows would make the corner unreachable; widen the upper row.
    for (std::size_t i = 0; i + 1 < m_rows; ++i) {
        if (m_ranges[i + 1].lo > m_ranges[i].hi + 1) {
            m_ranges[i].hi = m_ranges[i + 1].lo - 1;
        }
    }
    for (const ColumnRange &r : m_ranges) {
        m_cellCount += r.hi - r.lo + 1;
    }
}

bool Window::contains(std::size_t i, std::size_t j) const noexcept
{
    return i < m_rows && j >= m_ranges[i].lo && j <= m_ranges[i].hi;
}

std::size_t Window::maxRowWidth() const noexcept
{
    std::size_t widest = 0;
    for (const ColumnRange &r : m_ranges) {
        widest = std::max(widest, r.hi - r.lo + 1);
    }
    return widest;
}

Window Window::transposed() const
{
    if (empty()) {
        return Window(m_cols, m_rows, {});
    }
    std::vector<ColumnRange> columns(m_cols);
    std::size_t first = 0;
    std::size_t last = 0;
    for (std::size_t j = 0; j < m_cols; ++j) {
        while (m_ranges[first].hi < j) {
            ++first;
        }
        while (last + 1 < m_rows && m_ranges[last + 1].lo <= j) {
            ++last;
        }
        columns[j] = ColumnRange{first, last};
    }
    return Window(m_cols, m_rows, std::move(columns));
}

} // namespace Proctor::Dtw
