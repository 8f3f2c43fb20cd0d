// SPDX-License-Identifier: MIT
#include "http/json/apikeyjson.h"

#include <QJsonArray>

#include "http/json/timestampjson.h"

namespace Proctor::Collector::Http::Json {

Expected<Services::NewApiKey> parseNewApiKey(const QJsonObject &body)
{
    Services::NewApiKey key;
    key.name = body.value(QStringLiteral("name")).toString();
    for (const QJsonValue &scope : body.value(QStringLiteral("scopes")).toArray())
        key.scopes.append(scope.toString());
    return key;
}

QJsonObject toJson(const Services::CreatedApiKey &created)
{
    const Storage::ApiKeyRecord &k = created.record;
    return QJsonObject{{QStringLiteral("id"), k.info.id},
                       {QStringLiteral("name"), k.info.name},
                       {QStringLiteral("key"), QString::fromLatin1(created.key)},
                       {QStringLiteral("prefix"), k.prefix},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(k.info.scopes)},
                       {QStringLiteral("createdAt"), timestampJson(k.createdAt)}};
}

QJsonObject toJson(const Storage::ApiKeyRecord &k)
{
    return QJsonObject{{QStringLiteral("id"), k.info.id},
                       {QStringLiteral("name"), k.info.name},
                       {QStringLiteral("prefix"), k.prefix},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(k.info.scopes)},
                       {QStringLiteral("createdAt"), timestampJson(k.createdAt)},
                       {QStringLiteral("revoked"), k.info.revoked},
                       {QStringLiteral("revokedAt"), timestampJson(k.revokedAt)},
                       {QStringLiteral("usageCount"), k.usageCount},
                       {QStringLiteral("lastUsedAt"), timestampJson(k.lastUsedAt)}};
}

QJsonObject toJson(const QList<Storage::ApiKeyRecord> &keys)
{
    QJsonArray items;
    for (const Storage::ApiKeyRecord &k : keys)
        items.append(toJson(k));
    return QJsonObject{{QStringLiteral("items"), items}};
}

} // namespace Proctor::Collector::Http::Json
