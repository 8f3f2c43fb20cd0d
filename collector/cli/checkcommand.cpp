// SPDX-License-Identifier: MIT
// `proctor-collector check`: the configuration parses and both dependencies answer.
#include <cstdio>

#include <hiredis/hiredis.h>

#include "cli/commands.h"
#include "storage/database.h"

namespace Proctor::Collector::Cli {
namespace {

QString pingRedis(const RedisEndpoint &ep)
{
    const timeval timeout{2, 0};
    redisContext *c = redisConnectWithTimeout(ep.host.toUtf8().constData(), ep.port, timeout);
    if (!c || c->err) {
        const QString err = c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory");
        if (c)
            redisFree(c);
        return err;
    }
    redisSetTimeout(c, timeout);
    QString failure;
    if (!ep.password.isEmpty()) {
        auto *r = static_cast<redisReply *>(redisCommand(c, "AUTH %s", ep.password.toUtf8().constData()));
        if (!r || r->type == REDIS_REPLY_ERROR)
            failure = QStringLiteral("AUTH failed");
        if (r)
            freeReplyObject(r);
    }
    if (failure.isEmpty()) {
        auto *r = static_cast<redisReply *>(redisCommand(c, "PING"));
        if (!r || r->type == REDIS_REPLY_ERROR)
            failure = r ? QString::fromUtf8(r->str) : QString::fromUtf8(c->errstr);
        if (r)
            freeReplyObject(r);
    }
    redisFree(c);
    return failure;
}

} // namespace

int runCheck(const Config &config, const QStringList &)
{
    std::printf("config: ok\n");
    int failures = 0;
    if (const auto pg = Storage::ping(config.databaseUrl, 3); pg) {
        std::printf("postgres: ok\n");
    } else {
        std::printf("postgres: down (%s)\n", qPrintable(pg.error().message));
        ++failures;
    }
    if (const QString err = pingRedis(config.redis); err.isEmpty()) {
        std::printf("redis: ok\n");
    } else {
        std::printf("redis: down (%s)\n", qPrintable(err));
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}

} // namespace Proctor::Collector::Cli
