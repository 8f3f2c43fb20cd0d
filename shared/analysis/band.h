// SPDX-License-Identifier: MIT
// Sakoe-Chiba band settings: how far an alignment may stray from the (scaled) diagonal.
#pragma once

#include <cstddef>

namespace Proctor::Dtw {

// The band is measured on the longer series' index scale: with L = max(n, m), row i and column j are
// mapped to u = i·(L-1)/(n-1) and v = j·(L-1)/(m-1), and a cell is inside when |u - v| <= radius.
// For equal lengths this is the textbook |i - j| <= r. Mapping both axes onto one scale keeps the band
// symmetric when the two trajectories have different lengths, and the corner (n-1, m-1) always lies
// on the centre line, so a band of any width still admits a complete path (Window repairs the
// staircase when rounding would leave a gap).
struct Band
{
    enum class Kind
    {
        None,     // unconstrained DTW
        Fraction, // radius = value · L (UCR convention: 0.1 means ±10 % of the longer length)
        Absolute, // radius = value cells on the longer series' scale
    };

    Kind kind = Kind::None;
    double value = 0.0;

    static constexpr Band none() { return {}; }
    static constexpr Band fraction(double f) { return {Kind::Fraction, f}; }
    static constexpr Band absolute(double cells) { return {Kind::Absolute, cells}; }

    bool isNone() const noexcept { return kind == Kind::None; }
    // Radius on the longer series' scale for lengths n and m; +inf for Kind::None.
    double radius(std::size_t n, std::size_t m) const noexcept;
};

} // namespace Proctor::Dtw
