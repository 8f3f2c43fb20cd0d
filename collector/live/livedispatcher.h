// SPDX-License-Identifier: MIT
// What every instance does with each message on the live channel (from Redis, or handed over directly by
// this instance's ChangePublisher while Redis is down): decode it once, apply its effect on this instance's
// state, then forward it to this instance's WebSocket clients. A message that does not decode is dropped
// here, so desktops only ever receive messages that match live-message.schema.json.
#pragma once

#include <QByteArray>
#include <QObject>

#include "contract/livemessage.h"

namespace Proctor::Collector {
namespace Auth {
class ApiKeyAuthenticator;
}
namespace Storage {
class ReviewCache;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Live {

class LiveHub;

class LiveDispatcher final : public QObject
{
public:
    LiveDispatcher(Auth::ApiKeyAuthenticator &apiKeys, Storage::ReviewCache &reviewCache, LiveHub &hub,
                   QObject *parent = nullptr);

    // On this object's thread.
    void dispatch(const QByteArray &payload);

private:
    Auth::ApiKeyAuthenticator &m_apiKeys;
    Storage::ReviewCache &m_reviewCache;
    LiveHub &m_hub;
};

} // namespace Proctor::Collector::Live
