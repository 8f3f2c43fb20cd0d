// SPDX-License-Identifier: MIT
// Token-bucket rate limits shared by all instances through Redis (one Lua call checks every bucket of a
// request atomically); per-process buckets take over while Redis is down.
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>

#include "core/error.h"

namespace Proctor::Collector::Redis {
class RedisClient;
}

namespace Proctor::Collector::Auth {

struct RateLimit
{
    QByteArray bucket; // e.g. "k:12" (API key 12) or "a:10.0.0.7" (client address)
    int perMinute = 60;
};

class RateLimiter final : public QObject
{
public:
    using Callback = std::function<void(Expected<void>)>;

    explicit RateLimiter(Redis::RedisClient &redis, QObject *parent = nullptr);

    // Takes one token from every bucket, or none when any is empty: then RateLimited with
    // retryAfterSeconds set. `callback` runs on this object's thread.
    void acquire(const QList<RateLimit> &limits, Callback callback);

private:
    struct LocalBucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Expected<void> acquireLocally(const QList<RateLimit> &limits, qint64 nowMs);

    Redis::RedisClient &m_redis;
    QHash<QByteArray, LocalBucket> m_local;
};

} // namespace Proctor::Collector::Auth
