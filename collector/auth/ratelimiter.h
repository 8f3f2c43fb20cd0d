// SPDX-License-Identifier: MIT
// Token-bucket rate limits shared by all instances through Redis (one Lua call checks every bucket of a
// request atomically); per-process buckets take over while Redis is down.
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include "core/error.h"

namespace Proctor::Collector::Redis {
class RedisClient;
}

namespace Proctor::Collector::Auth {

// One bucket: it holds at most `burst` tokens and gains `refill` tokens every `periodSeconds`. The burst is
// what a crowd arriving at once may spend; the refill is the pace that can be kept up after it.
struct RateLimit
{
    QByteArray bucket; // e.g. "k:12" (API key 12) or "a:10.0.0.7" (client address)
    int burst = 60;
    int refill = 60;
    int periodSeconds = 60;

    // `n` requests per minute, a minute's worth at once.
    static RateLimit perMinute(QByteArray bucket, int n) { return {std::move(bucket), n, n, 60}; }
    double tokensPerMs() const { return double(refill) / (double(periodSeconds) * 1000.0); }
};

class RateLimiter final : public QObject
{
public:
    using Callback = std::function<void(Expected<void>)>;

    explicit RateLimiter(Redis::RedisClient &redis, QObject *parent = nullptr);

    // Takes one token from every bucket, or none when any is empty: then RateLimited with
    // retryAfterSeconds set. `callback` runs on this object's thread.
    void acquire(const QList<RateLimit> &limits, Callback callback);

    // The part of a client address that its limits are counted under: an IPv4 address as it is, an IPv6
    // address by its /64 (one customer's network: a host picks any of its 2^64 addresses for free, so
    // counting single IPv6 addresses would count nothing). IPv4-mapped IPv6 addresses count as IPv4.
    static QByteArray addressGroup(const QHostAddress &address);

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
