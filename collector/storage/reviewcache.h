// SPDX-License-Identifier: MIT
// A small Redis cache for the expensive admin reads (dashboard statistics, first pages of the results
// list), shared by all instances. Entries live under a generation number: invalidation is one INCR, done
// when any instance announces a committed result (or a deletion), and a value computed from a snapshot
// older than the invalidation is stored under the old generation, which nobody reads any more.
//
// It holds encoded answers (the JSON bytes sent), not the service's structs: a hit then costs neither a
// query nor an encoding, and no second serialisation of every struct has to be kept in step with the
// wire one. Services::ReviewService decides what may be cached and names the entry (resultsCacheKey,
// dashboardCacheKey); the HTTP route that encodes the answer stores it.
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QObject>

#include "contract/livemessage.h"

namespace Proctor::Collector::Redis {
class RedisClient;
}

namespace Proctor::Collector::Storage {

class ReviewCache final : public QObject
{
public:
    struct Lookup
    {
        std::optional<QByteArray> value; // nullopt: miss (or Redis down)
        QByteArray generation;           // pass to put(); empty when Redis is down (then put does nothing)
    };
    using Callback = std::function<void(const Lookup &)>;

    // `ttlSeconds` bounds staleness from changes that do not invalidate (late events of finished sessions,
    // re-assessments, review decisions); 0 turns the cache off (PROCTOR_REVIEW_CACHE_TTL_SECONDS=0).
    explicit ReviewCache(Redis::RedisClient &redis, int ttlSeconds = 30, QObject *parent = nullptr);

    // `callback` runs on this object's thread.
    void get(const QByteArray &key, Callback callback);
    void put(const QByteArray &key, const QByteArray &generation, const QByteArray &value);
    void invalidate();
    // Reacts to a message from the live channel: a saved result or an erased candidate changes what the
    // cached reads show, so those invalidate; the rest do not.
    void onLiveMessage(const Contract::LiveMessage &message);

    static constexpr const char *kGenerationKey = "proctor:cache:gen";

private:
    Redis::RedisClient &m_redis;
    int m_ttlSeconds;
};

} // namespace Proctor::Collector::Storage
