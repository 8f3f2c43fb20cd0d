// SPDX-License-Identifier: MIT
// The collector's configuration: parsed once from PROCTOR_* environment variables into an immutable value.
#pragma once

#include <tl/expected.hpp>

#include <QByteArray>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>

#include "logging/log.h"

namespace Proctor::Collector {

struct RedisEndpoint
{
    QString host;
    quint16 port = 6379;
    QString password;
    int database = 0;
};

struct ConfigError
{
    QString variable; // the PROCTOR_* variable at fault
    QString message;  // what was wrong and what is expected
    QString toString() const { return variable + QStringLiteral(": ") + message; }
};

struct Config
{
    // What a subcommand needs; variables a subcommand does not need are still validated when set.
    enum Need
    {
        NeedDatabase = 1,
        NeedRedis = 2,
        NeedServe = 4
    };

    QString databaseUrl;
    QString redisUrl;
    RedisEndpoint redis;
    QHostAddress httpHost = QHostAddress::LocalHost;
    quint16 httpPort = 8080;
    int httpThreads = 1;
    Log::Format logFormat = Log::Format::Json;
    Log::Level logLevel = Log::Level::Info;
    QByteArray sessionSecret; // HMAC key for session tokens, >= 32 bytes
    int sessionTtlSeconds = 4 * 3600;
    QString webRoot;    // built web client to serve at /, empty = none
    QString pageApiKey; // public page key handed out in /app-config.json
    QString publicUrl;  // base of verification links
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int idleTimeoutMs = 30000;
    int requestTimeoutMs = 15000;
    int maxConnections = 4096;
    // HTTP backpressure (Http::HttpLimits): unsent answer bytes above which a connection reads nothing more,
    // request bytes read ahead of the parser, and how long a peer may take no answer bytes before a reset.
    qint64 httpMaxPendingOutputBytes = 1024 * 1024;
    int httpMaxUnparsedInputBytes = 64 * 1024;
    int httpWriteStallTimeoutMs = 30000;
    int eventQueueMaxRows = 200000; // backpressure: beyond this, ingest answers 503
    int groupCommitMaxRows = 5000;  // rows per INSERT statement
    int writerConnections = 2;
    int rateLimitPerKeyPerMinute = 600000;
    int rateLimitPerAddressPerMinute = 120000;
    QString metricsToken; // empty: /metrics only from loopback
    // Proxies (nginx) whose X-Forwarded-For is believed: the client address then comes from that header.
    QList<QPair<QHostAddress, int>> trustedProxies;
    int adminTokenTtlSeconds = 12 * 3600; // lifetime of an admin bearer token
    int loginFailuresPerAccount = 5;      // failed logins per e-mail within the window before 429
    int loginFailuresPerAddress = 30;     // failed logins per client address within the window before 429
    int loginFailureWindowSeconds = 900;

    static tl::expected<Config, ConfigError> fromEnvironment(const QProcessEnvironment &env, int needs);
};

// Parses redis://[:password@]host[:port][/db]; exposed for tests.
tl::expected<RedisEndpoint, QString> parseRedisUrl(const QString &url);

} // namespace Proctor::Collector
