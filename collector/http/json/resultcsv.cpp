// SPDX-License-Identifier: MIT
#include "http/json/resultcsv.h"

#include "storage/reviewsql.h"

namespace Proctor::Collector::Http::Json::ResultCsv {
namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

template <typename T> QString optionalNumber(const std::optional<T> &v)
{
    return v ? QString::number(*v) : QString();
}

QString optionalBool(const std::optional<bool> &v)
{
    return v ? (*v ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

void appendLine(QByteArray &out, const QStringList &cells, char separator)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += separator;
        out += cell(cells[i], separator);
    }
    out += "\r\n";
}

} // namespace

QByteArray cell(const QString &value, char separator)
{
    QString v = value;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!v.isEmpty() && formulaStarts.contains(v.front()))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char(separator)) || v.contains(QLatin1Char('"')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'));
    if (!quote)
        return v.toUtf8();
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + v.toUtf8() + '"';
}

QByteArray head(bool semicolon)
{
    const char sep = semicolon ? ';' : ',';
    QStringList names{
        QStringLiteral("sessionId"),       QStringLiteral("lastName"),      QStringLiteral("firstName"),
        QStringLiteral("middleName"),      QStringLiteral("position"),      QStringLiteral("testId"),
        QStringLiteral("testTitle"),       QStringLiteral("startedAt"),     QStringLiteral("finishedAt"),
        QStringLiteral("durationSeconds"), QStringLiteral("score"),         QStringLiteral("passed"),
        QStringLiteral("grade"),           QStringLiteral("riskScore"),     QStringLiteral("riskLevel"),
        QStringLiteral("reviewState"),     QStringLiteral("violationCount")};
    for (const QString &type : Storage::ReviewSql::violationTypes())
        names.append(QStringLiteral("violations.") + type);
    names.append(QStringLiteral("certificateNumber"));
    QByteArray out = semicolon ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    appendLine(out, names, sep);
    return out;
}

QByteArray rows(const Services::ResultList &list, bool semicolon)
{
    const char sep = semicolon ? ';' : ',';
    QByteArray out;
    out.reserve(list.items.size() * 300);
    for (const Services::ResultItem &item : list.items) {
        const Storage::ResultRow &r = item.row;
        QStringList cells{r.sessionId.toString(QUuid::WithoutBraces),
                          r.candidate.lastName,
                          r.candidate.firstName,
                          r.candidate.middleName,
                          r.candidate.position,
                          r.testId,
                          r.testTitle,
                          iso(r.startedAt),
                          iso(r.finishedAt),
                          optionalNumber(r.durationSeconds),
                          optionalNumber(r.score),
                          optionalBool(r.passed),
                          item.grade ? QString::number(item.grade->number) : QString(),
                          QString::number(r.risk.score),
                          r.risk.level,
                          Storage::reviewStateName(r.reviewState),
                          QString::number(r.violationCount)};
        for (const QString &type : Storage::ReviewSql::violationTypes())
            cells.append(QString::number(r.violations.value(type, 0)));
        cells.append(r.certificateNumber.value_or(QString()));
        appendLine(out, cells, sep);
    }
    return out;
}

} // namespace Proctor::Collector::Http::Json::ResultCsv
