// SPDX-License-Identifier: MIT
#include "redis/blockingannouncer.h"

#include <cstdio>
#include <memory>
#include <vector>

#include <hiredis/hiredis.h>

#include "auth/apikeyauthenticator.h"
#include "live/changepublisher.h"

namespace Proctor::Collector::Redis {
namespace {

struct ContextFree
{
    void operator()(redisContext *c) const { redisFree(c); }
};
using Context = std::unique_ptr<redisContext, ContextFree>;

// The command's error, or an empty string when it succeeded.
QByteArray run(redisContext *c, const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(redisCommandArgv(c, int(argv.size()), argv.data(), lens.data()));
    if (!reply)
        return c->errstr[0] ? QByteArray(c->errstr) : QByteArrayLiteral("no reply");
    const QByteArray error =
        reply->type == REDIS_REPLY_ERROR ? QByteArray(reply->str, qsizetype(reply->len)) : QByteArray();
    freeReplyObject(reply);
    return error;
}

} // namespace

void BlockingAnnouncer::announce(const Contract::LiveMessage &message)
{
    if (!m_endpoint)
        return;
    std::lock_guard lock(m_mutex);
    const auto warn = [&](const QByteArray &why) {
        std::fprintf(stderr,
                     "%s: warning: %s not announced on Redis (%s); running instances notice within seconds\n",
                     qPrintable(m_command), qPrintable(Contract::liveMessageType(message)), why.constData());
    };
    const timeval timeout{2, 0};
    Context c(redisConnectWithTimeout(m_endpoint->host.toUtf8().constData(), m_endpoint->port, timeout));
    if (!c || c->err) {
        warn(c ? QByteArray(c->errstr) : QByteArrayLiteral("out of memory"));
        return;
    }
    redisSetTimeout(c.get(), timeout);
    QByteArray error;
    if (!m_endpoint->password.isEmpty())
        error = run(c.get(), {"AUTH", m_endpoint->password.toUtf8()});
    if (error.isEmpty() && m_endpoint->database != 0)
        error = run(c.get(), {"SELECT", QByteArray::number(m_endpoint->database)});
    // Running instances drop the shared key cache entry when they hear apikey_revoked; the CLI deletes it
    // too, first, because no instance may be running to hear it (the next one to start would otherwise
    // trust the cached copy until it expires).
    if (error.isEmpty())
        if (const auto *revoked = std::get_if<Contract::ApiKeyRevoked>(&message))
            error = run(c.get(), {"DEL", Auth::ApiKeyAuthenticator::redisKey(revoked->hash)});
    if (error.isEmpty())
        error = run(c.get(), {"PUBLISH", Live::kLiveChannel, Contract::encodeLiveMessage(message)});
    if (!error.isEmpty())
        warn(error);
}

} // namespace Proctor::Collector::Redis
