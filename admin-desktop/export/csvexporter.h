// SPDX-License-Identifier: MIT
// CSV of any table model as shown (header texts, display texts), RFC 4180 quoting, UTF-8 with BOM so
// spreadsheet programs read Cyrillic names correctly.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace Proctor::Admin::Export {

struct CsvOptions
{
    QChar separator = QLatin1Char(',');
    bool byteOrderMark = true;
    QList<int> rows; // empty = every row
};

QByteArray toCsv(const QAbstractItemModel &model, const CsvOptions &options = {});
bool writeCsv(const QAbstractItemModel &model, const QString &path, QString *error = nullptr,
              const CsvOptions &options = {});
QString csvField(const QString &value, QChar separator = QLatin1Char(','));

} // namespace Proctor::Admin::Export
