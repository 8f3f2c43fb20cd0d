// SPDX-License-Identifier: MIT
#include "live/livedispatcher.h"

#include "auth/apikeyauthenticator.h"
#include "live/livehub.h"
#include "logging/log.h"
#include "storage/reviewcache.h"

namespace Proctor::Collector::Live {

LiveDispatcher::LiveDispatcher(Auth::ApiKeyAuthenticator &apiKeys, Storage::ReviewCache &reviewCache,
                               LiveHub &hub, QObject *parent)
    : QObject(parent), m_apiKeys(apiKeys), m_reviewCache(reviewCache), m_hub(hub)
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
    // Every instance drops the key itself, so revocation holds even if the publishing one stopped early.
    if (const auto *revoked = std::get_if<Contract::ApiKeyRevoked>(&*message))
        m_apiKeys.dropRevoked(revoked->hash, revoked->id);
    // Invalidate before forwarding: a desktop that refetches on the message must not get the old page.
    m_reviewCache.onLiveMessage(*message);
    // The received bytes, not a re-encoding: they are what was validated. Sign-in alerts name accounts and
    // addresses: they are for administrators, not for every proctor.
    m_hub.broadcast(payload, std::holds_alternative<Contract::LoginThrottled>(*message)
                                 ? LiveHub::Audience::Admins
                                 : LiveHub::Audience::Everyone);
}

} // namespace Proctor::Collector::Live
