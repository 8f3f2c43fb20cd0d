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
    // The schema owner's connection (migrations, pg_partman maintenance); empty: databaseUrl owns the schema.
    QString migrationDatabaseUrl;
    const QString &ownerDatabaseUrl() const
    {
        return migrationDatabaseUrl.isEmpty() ? databaseUrl : migrationDatabaseUrl;
    }
    // Optional read-only connection (e.g. a replica behind HAProxy) for the review reads only; may lag the
    // primary by the replication delay. Empty: the review reads use databaseUrl like everything else.
    QString reviewDatabaseUrl;
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
    // Page requests (tests, events, results), as token buckets holding a minute's worth. Per key: the page
    // key is public and shared by every candidate, so this is a ceiling on the whole deployment, not an abuse
    // limit. Per address: about 1,000 candidates behind one NAT address, each sending a batch every 2 s.
    int rateLimitPerKeyPerMinute = 300000;
    int rateLimitPerAddressPerMinute = 30000;
    // Session starts (POST /api/v1/sessions). Per address: an office starting a test together; the burst is
    // who may start at the same moment, the refill how fast the rest follow. Per device (fingerprint hash
    // and persistent id together): one browser of one person.
    int sessionStartsPerAddressBurst = 300;
    int sessionStartsPerAddressPerMinute = 120;
    int sessionStartsPerDeviceBurst = 10;
    int sessionStartsPerDevicePerHour = 10;
    // Certificate verification (GET /api/v1/certificates/{number}) per address.
    int certificateLookupsPerAddressBurst = 60;
    int certificateLookupsPerAddressPerMinute = 60;
    QString metricsToken; // empty: /metrics only from loopback
    // Proxies (nginx) whose X-Forwarded-For is believed: the client address then comes from that header.
    QList<QPair<QHostAddress, int>> trustedProxies;
    int adminTokenTtlSeconds = 12 * 3600; // lifetime of an admin bearer token
    // Failed logins for one account from one address before each further attempt from there waits 1, 2,
    // 4, ... seconds (up to loginDelayMaxSeconds); other addresses are not affected.
    int loginFailuresPerAccount = 5;
    int loginFailuresPerAddress = 30; // failed logins from one address (any accounts) before it is refused
    int loginFailureWindowSeconds = 900;
    int loginDelayMaxSeconds = 60;
    // Retention of candidate data in full months (0: forever): older event partitions are dropped, the
    // matching sessions purged (RetentionService). The default is what the consent text promises.
    int retentionMonths = 12;
    // How often an instance runs pg_partman's maintenance and the retention purge (one at a time).
    int partitionMaintenanceSeconds = 3600;
    // Review cache (storage/reviewcache.h) entry lifetime; 0 turns the cache off (benchmarks, debugging).
    int reviewCacheTtlSeconds = 30;
    // Share of the machine's CPU time (all cores, percent) the background risk maintainer may spend.
    int assessmentCpuPercent = 5;

    static tl::expected<Config, ConfigError> fromEnvironment(const QProcessEnvironment &env, int needs);
};

// Parses redis://[:password@]host[:port][/db]; exposed for tests. The error never contains the password.
tl::expected<RedisEndpoint, QString> parseRedisUrl(const QString &url);
// `url` fit for a message or a log: the user information and any password parameter replaced by "***",
// whether or not the URL is well-formed.
QString redactUrl(const QString &url);

} // namespace Proctor::Collector
