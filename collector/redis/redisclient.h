// SPDX-License-Identifier: MIT
// One asynchronous Redis connection on the Qt event loop (hiredis + its Qt adapter), reconnecting by itself.
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QVariant>

#include "app/config.h"

struct redisAsyncContext;

namespace Proctor::Collector::Redis {

struct RedisReply
{
    enum class Type
    {
        Error,
        Nil,
        Integer,
        String,
        Status,
        Array
    };
    Type type = Type::Error;
    QByteArray string; // String, Status, Error text
    long long integer = 0;
    QList<RedisReply> elements;

    bool ok() const { return type != Type::Error; }
};

class RedisClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const RedisReply &)>;

    explicit RedisClient(RedisEndpoint endpoint, QObject *parent = nullptr);
    ~RedisClient() override;

    void start();
    bool isConnected() const { return m_context != nullptr && m_ready; }

    // Sends a command; `callback` runs on this object's thread exactly once, with an Error reply when
    // disconnected or when no answer came within `timeoutMs`.
    void command(const QList<QByteArray> &args, Callback callback, int timeoutMs = 1000);

    // Puts this connection in subscriber mode (use a client dedicated to it): `handler` gets every message
    // published on `channel`, across reconnects.
    using MessageHandler = std::function<void(const QByteArray &payload)>;
    void subscribe(const QByteArray &channel, MessageHandler handler);

signals:
    void connected();
    void disconnected();

private:
    static void onConnect(const redisAsyncContext *ctx, int status);
    static void onDisconnect(const redisAsyncContext *ctx, int status);
    void connectNow();
    void handleDisconnect();
    void sendSubscriptions();
    static void onMessage(redisAsyncContext *ctx, void *reply, void *privdata);

    RedisEndpoint m_endpoint;
    redisAsyncContext *m_context = nullptr;
    class RedisNotifier *m_adapter = nullptr;
    bool m_ready = false;
    QTimer m_reconnect;
    int m_backoffMs = 200;
    QHash<QByteArray, MessageHandler> m_subscriptions;
};

} // namespace Proctor::Collector::Redis
