// SPDX-License-Identifier: MIT
// hiredis frees its context after a disconnect; we only forget it and schedule a reconnect with backoff.
#include "redis/redisclient.h"

#include <memory>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include "redis/redisnotifier.h"
#include "logging/log.h"

namespace Proctor::Collector::Redis {
namespace {

RedisReply convert(const redisReply *r)
{
    RedisReply out;
    if (!r) {
        out.type = RedisReply::Type::Error;
        out.string = "no reply (connection lost)";
        return out;
    }
    switch (r->type) {
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.string = QByteArray(r->str, int(r->len));
        break;
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.string = QByteArray(r->str, int(r->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.string = QByteArray(r->str, int(r->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_NIL:
        out.type = RedisReply::Type::Nil;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.append(convert(r->element[i]));
        break;
    default:
        out.type = RedisReply::Type::Error;
        out.string = "unsupported reply type";
    }
    return out;
}

// One pending command: whichever comes first, the reply or the timeout, calls back; the other is ignored.
struct Pending
{
    RedisClient::Callback callback;
    bool done = false;
    QTimer *timer = nullptr;
    void finish(const RedisReply &reply)
    {
        if (done)
            return;
        done = true;
        if (timer) {
            timer->stop();
            timer->deleteLater();
            timer = nullptr;
        }
        callback(reply);
    }
};

RedisReply errorReply(const char *text)
{
    RedisReply r;
    r.string = text;
    return r;
}

} // namespace

RedisClient::RedisClient(RedisEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisClient::connectNow);
}

RedisClient::~RedisClient()
{
    if (m_context) {
        m_context->data = nullptr;
        redisAsyncFree(m_context);
    }
    delete m_adapter;
}

void RedisClient::start()
{
    connectNow();
}

void RedisClient::connectNow()
{
    if (m_context)
        return;
    redisAsyncContext *ctx = redisAsyncConnect(m_endpoint.host.toUtf8().constData(), m_endpoint.port);
    if (!ctx || ctx->err) {
        if (ctx)
            redisAsyncFree(ctx);
        m_reconnect.start(m_backoffMs);
        m_backoffMs = qMin(m_backoffMs * 2, 5000);
        return;
    }
    ctx->data = this;
    delete m_adapter; // its context is already gone (hiredis freed it); the notifier knows and leaves it
                      // alone
    m_adapter = new RedisNotifier(ctx, this);
    redisAsyncSetConnectCallback(ctx, &RedisClient::onConnect);
    redisAsyncSetDisconnectCallback(ctx, &RedisClient::onDisconnect);
    m_context = ctx;
    // AUTH and SELECT are queued before anything else the caller sends.
    if (!m_endpoint.password.isEmpty()) {
        const QByteArray pw = m_endpoint.password.toUtf8();
        redisAsyncCommand(ctx, nullptr, nullptr, "AUTH %b", pw.constData(), size_t(pw.size()));
    }
    if (m_endpoint.database != 0)
        redisAsyncCommand(ctx, nullptr, nullptr, "SELECT %d", m_endpoint.database);
}

void RedisClient::onConnect(const redisAsyncContext *ctx, int status)
{
    auto *self = static_cast<RedisClient *>(ctx->data);
    if (!self)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context itself after a failed connect.
        self->m_context = nullptr;
        self->handleDisconnect();
        return;
    }
    self->m_ready = true;
    self->m_backoffMs = 200;
    self->sendSubscriptions();
    Log::info(u"redis connected", {{"host", self->m_endpoint.host}, {"port", int(self->m_endpoint.port)}});
    emit self->connected();
}

void RedisClient::onDisconnect(const redisAsyncContext *ctx, int)
{
    auto *self = static_cast<RedisClient *>(ctx->data);
    if (!self)
        return;
    self->m_context = nullptr;
    self->handleDisconnect();
}

void RedisClient::handleDisconnect()
{
    const bool wasReady = m_ready;
    m_ready = false;
    if (wasReady) {
        Log::warning(u"redis disconnected", {{"host", m_endpoint.host}, {"port", int(m_endpoint.port)}});
        emit disconnected();
    }
    m_reconnect.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, 5000);
}

void RedisClient::command(const QList<QByteArray> &args, Callback callback, int timeoutMs)
{
    if (!isConnected()) {
        callback(errorReply("redis not connected"));
        return;
    }
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    argv.reserve(size_t(args.size()));
    lens.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *pending = new std::shared_ptr<Pending>(std::make_shared<Pending>());
    (*pending)->callback = std::move(callback);
    std::weak_ptr<Pending> weak = *pending;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [weak] {
        if (auto p = weak.lock())
            p->finish(errorReply("redis command timed out"));
    });
    (*pending)->timer = timer;
    timer->start(timeoutMs);
    const int rc = redisAsyncCommandArgv(
        m_context,
        [](redisAsyncContext *, void *reply, void *privdata) {
            auto *holder = static_cast<std::shared_ptr<Pending> *>(privdata);
            (*holder)->finish(convert(static_cast<redisReply *>(reply)));
            delete holder;
        },
        pending, int(argv.size()), argv.data(), lens.data());
    if (rc != REDIS_OK) {
        (*pending)->finish(errorReply("redis command could not be queued"));
        delete pending;
    }
}

void RedisClient::subscribe(const QByteArray &channel, MessageHandler handler)
{
    m_subscriptions.insert(channel, std::move(handler));
    if (isConnected())
        sendSubscriptions();
}

void RedisClient::sendSubscriptions()
{
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        redisAsyncCommand(m_context, &RedisClient::onMessage, this, "SUBSCRIBE %b", it.key().constData(),
                          size_t(it.key().size()));
}

void RedisClient::onMessage(redisAsyncContext *, void *reply, void *privdata)
{
    auto *self = static_cast<RedisClient *>(privdata);
    const auto *r = static_cast<redisReply *>(reply);
    if (!self || !r || r->type != REDIS_REPLY_ARRAY || r->elements != 3)
        return;
    if (QByteArray(r->element[0]->str, int(r->element[0]->len)) != "message")
        return;
    const QByteArray channel(r->element[1]->str, int(r->element[1]->len));
    const auto handler = self->m_subscriptions.value(channel);
    if (handler)
        handler(QByteArray(r->element[2]->str, int(r->element[2]->len)));
}

} // namespace Proctor::Collector::Redis
