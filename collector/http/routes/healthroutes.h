// SPDX-License-Identifier: MIT
// /healthz, /readyz and /metrics.
#pragma once

#include <QObject>
#include <QString>

#include "http/router.h"

namespace Proctor::Collector {
class Metrics;
namespace Redis {
class RedisClient;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Http {

class HealthRoutes final : public QObject
{
public:
    HealthRoutes(QString databaseUrl, Redis::RedisClient &redis, Metrics &metrics, QString metricsToken,
                 QObject *parent = nullptr);
    void registerOn(Router &router);

private:
    void readyz(const Responder &responder);
    void metrics(const HttpRequest &request, const Responder &responder);

    QString m_databaseUrl;
    Redis::RedisClient &m_redis;
    Metrics &m_metrics;
    QString m_metricsToken;
};

} // namespace Proctor::Collector::Http
