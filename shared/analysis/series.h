// SPDX-License-Identifier: MIT
// A 2-D series in structure-of-arrays form, the layout the DTW kernels and lower bounds stream through.
#pragma once

#include <cstddef>
#include <vector>

namespace Proctor::Dtw {

// SoA rather than a vector of points: the kernels load x and y of consecutive indices into SIMD lanes.
struct Series
{
    std::vector<double> x;
    std::vector<double> y;

    std::size_t size() const noexcept { return x.size(); }
    bool empty() const noexcept { return x.empty(); }
    void reserve(std::size_t n)
    {
        x.reserve(n);
        y.reserve(n);
    }
    void push(double px, double py)
    {
        x.push_back(px);
        y.push_back(py);
    }
};

} // namespace Proctor::Dtw
