// SPDX-License-Identifier: MIT
// File and upload sizes in the interface language.
#include "app/datasize.h"

#include <cmath>

namespace Proctor::Admin {

QString DataSize::text(qint64 bytes, const QLocale &locale)
{
    if (bytes < 1024)
        return tr("%n byte(s)", nullptr, int(qMax<qint64>(0, bytes)));
    double value = double(bytes) / 1024.0;
    int unit = 0; // KB, MB, GB
    while (value >= 1024.0 && unit < 2) {
        value /= 1024.0;
        ++unit;
    }
    const double tenths = std::round(value * 10.0);
    const bool whole = value >= 10.0 || std::fmod(tenths, 10.0) == 0.0;
    const QString number =
        whole ? locale.toString(std::round(value), 'f', 0) : locale.toString(tenths / 10.0, 'f', 1);
    switch (unit) {
    case 0:
        return tr("%1 KB").arg(number);
    case 1:
        return tr("%1 MB").arg(number);
    default:
        return tr("%1 GB").arg(number);
    }
}

} // namespace Proctor::Admin
