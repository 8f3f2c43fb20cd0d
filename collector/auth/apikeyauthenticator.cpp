// SPDX-License-Identifier: MIT
#include "auth/apikeyauthenticator.h"

#include <QPointer>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "redis/redisclient.h"
#include "logging/log.h"
#include "storage/apikeyrepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Auth {
namespace {

constexpr qint64 kLocalTtlMs = 5000; // bounds how long a revoked key works if the announcement is lost
constexpr int kRedisTtlSeconds = 60;
constexpr int kFlushIntervalMs = 5000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QByteArray apiKeyInfoToJson(const std::optional<ApiKeyInfo> &info)
{
    if (!info)
        return "{\"missing\":true}";
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), double(info->id)},
                                     {QStringLiteral("name"), info->name},
                                     {QStringLiteral("scopes"), QJsonArray::fromStringList(info->scopes)},
                                     {QStringLiteral("revoked"), info->revoked}})
        .toJson(QJsonDocument::Compact);
}

std::optional<std::optional<ApiKeyInfo>> apiKeyInfoFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return std::nullopt;
    if (o.value(QStringLiteral("missing")).toBool())
        return std::optional<ApiKeyInfo>{};
    ApiKeyInfo info;
    info.id = qint64(o.value(QStringLiteral("id")).toDouble());
    info.name = o.value(QStringLiteral("name")).toString();
    for (const auto &s : o.value(QStringLiteral("scopes")).toArray())
        info.scopes.append(s.toString());
    info.revoked = o.value(QStringLiteral("revoked")).toBool();
    return std::optional<ApiKeyInfo>(info);
}

ApiKeyAuthenticator::ApiKeyAuthenticator(Storage::DbPool &db, Redis::RedisClient &redis, QObject *parent)
    : QObject(parent), m_db(db), m_redis(redis)
{
    connect(&m_flushTimer, &QTimer::timeout, this, &ApiKeyAuthenticator::flushUsage);
    m_flushTimer.start(kFlushIntervalMs);
    // Synchronously, before any request: from here on the set is authoritative (every later revocation
    // reaches this instance as ApiKeyRevoked), so the session guard never asks PostgreSQL.
    auto revoked = m_db.run<QList<qint64>>([](pqxx::connection &c) -> Expected<QList<qint64>> {
        return Storage::ApiKeyRepository::revokedIds(c);
    });
    revoked.waitForFinished();
    if (const auto ids = revoked.result())
        m_revokedIds = QSet<qint64>(ids->cbegin(), ids->cend());
    else
        Log::warning(u"revoked API keys not loaded", {{"error", ids.error().message}});
}

ApiKeyAuthenticator::~ApiKeyAuthenticator()
{
    // At shutdown: write synchronously, no continuation may outlive this object.
    if (m_usage.isEmpty())
        return;
    const QHash<qint64, qint64> counts = m_usage;
    m_db.run<bool>([counts](pqxx::connection &c) -> Expected<bool> {
            Storage::ApiKeyRepository::addUsage(c, counts);
            return true;
        })
        .waitForFinished();
}

void ApiKeyAuthenticator::authenticate(const QByteArray &rawKey, const QString &scope, Callback callback)
{
    if (rawKey.isEmpty()) {
        callback(makeError(ErrorCode::MissingApiKey, QStringLiteral("X-API-Key header is required"),
                           QStringLiteral("X-API-Key")));
        return;
    }
    if (rawKey.size() > 128) {
        callback(makeError(ErrorCode::InvalidApiKey, QStringLiteral("invalid API key"),
                           QStringLiteral("X-API-Key")));
        return;
    }
    const QByteArray hash = hashApiKey(rawKey);
    if (auto it = m_cache.constFind(hash); it != m_cache.cend() && it->expiresMs > nowMs()) {
        decide(it->info, scope, callback);
        return;
    }
    m_redis.command(
        {"GET", redisKey(hash)},
        [this, hash, scope, callback](const Redis::RedisReply &reply) {
            if (reply.type == Redis::RedisReply::Type::String) {
                if (const auto cached = apiKeyInfoFromJson(reply.string)) {
                    remember(hash, *cached);
                    decide(*cached, scope, callback);
                    return;
                }
            }
            lookUpInDatabase(hash, scope, callback);
        },
        500);
}

void ApiKeyAuthenticator::lookUpInDatabase(const QByteArray &hash, const QString &scope, Callback callback)
{
    m_db.run<std::optional<ApiKeyInfo>>([hash](pqxx::connection &c) -> Expected<std::optional<ApiKeyInfo>> {
            return Storage::ApiKeyRepository::findByHash(c, hash);
        })
        .then(this, [this, hash, scope, callback](Expected<std::optional<ApiKeyInfo>> found) {
            if (!found) {
                callback(tl::unexpected(found.error()));
                return;
            }
            remember(hash, *found);
            if (m_redis.isConnected())
                m_redis.command({"SET", redisKey(hash), apiKeyInfoToJson(*found), "EX",
                                 QByteArray::number(kRedisTtlSeconds)},
                                [](const Redis::RedisReply &) {});
            decide(*found, scope, callback);
        });
}

void ApiKeyAuthenticator::remember(const QByteArray &hash, const std::optional<ApiKeyInfo> &info)
{
    if (m_cache.size() > 10000)
        m_cache.clear(); // unknown keys sprayed at us must not grow memory without bound
    m_cache.insert(hash, Cached{info, nowMs() + kLocalTtlMs});
}

void ApiKeyAuthenticator::decide(const std::optional<ApiKeyInfo> &info, const QString &scope,
                                 const Callback &callback)
{
    if (info && info->revoked)
        m_revokedIds.insert(info->id);
    if (!info || info->revoked) {
        callback(makeError(ErrorCode::InvalidApiKey, QStringLiteral("invalid or revoked API key"),
                           QStringLiteral("X-API-Key")));
        return;
    }
    if (!info->hasScope(scope)) {
        callback(makeError(ErrorCode::ForbiddenScope,
                           QStringLiteral("this API key lacks the scope %1").arg(scope),
                           QStringLiteral("X-API-Key")));
        return;
    }
    ++m_usage[info->id];
    callback(*info);
}

void ApiKeyAuthenticator::dropRevoked(const QByteArray &hash, qint64 id)
{
    if (id > 0)
        m_revokedIds.insert(id);
    // At once, so this instance refuses the key from now on (the revoking request answers after this).
    m_cache.remove(hash);
    // Then the shared Redis copy, and the in-process copy once more when Redis answers: replies come in
    // the order commands were sent on this connection, so by then every lookup sent before the DEL has
    // been answered (and possibly cached the key again in process) and every later one finds no Redis
    // copy. Also on an error reply (Redis down): then no lookup goes through Redis either.
    QPointer<ApiKeyAuthenticator> self(this);
    m_redis.command({"DEL", redisKey(hash)}, [self, hash](const Redis::RedisReply &) {
        if (self)
            self->m_cache.remove(hash);
    });
}

void ApiKeyAuthenticator::flushUsage()
{
    if (m_usage.isEmpty())
        return;
    QHash<qint64, qint64> counts;
    counts.swap(m_usage);
    auto future = m_db.run<bool>([counts](pqxx::connection &c) -> Expected<bool> {
        Storage::ApiKeyRepository::addUsage(c, counts);
        return true;
    });
    future.then(this, [this, counts](Expected<bool> done) {
        if (done)
            return;
        // Keep the counts for the next flush rather than lose them.
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            m_usage[it.key()] += it.value();
    });
}

} // namespace Proctor::Collector::Auth
