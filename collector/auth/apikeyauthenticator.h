// SPDX-License-Identifier: MIT
// Checks X-API-Key: in-process cache (seconds) -> Redis -> PostgreSQL. Counts usage in process and
// flushes it to PostgreSQL periodically instead of writing an UPDATE per request.
#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "auth/apikey.h"
#include "core/error.h"

namespace Proctor::Collector {
namespace Redis {
class RedisClient;
}
namespace Storage {
class DbPool;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Auth {

class ApiKeyAuthenticator final : public QObject
{
public:
    using Callback = std::function<void(Expected<ApiKeyInfo>)>;

    ApiKeyAuthenticator(Storage::DbPool &db, Redis::RedisClient &redis, QObject *parent = nullptr);
    ~ApiKeyAuthenticator() override;

    // `callback` runs on this object's thread. 401 for a missing, unknown or revoked key, 403 for a key
    // without `scope`.
    void authenticate(const QByteArray &rawKey, const QString &scope, Callback callback);
    // A revoked key: drops it from the in-process cache at once, deletes the shared Redis copy, and drops
    // it from the in-process cache again once Redis has answered (see the .cpp for why both).
    // `id` (when known, else 0) joins the revoked ids that isRevokedId() answers from.
    void dropRevoked(const QByteArray &hash, qint64 id = 0);
    // Whether the key with this id is revoked: session tokens carry the id of the key that opened them,
    // and the page guard refuses a token of a revoked key. The set is loaded from PostgreSQL when this
    // object is created and grows with every revocation seen (live message, own revoke, lookup).
    bool isRevokedId(qint64 id) const { return m_revokedIds.contains(id); }
    // Writes the usage counted so far (also on a timer and at destruction).
    void flushUsage();

    static QByteArray redisKey(const QByteArray &hash) { return "proctor:apikey:" + hash.toHex(); }

private:
    struct Cached
    {
        std::optional<ApiKeyInfo> info; // nullopt: no such key
        qint64 expiresMs = 0;
    };
    void decide(const std::optional<ApiKeyInfo> &info, const QString &scope, const Callback &callback);
    void remember(const QByteArray &hash, const std::optional<ApiKeyInfo> &info);
    void lookUpInDatabase(const QByteArray &hash, const QString &scope, Callback callback);

    Storage::DbPool &m_db;
    Redis::RedisClient &m_redis;
    QHash<QByteArray, Cached> m_cache;
    QHash<qint64, qint64> m_usage;
    QSet<qint64> m_revokedIds;
    QTimer m_flushTimer;
};

QByteArray apiKeyInfoToJson(const std::optional<ApiKeyInfo> &info);
std::optional<std::optional<ApiKeyInfo>> apiKeyInfoFromJson(const QByteArray &json);

} // namespace Proctor::Collector::Auth
