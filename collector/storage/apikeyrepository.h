// SPDX-License-Identifier: MIT
// api_keys table access, the one place for it: the key check on the hot path (by hash), usage counts in
// aggregated batches, and the changes ApiKeyService makes inside its transaction (so the audit row commits
// with them). Only SHA-256 hashes are stored.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>

#include "auth/apikey.h"

namespace Proctor::Collector::Storage {

struct ApiKeyRecord
{
    Auth::ApiKeyInfo info;
    QString prefix;
    QDateTime createdAt;
    QDateTime revokedAt; // invalid while active
    qint64 usageCount = 0;
    QDateTime lastUsedAt; // invalid when never used
};

// One key a revocation touched.
struct ApiKeyRevocation
{
    qint64 id = 0;
    QByteArray hash;             // to drop the key from caches
    bool alreadyRevoked = false; // revoked before: nothing changed
};

namespace ApiKeyRepository {

// The new row (usage 0, active).
ApiKeyRecord insert(pqxx::work &tx, const QString &name, const Auth::NewApiKey &key,
                    const QStringList &scopes);
std::optional<Auth::ApiKeyInfo> findByHash(pqxx::connection &c, const QByteArray &hash);
// Every key, oldest first.
QList<ApiKeyRecord> list(pqxx::connection &c);
// Revokes one key (row-locked); nullopt when there is no such key.
std::optional<ApiKeyRevocation> revoke(pqxx::work &tx, qint64 id);
// Revokes every key with this prefix; empty when none has it.
QList<ApiKeyRevocation> revokeByPrefix(pqxx::work &tx, const QString &prefix);
// The ids of every revoked key (the session guard's set at start).
QList<qint64> revokedIds(pqxx::connection &c);
// Adds aggregated usage: key id -> requests since the last flush.
void addUsage(pqxx::connection &c, const QHash<qint64, qint64> &counts);

} // namespace ApiKeyRepository
} // namespace Proctor::Collector::Storage
