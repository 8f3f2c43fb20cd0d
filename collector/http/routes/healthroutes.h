// SPDX-License-Identifier: MIT
// /healthz, /readyz and /metrics.
#pragma once

#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include "http/router.h"

namespace Proctor::Collector {
class Metrics;
namespace Redis {
class RedisClient;
}
namespace Storage {
class DatabaseProbe;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Http {

class HealthRoutes final : public QObject
{
public:
    HealthRoutes(QString databaseUrl, Redis::RedisClient &redis, Metrics &metrics, QString metricsToken,
                 QObject *parent = nullptr);
    ~HealthRoutes() override;
    void registerOn(Router &router);

private:
    struct Readiness
    {
        bool postgres = false;
        bool redis = false;
    };

    void readyz(const Responder &responder);
    void refresh();
    void settleIfKnown();
    void settle();
    static void answer(const Responder &responder, const Readiness &status);
    void metrics(const HttpRequest &request, const Responder &responder);

    Redis::RedisClient &m_redis;
    Metrics &m_metrics;
    QByteArray m_metricsAuthorizationDigest; // SHA-256 of "Bearer <token>"; empty: no token configured

    // Readiness is checked at most once per kFreshForMs, however often it is asked: the answers in between
    // come from the last check, and requests that arrive during a check wait for it.
    std::unique_ptr<Storage::DatabaseProbe> m_database; // used on m_probeThread only
    QThreadPool m_probeThread;
    std::optional<Readiness> m_status;
    QElapsedTimer m_checked;
    QList<Responder> m_waiting;
    bool m_refreshing = false;
    bool m_databaseProbeRunning = false;
    quint64 m_round = 0;
    std::optional<bool> m_postgresUp;
    std::optional<bool> m_redisUp;
    QTimer m_deadline;
};

} // namespace Proctor::Collector::Http
