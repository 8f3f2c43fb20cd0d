// SPDX-License-Identifier: MIT
// Announces committed changes on the Redis channel every instance's live hub listens to. Event appends are
// coalesced per session and sent once per interval; rarer changes go out at once.
#pragma once

#include <functional>
#include <mutex>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUuid>

#include "live/announcer.h"

namespace Proctor::Collector::Redis {
class RedisClient;
}

namespace Proctor::Collector::Live {

inline const QByteArray kLiveChannel = QByteArrayLiteral("proctor:live");

class ChangePublisher final : public QObject, public Announcer
{
public:
    ChangePublisher(Redis::RedisClient &redis, int intervalMs = 250, QObject *parent = nullptr);

    // Thread-safe (called by the event writer after commit). Coalesced into one typed events_appended per
    // interval; a count below 1 announces nothing.
    void noteEventsAppended(const QUuid &sessionId, int count, const QStringList &types = {});
    // Thread-safe; published on this object's thread right away.
    void announce(const Contract::LiveMessage &message) override;
    // Where a message goes when Redis cannot take it: this instance's own listeners, so live updates stay
    // local to the instance during a Redis outage instead of stopping.
    void setLocalDelivery(std::function<void(const QByteArray &)> deliver)
    {
        m_localDelivery = std::move(deliver);
    }

private:
    void flush();
    void send(const QByteArray &payload);

    struct Pending
    {
        int count = 0;
        QSet<QString> types;
    };
    Redis::RedisClient &m_redis;
    QTimer m_timer;
    std::mutex m_mutex;
    QHash<QUuid, Pending> m_appended;
    std::function<void(const QByteArray &)> m_localDelivery;
};

} // namespace Proctor::Collector::Live
