// SPDX-License-Identifier: MIT
// `proctor-collector serve`: composes the long-running service and runs the event loop.
#include <QCoreApplication>

#include "app/signalwatcher.h"
#include "cli/commands.h"
#include "http/httpserver.h"
#include "http/routes/healthroutes.h"
#include "live/redisclient.h"
#include "logging/log.h"
#include "observability/metrics.h"

namespace Proctor::Collector::Cli {

int runServe(const Config &config)
{
    Metrics metrics;
    Http::Router router;

    Live::RedisClient redis(config.redis);
    redis.start();

    Http::HealthRoutes health(config.databaseUrl, redis, metrics, config.metricsToken);
    health.registerOn(router);

    Http::HttpLimits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    limits.requestTimeoutMs = config.requestTimeoutMs;
    limits.maxConnections = config.maxConnections;
    Http::HttpServer server(limits, router, metrics);
    const auto port = server.listen(config.httpHost, config.httpPort);
    if (!port) {
        Log::error(u"cannot start", {{"error", port.error()}});
        return 1;
    }
    Log::info(u"listening", {{"address", QStringLiteral("%1:%2").arg(config.httpHost.toString()).arg(*port)},
                             {"port", int(*port)}});

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [](int sig) {
        Log::info(u"stopping", {{"signal", sig}});
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

} // namespace Proctor::Collector::Cli
