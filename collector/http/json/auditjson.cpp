// SPDX-License-Identifier: MIT
#include "http/json/auditjson.h"

#include <QJsonArray>

#include "http/json/timestampjson.h"

namespace Proctor::Collector::Http::Json {
namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QJsonObject toJson(const Storage::AuditRecord &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("actor"), a.actor},
                       {QStringLiteral("adminId"), a.adminId ? QJsonValue(*a.adminId) : QJsonValue()},
                       {QStringLiteral("action"), a.action},
                       {QStringLiteral("target"), textOrNull(a.target)},
                       {QStringLiteral("details"), a.details},
                       {QStringLiteral("clientIp"), textOrNull(a.clientIp)},
                       {QStringLiteral("createdAt"), timestampJson(a.createdAt)}};
}

QJsonObject toJson(const Storage::AuditPage &page)
{
    QJsonArray items;
    for (const Storage::AuditRecord &a : page.items)
        items.append(toJson(a));
    const QJsonValue next =
        page.nextAfterId
            ? QJsonValue(Storage::ReviewCursor::encode(QJsonArray{QJsonValue(*page.nextAfterId)}))
            : QJsonValue();
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}};
}

} // namespace Proctor::Collector::Http::Json
