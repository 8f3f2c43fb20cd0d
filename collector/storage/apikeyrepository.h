// SPDX-License-Identifier: MIT
// api_keys table access. Only SHA-256 hashes are stored; usage counts arrive in aggregated batches.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QHash>
#include <QList>

#include "auth/apikey.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {

struct ApiKeyRecord
{
    Auth::ApiKeyInfo info;
    QString prefix;
    QDateTime createdAt;
    QDateTime revokedAt;
    qint64 usageCount = 0;
    QDateTime lastUsedAt;
};

namespace ApiKeyRepository {

qint64 insert(pqxx::connection &c, const QString &name, const Auth::NewApiKey &key,
              const QStringList &scopes);
std::optional<Auth::ApiKeyInfo> findByHash(pqxx::connection &c, const QByteArray &hash);
QList<ApiKeyRecord> list(pqxx::connection &c);
// Revokes by id or by prefix; returns the hashes revoked (to drop from caches).
QList<QByteArray> revoke(pqxx::connection &c, const QString &idOrPrefix);
// Adds aggregated usage: key id -> requests since the last flush.
void addUsage(pqxx::connection &c, const QHash<qint64, qint64> &counts);

} // namespace ApiKeyRepository
} // namespace Proctor::Collector::Storage
