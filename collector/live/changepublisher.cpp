// SPDX-License-Identifier: MIT
#include "live/changepublisher.h"

#include <QJsonDocument>

#include "redis/redisclient.h"

namespace Proctor::Collector::Live {

ChangePublisher::ChangePublisher(Redis::RedisClient &redis, int intervalMs, QObject *parent)
    : QObject(parent), m_redis(redis)
{
    connect(&m_timer, &QTimer::timeout, this, &ChangePublisher::flush);
    m_timer.start(intervalMs);
}

void ChangePublisher::noteEventsAppended(const QUuid &sessionId, int count, const QStringList &types)
{
    if (count < 1)
        return;
    std::lock_guard lock(m_mutex);
    Pending &p = m_appended[sessionId];
    p.count += count;
    for (const QString &t : types)
        p.types.insert(t);
}

void ChangePublisher::announce(const Contract::LiveMessage &message)
{
    const QByteArray payload = Contract::encodeLiveMessage(message);
    QMetaObject::invokeMethod(this, [this, payload] { send(payload); });
}

void ChangePublisher::flush()
{
    QHash<QUuid, Pending> appended;
    {
        std::lock_guard lock(m_mutex);
        appended.swap(m_appended);
    }
    Contract::EventsAppended message;
    for (auto it = appended.cbegin(); it != appended.cend(); ++it) {
        QStringList types(it->types.cbegin(), it->types.cend());
        types.sort();
        message.sessions.append(Contract::AppendedEvents{it.key(), it->count, types});
        // Bounded messages: a desktop never has to take one frame about every session of a large exam.
        if (message.sessions.size() == Contract::EventsAppended::kMaxAppendedSessions) {
            send(Contract::encodeLiveMessage(message));
            message.sessions.clear();
        }
    }
    if (!message.sessions.isEmpty())
        send(Contract::encodeLiveMessage(message));
}

void ChangePublisher::send(const QByteArray &payload)
{
    if (!m_redis.isConnected()) {
        if (m_localDelivery)
            m_localDelivery(payload);
        return;
    }
    m_redis.command({"PUBLISH", kLiveChannel, payload}, [this, payload](const Redis::RedisReply &reply) {
        if (!reply.ok() && m_localDelivery)
            m_localDelivery(payload);
    });
}

} // namespace Proctor::Collector::Live
