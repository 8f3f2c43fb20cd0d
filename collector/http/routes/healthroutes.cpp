// SPDX-License-Identifier: MIT
// Liveness, readiness (both dependencies checked in parallel at most once a second, on connections that stay
// open) and metrics.
#include "http/routes/healthroutes.h"

#include <sodium.h>

#include <QCryptographicHash>
#include <QPointer>
#include <QtConcurrent>

#include "observability/metrics.h"
#include "redis/redisclient.h"
#include "storage/databaseprobe.h"

namespace Proctor::Collector::Http {
namespace {

constexpr qint64 kFreshForMs = 1000;   // a readiness answer is at most this old
constexpr int kRedisTimeoutMs = 1000;  // PING
constexpr int kCheckDeadlineMs = 3000; // a dependency that has not answered by then counts as down

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace

HealthRoutes::HealthRoutes(QString databaseUrl, Redis::RedisClient &redis, Metrics &metrics,
                           QString metricsToken, QObject *parent)
    : QObject(parent), m_redis(redis), m_metrics(metrics),
      m_database(std::make_unique<Storage::DatabaseProbe>(std::move(databaseUrl)))
{
    if (!metricsToken.isEmpty())
        m_metricsAuthorizationDigest = sha256("Bearer " + metricsToken.toUtf8());
    m_probeThread.setMaxThreadCount(1); // the probe's connection is never used by two threads at once
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HealthRoutes::settle);
}

HealthRoutes::~HealthRoutes()
{
    m_probeThread.waitForDone(); // before the probe's connection goes
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
    if (m_status && m_checked.isValid() && m_checked.elapsed() < kFreshForMs) {
        answer(responder, *m_status);
        return;
    }
    m_waiting.append(responder);
    if (!m_refreshing)
        refresh();
}

void HealthRoutes::refresh()
{
    m_refreshing = true;
    m_postgresUp.reset();
    m_redisUp.reset();
    const quint64 round = ++m_round;
    m_deadline.start(kCheckDeadlineMs);
    // A check stuck on an unresponsive server is not queued behind: this round then counts PostgreSQL as
    // down at its deadline.
    if (!m_databaseProbeRunning) {
        m_databaseProbeRunning = true;
        QtConcurrent::run(&m_probeThread, [probe = m_database.get()] {
            return probe->check();
        }).then(this, [this, round](bool up) {
            m_databaseProbeRunning = false;
            if (m_refreshing && round == m_round) {
                m_postgresUp = up;
                settleIfKnown();
            }
        });
    }
    m_redis.command(
        {QByteArrayLiteral("PING")},
        [self = QPointer<HealthRoutes>(this), round](const Redis::RedisReply &reply) {
            if (!self || !self->m_refreshing || round != self->m_round)
                return;
            self->m_redisUp = reply.ok();
            self->settleIfKnown();
        },
        kRedisTimeoutMs);
}

void HealthRoutes::settleIfKnown()
{
    if (m_postgresUp && m_redisUp)
        settle();
}

void HealthRoutes::settle()
{
    if (!m_refreshing)
        return;
    m_deadline.stop();
    m_refreshing = false;
    m_status = Readiness{m_postgresUp.value_or(false), m_redisUp.value_or(false)};
    m_checked.start();
    const QList<Responder> waiting = std::exchange(m_waiting, {});
    for (const Responder &responder : waiting)
        answer(responder, *m_status);
}

void HealthRoutes::answer(const Responder &responder, const Readiness &status)
{
    const bool ready = status.postgres && status.redis;
    auto word = [](bool ok) { return ok ? QStringLiteral("ok") : QStringLiteral("down"); };
    // Redis alone down: ingest goes on (keys from PostgreSQL, per-process rate limits), so "degraded"; still
    // 503, so a balancer prefers instances that have everything.
    const QString overall = ready             ? QStringLiteral("ready")
                            : status.postgres ? QStringLiteral("degraded")
                                              : QStringLiteral("unavailable");
    const QJsonObject body{{QStringLiteral("status"), overall},
                           {QStringLiteral("postgres"), word(status.postgres)},
                           {QStringLiteral("redis"), word(status.redis)}};
    HttpResponse r = HttpResponse::json(ready ? 200 : 503, body);
    if (!ready)
        r.setHeader("Retry-After", "2");
    responder.send(std::move(r));
}

void HealthRoutes::metrics(const HttpRequest &request, const Responder &responder)
{
    // Metrics reveal traffic and internals: a scrape token, or loopback when no token is configured.
    if (!m_metricsAuthorizationDigest.isEmpty()) {
        // Digests of equal length compared in constant time: how long the comparison takes tells nothing
        // about how much of a guess was right.
        const QByteArray presented = sha256(request.header("authorization"));
        if (sodium_memcmp(presented.constData(), m_metricsAuthorizationDigest.constData(),
                          size_t(m_metricsAuthorizationDigest.size())) != 0) {
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
