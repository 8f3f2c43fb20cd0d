// SPDX-License-Identifier: MIT
#include "http/json/rosterjson.h"

#include <QJsonArray>

namespace Proctor::Collector::Http::Json {
namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QJsonObject toJson(const Storage::RosterEntry &e)
{
    return QJsonObject{{QStringLiteral("id"), e.id},
                       {QStringLiteral("testId"), e.testId},
                       {QStringLiteral("lastName"), e.person.lastName},
                       {QStringLiteral("firstName"), e.person.firstName},
                       {QStringLiteral("middleName"), e.person.middleName},
                       {QStringLiteral("position"), e.person.position},
                       {QStringLiteral("email"), e.person.email},
                       {QStringLiteral("externalId"), e.person.externalId},
                       {QStringLiteral("hasCode"), e.hasCode},
                       {QStringLiteral("codeExpiresAt"), time(e.codeExpiresAt)},
                       {QStringLiteral("codeIssuedAt"), time(e.codeIssuedAt)},
                       {QStringLiteral("starts"), e.starts},
                       {QStringLiteral("lastUsedAt"), time(e.lastUsedAt)},
                       {QStringLiteral("createdAt"), time(e.createdAt)}};
}

QJsonObject toJson(const QList<Storage::RosterEntry> &entries)
{
    QJsonArray items;
    for (const auto &e : entries)
        items.append(toJson(e));
    return QJsonObject{{QStringLiteral("items"), items}};
}

QJsonObject toJson(const Services::IssuedCode &issued)
{
    QJsonObject out = toJson(issued.entry);
    out.insert(QStringLiteral("code"), issued.code);
    return out;
}

QJsonObject toJson(const Services::RosterImport &imported)
{
    QJsonArray codes, unchanged;
    for (const auto &c : imported.codes)
        codes.append(toJson(c));
    for (const auto &e : imported.unchanged)
        unchanged.append(toJson(e));
    return QJsonObject{{QStringLiteral("created"), imported.created},
                       {QStringLiteral("updated"), imported.updated},
                       {QStringLiteral("codes"), codes},
                       {QStringLiteral("unchanged"), unchanged}};
}

Expected<QDateTime> parseExpiresAt(const QString &value)
{
    if (value.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate day = QDate::fromString(value, Qt::ISODate);
        if (day.isValid())
            t = QDateTime(day, QTime(23, 59, 59), Qt::UTC);
    }
    if (!t.isValid())
        return makeError(ErrorCode::BadParameter,
                         QStringLiteral("expiresAt must be an ISO 8601 date or date-time"),
                         QStringLiteral("expiresAt"));
    return t.toUTC();
}

} // namespace Proctor::Collector::Http::Json
