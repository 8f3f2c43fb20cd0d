// SPDX-License-Identifier: MIT
// File and upload sizes as a proctor reads them in the interface language ("256 KB", "256 КБ", "700 байт").
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace Proctor::Admin {

class DataSize
{
    Q_DECLARE_TR_FUNCTIONS(DataSize)
public:
    // Binary multiples (1 KB = 1024 bytes, as the server's limits are meant), the number in `locale`'s
    // notation with one decimal below 10 units and none from 10 on, and no ",0". QLocale::formattedDataSize
    // is not used: its IEC units stay English in Russian ("256,00 KiB") and it declines bytes wrongly
    // ("700 байты").
    static QString text(qint64 bytes, const QLocale &locale = QLocale());
};

} // namespace Proctor::Admin
