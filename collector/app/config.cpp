// SPDX-License-Identifier: MIT
// Environment parsing. Every rejection names the variable and says what would be accepted.
#include "app/config.h"

#include <functional>
#include <optional>

#include <QRegularExpression>
#include <QUrl>

namespace Proctor::Collector {
namespace {

using Result = tl::expected<Config, ConfigError>;

tl::unexpected<ConfigError> fail(const char *var, const QString &message)
{
    return tl::unexpected(ConfigError{QString::fromLatin1(var), message});
}

// Reads an integer variable into `out` when set; returns an error message when set but invalid.
std::optional<ConfigError> readInt(const QProcessEnvironment &env, const char *var, qint64 min, qint64 max,
                                   auto &out)
{
    const QString raw = env.value(QString::fromLatin1(var));
    if (raw.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 v = raw.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return ConfigError{
            QString::fromLatin1(var),
            QStringLiteral("expected an integer in %1..%2, got '%3'").arg(min).arg(max).arg(raw)};
    out = static_cast<std::remove_reference_t<decltype(out)>>(v);
    return std::nullopt;
}

QByteArray decodeSecret(const QString &raw)
{
    // Hex (64+ chars) or base64 (44+ chars); anything else is rejected by the caller via the size check.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]+$"));
    if (raw.size() % 2 == 0 && hex.match(raw).hasMatch())
        return QByteArray::fromHex(raw.toLatin1());
    auto b64 = QByteArray::fromBase64Encoding(raw.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return b64 ? *b64 : QByteArray();
}

// What is wrong with a postgresql:// URL, checked the way libpq reads it (user information up to an '@' that
// comes before any '/', then a comma-separated host[:port] list, then /db and ?key=value parameters), so
// that libpq never gets to print its own message: several of those quote a piece of the URL, which can be a
// piece of the password. Empty when nothing is wrong. Never quotes the URL.
QString databaseUrlProblem(const QString &url)
{
    for (const QChar ch : url)
        if (ch.isSpace() || ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            return QStringLiteral("contains a space or a control character (percent-encode it)");
    for (qsizetype i = url.indexOf(QLatin1Char('%')); i >= 0; i = url.indexOf(QLatin1Char('%'), i + 1)) {
        const auto hex = [](QChar c) { return c.isDigit() || (c.toLower() >= u'a' && c.toLower() <= u'f'); };
        if (i + 2 >= url.size() || !hex(url[i + 1]) || !hex(url[i + 2]))
            return QStringLiteral("has a '%' that is not followed by two hex digits");
    }
    const qsizetype start = url.indexOf(QLatin1String("://")) + 3;
    qsizetype p = start;
    while (p < url.size() && url[p] != QLatin1Char('@') && url[p] != QLatin1Char('/'))
        ++p;
    const qsizetype hostsStart = p < url.size() && url[p] == QLatin1Char('@') ? p + 1 : start;
    qsizetype hostsEnd = hostsStart;
    while (hostsEnd < url.size() && url[hostsEnd] != QLatin1Char('/') && url[hostsEnd] != QLatin1Char('?'))
        ++hostsEnd;
    for (const QString &entry :
         url.mid(hostsStart, hostsEnd - hostsStart).split(QLatin1Char(','), Qt::KeepEmptyParts)) {
        QString port;
        if (entry.startsWith(QLatin1Char('['))) {
            const qsizetype close = entry.indexOf(QLatin1Char(']'));
            if (close < 0)
                return QStringLiteral("has an IPv6 host without its closing ']'");
            const QString rest = entry.mid(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
                return QStringLiteral("has something after an IPv6 host that is not ':port'");
            port = rest.mid(1);
        } else if (const qsizetype colon = entry.indexOf(QLatin1Char(':')); colon >= 0) {
            port = entry.mid(colon + 1);
        } else {
            continue;
        }
        bool ok = false;
        const int n = port.toInt(&ok);
        if (!port.isEmpty() && (!ok || n < 1 || n > 65535 || !port.front().isDigit()))
            return QStringLiteral("has a port that is not a number in 1..65535 (a ':' or '/' in the password "
                                  "must be percent-encoded)");
    }
    if (const qsizetype q = url.indexOf(QLatin1Char('?'), hostsEnd); q >= 0)
        for (const QString &param : url.mid(q + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts))
            if (param.count(QLatin1Char('=')) != 1 || param.startsWith(QLatin1Char('=')))
                return QStringLiteral("has a query parameter that is not key=value");
    return {};
}

} // namespace

QString redactUrl(const QString &url)
{
    QString out = url;
    // Up to the last '@': a password with an unencoded '@', '/' or '#' must not leave a piece behind.
    const qsizetype scheme = out.indexOf(QLatin1String("://"));
    const qsizetype from = scheme >= 0 ? scheme + 3 : 0;
    if (const qsizetype at = out.lastIndexOf(QLatin1Char('@')); at >= from)
        out.replace(from, at - from, QStringLiteral("***"));
    // libpq also takes ?password=…
    static const QRegularExpression param(QStringLiteral("([?&][^=&]*pass[^=&]*=)[^&]*"),
                                          QRegularExpression::CaseInsensitiveOption);
    out.replace(param, QStringLiteral("\\1***"));
    return out;
}

tl::expected<RedisEndpoint, QString> parseRedisUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("redis") || u.host().isEmpty())
        return tl::unexpected(
            QStringLiteral("expected redis://[:password@]host[:port][/db], got '%1'").arg(redactUrl(url)));
    RedisEndpoint ep;
    ep.host = u.host();
    const int port = u.port(6379);
    if (port <= 0 || port > 65535)
        return tl::unexpected(QStringLiteral("port out of range in '%1'").arg(redactUrl(url)));
    ep.port = quint16(port);
    ep.password = u.password();
    const QString path = u.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        bool ok = false;
        const int db = path.mid(1).toInt(&ok);
        if (!ok || db < 0 || db > 15)
            return tl::unexpected(QStringLiteral("database index must be 0..15 in '%1'").arg(redactUrl(url)));
        ep.database = db;
    }
    return ep;
}

Result Config::fromEnvironment(const QProcessEnvironment &env, int needs)
{
    Config c;
    auto get = [&](const char *var) { return env.value(QString::fromLatin1(var)).trimmed(); };

    c.databaseUrl = get("PROCTOR_DATABASE_URL");
    if (c.databaseUrl.isEmpty()) {
        if (needs & NeedDatabase)
            return fail("PROCTOR_DATABASE_URL",
                        QStringLiteral("is required (postgresql://user@host:port/db)"));
    } else if (!c.databaseUrl.startsWith(QLatin1String("postgresql://")) &&
               !c.databaseUrl.startsWith(QLatin1String("postgres://"))) {
        return fail("PROCTOR_DATABASE_URL", QStringLiteral("expected a postgresql:// URL"));
    } else if (const QString problem = databaseUrlProblem(c.databaseUrl); !problem.isEmpty()) {
        return fail("PROCTOR_DATABASE_URL",
                    QStringLiteral("%1: '%2'").arg(problem, redactUrl(c.databaseUrl)));
    }

    // Optional: the schema owner's connection, for `migrate` and partition maintenance; PROCTOR_DATABASE_URL
    // is then the application role's, which migrate grants only what the service needs.
    c.migrationDatabaseUrl = get("PROCTOR_MIGRATION_DATABASE_URL");
    if (!c.migrationDatabaseUrl.isEmpty()) {
        if (!c.migrationDatabaseUrl.startsWith(QLatin1String("postgresql://")) &&
            !c.migrationDatabaseUrl.startsWith(QLatin1String("postgres://")))
            return fail("PROCTOR_MIGRATION_DATABASE_URL", QStringLiteral("expected a postgresql:// URL"));
        if (const QString problem = databaseUrlProblem(c.migrationDatabaseUrl); !problem.isEmpty())
            return fail("PROCTOR_MIGRATION_DATABASE_URL",
                        QStringLiteral("%1: '%2'").arg(problem, redactUrl(c.migrationDatabaseUrl)));
    }

    // Optional: where the review reads go (results, dashboard, search, session detail, abandoned, certificate
    // registry, device groups); every write stays on PROCTOR_DATABASE_URL.
    c.reviewDatabaseUrl = get("PROCTOR_REVIEW_DATABASE_URL");
    if (!c.reviewDatabaseUrl.isEmpty()) {
        if (!c.reviewDatabaseUrl.startsWith(QLatin1String("postgresql://")) &&
            !c.reviewDatabaseUrl.startsWith(QLatin1String("postgres://")))
            return fail("PROCTOR_REVIEW_DATABASE_URL", QStringLiteral("expected a postgresql:// URL"));
        if (const QString problem = databaseUrlProblem(c.reviewDatabaseUrl); !problem.isEmpty())
            return fail("PROCTOR_REVIEW_DATABASE_URL",
                        QStringLiteral("%1: '%2'").arg(problem, redactUrl(c.reviewDatabaseUrl)));
    }

    c.redisUrl = get("PROCTOR_REDIS_URL");
    if (c.redisUrl.isEmpty()) {
        if (needs & NeedRedis)
            return fail("PROCTOR_REDIS_URL", QStringLiteral("is required (redis://host:port/db)"));
    } else {
        auto ep = parseRedisUrl(c.redisUrl);
        if (!ep)
            return fail("PROCTOR_REDIS_URL", ep.error());
        c.redis = *ep;
    }

    if (const QString addr = get("PROCTOR_HTTP_ADDR"); !addr.isEmpty()) {
        const int colon = addr.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? addr.mid(colon + 1).toInt(&ok) : -1;
        QString host = colon > 0 ? addr.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress ha(host);
        if (!ok || port < 0 || port > 65535 || ha.isNull())
            return fail("PROCTOR_HTTP_ADDR",
                        QStringLiteral("expected IP:PORT (e.g. 127.0.0.1:8080), got '%1'").arg(addr));
        c.httpHost = ha;
        c.httpPort = quint16(port);
    }

    if (const QString f = get("PROCTOR_LOG_FORMAT"); !f.isEmpty()) {
        if (f == QLatin1String("json"))
            c.logFormat = Log::Format::Json;
        else if (f == QLatin1String("text"))
            c.logFormat = Log::Format::Text;
        else
            return fail("PROCTOR_LOG_FORMAT", QStringLiteral("expected json or text, got '%1'").arg(f));
    }
    if (const QString l = get("PROCTOR_LOG_LEVEL"); !l.isEmpty()) {
        static const QHash<QString, Log::Level> levels{{QStringLiteral("debug"), Log::Level::Debug},
                                                       {QStringLiteral("info"), Log::Level::Info},
                                                       {QStringLiteral("warning"), Log::Level::Warning},
                                                       {QStringLiteral("error"), Log::Level::Error}};
        if (!levels.contains(l))
            return fail("PROCTOR_LOG_LEVEL",
                        QStringLiteral("expected debug, info, warning or error, got '%1'").arg(l));
        c.logLevel = levels.value(l);
    }

    if (const QString s = get("PROCTOR_SESSION_SECRET"); !s.isEmpty()) {
        c.sessionSecret = decodeSecret(s);
        if (c.sessionSecret.size() < 32)
            return fail(
                "PROCTOR_SESSION_SECRET",
                QStringLiteral(
                    "expected at least 32 random bytes as hex or base64 (e.g. `openssl rand -hex 32`)"));
    } else if (needs & NeedServe) {
        return fail(
            "PROCTOR_SESSION_SECRET",
            QStringLiteral("is required to sign session tokens; generate one with `openssl rand -hex 32` "
                           "and give every collector instance the same value"));
    }

    for (const QString &item : get("PROCTOR_TRUSTED_PROXIES").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = item.trimmed();
        auto subnet = QHostAddress::parseSubnet(entry.contains(QLatin1Char('/'))
                                                    ? entry
                                                    : entry + (entry.contains(QLatin1Char(':'))
                                                                   ? QStringLiteral("/128")
                                                                   : QStringLiteral("/32")));
        if (subnet.first.isNull())
            return fail(
                "PROCTOR_TRUSTED_PROXIES",
                QStringLiteral("expected comma-separated IP addresses or CIDR ranges, got '%1'").arg(entry));
        c.trustedProxies.append(subnet);
    }

    c.webRoot = get("PROCTOR_WEB_ROOT");
    c.pageApiKey = get("PROCTOR_PAGE_API_KEY");
    c.metricsToken = get("PROCTOR_METRICS_TOKEN");
    c.publicUrl = get("PROCTOR_PUBLIC_URL");
    if (c.publicUrl.isEmpty()) {
        const QString host = c.httpHost.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + c.httpHost.toString() + QLatin1Char(']')
                                 : c.httpHost.toString();
        c.publicUrl = QStringLiteral("http://%1:%2").arg(host).arg(c.httpPort);
    } else {
        const QUrl u(c.publicUrl, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
            u.host().isEmpty())
            return fail("PROCTOR_PUBLIC_URL",
                        QStringLiteral("expected an http(s):// URL, got '%1'").arg(c.publicUrl));
        while (c.publicUrl.endsWith(QLatin1Char('/')))
            c.publicUrl.chop(1);
    }

    struct IntVar
    {
        const char *name;
        qint64 min;
        qint64 max;
        std::function<void(qint64)> set;
    };
    const IntVar ints[] = {
        {"PROCTOR_HTTP_THREADS", 1, 64, [&](qint64 v) { c.httpThreads = int(v); }},
        {"PROCTOR_MAX_BODY_BYTES", 1024, 256LL * 1024 * 1024, [&](qint64 v) { c.maxBodyBytes = v; }},
        {"PROCTOR_HTTP_IDLE_TIMEOUT_MS", 100, 3600000, [&](qint64 v) { c.idleTimeoutMs = int(v); }},
        {"PROCTOR_HTTP_REQUEST_TIMEOUT_MS", 100, 3600000, [&](qint64 v) { c.requestTimeoutMs = int(v); }},
        {"PROCTOR_MAX_CONNECTIONS", 1, 1000000, [&](qint64 v) { c.maxConnections = int(v); }},
        {"PROCTOR_HTTP_MAX_PENDING_OUTPUT_BYTES", 16 * 1024, 1024LL * 1024 * 1024,
         [&](qint64 v) { c.httpMaxPendingOutputBytes = v; }},
        {"PROCTOR_HTTP_MAX_UNPARSED_INPUT_BYTES", 4 * 1024, 64 * 1024 * 1024,
         [&](qint64 v) { c.httpMaxUnparsedInputBytes = int(v); }},
        {"PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS", 100, 3600000,
         [&](qint64 v) { c.httpWriteStallTimeoutMs = int(v); }},
        {"PROCTOR_SESSION_TTL_SECONDS", 60, 7 * 24 * 3600, [&](qint64 v) { c.sessionTtlSeconds = int(v); }},
        {"PROCTOR_EVENT_QUEUE_MAX_ROWS", 100, 10000000, [&](qint64 v) { c.eventQueueMaxRows = int(v); }},
        {"PROCTOR_GROUP_COMMIT_MAX_ROWS", 1, 100000, [&](qint64 v) { c.groupCommitMaxRows = int(v); }},
        {"PROCTOR_WRITER_CONNECTIONS", 1, 32, [&](qint64 v) { c.writerConnections = int(v); }},
        {"PROCTOR_RATE_LIMIT_PER_KEY", 1, 100000000, [&](qint64 v) { c.rateLimitPerKeyPerMinute = int(v); }},
        {"PROCTOR_RATE_LIMIT_PER_ADDRESS", 1, 100000000,
         [&](qint64 v) { c.rateLimitPerAddressPerMinute = int(v); }},
        {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST", 1, 100000000,
         [&](qint64 v) { c.sessionStartsPerAddressBurst = int(v); }},
        {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE", 1, 100000000,
         [&](qint64 v) { c.sessionStartsPerAddressPerMinute = int(v); }},
        {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST", 1, 100000000,
         [&](qint64 v) { c.sessionStartsPerDeviceBurst = int(v); }},
        {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR", 1, 100000000,
         [&](qint64 v) { c.sessionStartsPerDevicePerHour = int(v); }},
        {"PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_BURST", 1, 100000000,
         [&](qint64 v) { c.certificateLookupsPerAddressBurst = int(v); }},
        {"PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_PER_MINUTE", 1, 100000000,
         [&](qint64 v) { c.certificateLookupsPerAddressPerMinute = int(v); }},
        {"PROCTOR_ADMIN_TOKEN_TTL_SECONDS", 1, 30LL * 24 * 3600,
         [&](qint64 v) { c.adminTokenTtlSeconds = int(v); }},
        {"PROCTOR_LOGIN_FAILURES_PER_ACCOUNT", 1, 1000000,
         [&](qint64 v) { c.loginFailuresPerAccount = int(v); }},
        {"PROCTOR_LOGIN_FAILURES_PER_ADDRESS", 1, 1000000,
         [&](qint64 v) { c.loginFailuresPerAddress = int(v); }},
        {"PROCTOR_LOGIN_FAILURE_WINDOW_SECONDS", 1, 7 * 24 * 3600,
         [&](qint64 v) { c.loginFailureWindowSeconds = int(v); }},
        {"PROCTOR_LOGIN_DELAY_MAX_SECONDS", 1, 3600, [&](qint64 v) { c.loginDelayMaxSeconds = int(v); }},
        {"PROCTOR_RETENTION_MONTHS", 0, 1200, [&](qint64 v) { c.retentionMonths = int(v); }},
        {"PROCTOR_PARTITION_MAINTENANCE_SECONDS", 10, 7 * 24 * 3600,
         [&](qint64 v) { c.partitionMaintenanceSeconds = int(v); }},
        {"PROCTOR_REVIEW_CACHE_TTL_SECONDS", 0, 3600, [&](qint64 v) { c.reviewCacheTtlSeconds = int(v); }},
        {"PROCTOR_ASSESSMENT_CPU_PERCENT", 1, 100, [&](qint64 v) { c.assessmentCpuPercent = int(v); }},
    };
    for (const IntVar &iv : ints) {
        qint64 value = 0;
        const QString raw = env.value(QString::fromLatin1(iv.name));
        if (auto err = readInt(env, iv.name, iv.min, iv.max, value))
            return tl::unexpected(*err);
        if (!raw.isEmpty())
            iv.set(value);
    }
    return c;
}

} // namespace Proctor::Collector
