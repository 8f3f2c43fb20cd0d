// SPDX-License-Identifier: MIT
#include "live/livedispatcher.h"

#include <QPointer>

#include "auth/apikeyauthenticator.h"
#include "live/livehub.h"
#include "logging/log.h"
#include "redis/redisclient.h"
#include "storage/reviewcache.h"

namespace Proctor::Collector::Live {

LiveDispatcher::LiveDispatcher(Redis::RedisClient &redis, Auth::ApiKeyAuthenticator &apiKeys,
                               Storage::ReviewCache &reviewCache, LiveHub &hub, QObject *parent)
    : QObject(parent), m_redis(redis), m_apiKeys(apiKeys), m_reviewCache(reviewCache), m_hub(hub)
{
}

void LiveDispatcher::dispatch(const QByteArray &payload)
{
    const auto message = Contract::decodeLiveMessage(payload);
    if (!message) {
        Log::warning(u"live message dropped", {{"pointer", message.error().pointer},
                                               {"error", message.error().message},
                                               {"bytes", int(payload.size())}});
        return;
    }
    if (const auto *revoked = std::get_if<Contract::ApiKeyRevoked>(&*message))
        revokeApiKey(*revoked);
    // Invalidate before forwarding: a desktop that refetches on the message must not get the old page.
    m_reviewCache.onLiveMessage(*message);
    // The received bytes, not a re-encoding: they are what was validated. Sign-in alerts name accounts and
    // addresses: they are for administrators, not for every proctor.
    m_hub.broadcast(payload, std::holds_alternative<Contract::LoginThrottled>(*message)
                                 ? LiveHub::Audience::Admins
                                 : LiveHub::Audience::Everyone);
}

void LiveDispatcher::revokeApiKey(const Contract::ApiKeyRevoked &revoked)
{
    // The shared Redis copy goes first, the in-process copy once Redis has answered. Replies come back in
    // the order the commands were sent on this connection, so by then every key lookup sent before the DEL
    // has been answered (and possibly cached in process) and every later one finds no Redis copy: nothing
    // can bring the revoked key back into the in-process cache after forget(). Forgetting first would leave
    // a window in which a request re-reads the still-present Redis copy and caches the key again.
    // Every instance does this, so revocation holds even if the publishing instance stopped before its DEL.
    QPointer<LiveDispatcher> self(this);
    const QByteArray hash = revoked.hash;
    m_redis.command({"DEL", Auth::ApiKeyAuthenticator::redisKey(hash)},
                    [self, hash](const Redis::RedisReply &) {
                        // Also on an error reply (Redis down): then no lookup goes through Redis either.
                        if (self)
                            self->m_apiKeys.forget(hash);
                    });
}

} // namespace Proctor::Collector::Live
