// SPDX-License-Identifier: MIT
// Sakoe-Chiba band radius on the longer series' index scale.
#include "analysis/band.h"

#include <algorithm>
#include <limits>

namespace Proctor::Dtw {

double Band::radius(std::size_t n, std::size_t m) const noexcept
{
    const double longer = static_cast<double>(std::max(n, m));
    switch (kind) {
    case Kind::None:
        return std::numeric_limits<double>::infinity();
    case Kind::Fraction:
        return std::max(0.0, value) * longer;
    case Kind::Absolute:
        return std::max(0.0, value);
    }
    return std::numeric_limits<double>::infinity();
}

} // namespace Proctor::Dtw
