// SPDX-License-Identifier: MIT
#include "export/csvexporter.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace Proctor::Admin::Export {

QString csvField(const QString &value, QChar separator)
{
    // A leading =, +, - or @ would run as a formula in spreadsheet programs (CSV injection).
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()) && !(v.size() > 1 && v.at(1).isDigit()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(separator) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray toCsv(const QAbstractItemModel &model, const CsvOptions &options)
{
    QString out;
    QStringList fields;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c)
        fields.append(csvField(model.headerData(c, Qt::Horizontal).toString(), options.separator));
    out += fields.join(options.separator) + QStringLiteral("\r\n");
    QList<int> rows = options.rows;
    if (rows.isEmpty())
        for (int r = 0; r < model.rowCount(); ++r)
            rows.append(r);
    for (int r : rows) {
        fields.clear();
        for (int c = 0; c < columns; ++c)
            fields.append(csvField(model.index(r, c).data(Qt::DisplayRole).toString(), options.separator));
        out += fields.join(options.separator) + QStringLiteral("\r\n");
    }
    QByteArray bytes = out.toUtf8();
    if (options.byteOrderMark)
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}

bool writeCsv(const QAbstractItemModel &model, const QString &path, QString *error, const CsvOptions &options)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    f.write(toCsv(model, options));
    if (!f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace Proctor::Admin::Export
