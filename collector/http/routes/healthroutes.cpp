// SPDX-License-Identifier: MIT
// Liveness, readiness (both dependencies checked in parallel, answer when both are known) and metrics.
#include "http/routes/healthroutes.h"

#include <optional>

#include <QFuture>
#include <QtConcurrent>

#include "redis/redisclient.h"
#include "observability/metrics.h"
#include "storage/database.h"

namespace Proctor::Collector::Http {

HealthRoutes::HealthRoutes(QString databaseUrl, Redis::RedisClient &redis, Metrics &metrics,
                           QString metricsToken, QObject *parent)
    : QObject(parent), m_databaseUrl(std::move(databaseUrl)), m_redis(redis), m_metrics(metrics),
      m_metricsToken(std::move(metricsToken))
{
}

void HealthRoutes::registerOn(Router &router)
{
    router.add("GET", QStringLiteral("/healthz"), [](const HttpRequest &, const Responder &r) {
        r.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
    });
    router.add("GET", QStringLiteral("/readyz"),
               [this](const HttpRequest &, const Responder &r) { readyz(r); });
    router.add("GET", QStringLiteral("/metrics"),
               [this](const HttpRequest &req, const Responder &r) { metrics(req, r); });
}

void HealthRoutes::readyz(const Responder &responder)
{
    struct Probe
    {
        std::optional<bool> postgres;
        std::optional<bool> redis;
        Responder responder;
        void finishIfKnown()
        {
            if (!postgres || !redis)
                return;
            const bool ready = *postgres && *redis;
            auto word = [](bool ok) { return ok ? QStringLiteral("ok") : QStringLiteral("down"); };
            // Redis alone down: ingest goes on (keys from PostgreSQL, per-process rate limits), so
            // "degraded"; still 503, so a balancer prefers instances that have everything.
            const QString status = ready       ? QStringLiteral("ready")
                                   : *postgres ? QStringLiteral("degraded")
                                               : QStringLiteral("unavailable");
            QJsonObject body{{QStringLiteral("status"), status},
                             {QStringLiteral("postgres"), word(*postgres)},
                             {QStringLiteral("redis"), word(*redis)}};
            HttpResponse r = HttpResponse::json(ready ? 200 : 503, body);
            if (!ready)
                r.setHeader("Retry-After", "2");
            responder.send(std::move(r));
        }
    };
    auto probe = std::make_shared<Probe>(Probe{std::nullopt, std::nullopt, responder});
    const QString url = m_databaseUrl;
    QtConcurrent::run([url] { return Storage::ping(url, 2).has_value(); }).then(this, [probe](bool ok) {
        probe->postgres = ok;
        probe->finishIfKnown();
    });
    m_redis.command(
        {QByteArrayLiteral("PING")},
        [probe](const Redis::RedisReply &reply) {
            probe->redis = reply.ok();
            probe->finishIfKnown();
        },
        1000);
}

void HealthRoutes::metrics(const HttpRequest &request, const Responder &responder)
{
    // Metrics reveal traffic and internals: a scrape token, or loopback when no token is configured.
    if (!m_metricsToken.isEmpty()) {
        if (request.header("authorization") != "Bearer " + m_metricsToken.toUtf8()) {
            responder.send(
                HttpResponse::error({ErrorCode::MissingToken, QStringLiteral("metrics need the scrape token"),
                                     QStringLiteral("Authorization"), 0}));
            return;
        }
    } else if (!request.peer.isLoopback()) {
        responder.send(HttpResponse::error(
            {ErrorCode::ForbiddenScope,
             QStringLiteral("metrics are served to loopback only unless PROCTOR_METRICS_TOKEN is set"),
             {},
             0}));
        return;
    }
    const std::string text = m_metrics.render();
    responder.send(
        HttpResponse::text(200, QByteArray::fromStdString(text), "text/plain; version=0.0.4; charset=utf-8"));
}

} // namespace Proctor::Collector::Http
