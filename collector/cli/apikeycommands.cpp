// SPDX-License-Identifier: MIT
// `create-apikey`, `list-apikeys`, `revoke-apikey`. The key is printed once, alone on stdout, so scripts can
// capture it; only its SHA-256 is stored. Revocation is announced on Redis so every instance drops it at
// once.
#include <cstdio>

#include <hiredis/hiredis.h>

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include "auth/apikeyauthenticator.h"
#include "cli/commands.h"
#include "live/changepublisher.h"
#include "storage/apikeyrepository.h"
#include "storage/database.h"

namespace Proctor::Collector::Cli {
namespace {

template <typename Fn> int withConnection(const Config &config, const char *command, Fn fn)
{
    auto conn = Storage::connect(config.databaseUrl);
    if (!conn) {
        std::fprintf(stderr, "%s: %s\n", command, qPrintable(conn.error().message));
        return 1;
    }
    try {
        return fn(**conn);
    } catch (...) {
        std::fprintf(stderr, "%s: %s\n", command,
                     qPrintable(Storage::currentExceptionAsError(QString::fromLatin1(command)).message));
        return 1;
    }
}

// Best effort: with Redis down the in-process caches still expire within seconds.
void announceRevocation(const Config &config, const QList<QByteArray> &hashes)
{
    if (config.redisUrl.isEmpty())
        return;
    const timeval timeout{2, 0};
    redisContext *c =
        redisConnectWithTimeout(config.redis.host.toUtf8().constData(), config.redis.port, timeout);
    if (!c || c->err) {
        std::fprintf(stderr,
                     "revoke-apikey: warning: Redis unreachable; instances drop the key within seconds\n");
        if (c)
            redisFree(c);
        return;
    }
    auto run = [c](const QList<QByteArray> &args) {
        std::vector<const char *> argv;
        std::vector<size_t> lens;
        for (const auto &a : args) {
            argv.push_back(a.constData());
            lens.push_back(size_t(a.size()));
        }
        if (auto *r = redisCommandArgv(c, int(argv.size()), argv.data(), lens.data()))
            freeReplyObject(r);
    };
    if (!config.redis.password.isEmpty())
        run({"AUTH", config.redis.password.toUtf8()});
    if (config.redis.database != 0)
        run({"SELECT", QByteArray::number(config.redis.database)});
    for (const QByteArray &hash : hashes) {
        run({"DEL", Auth::ApiKeyAuthenticator::redisKey(hash)});
        run({"PUBLISH", Live::kLiveChannel,
             QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("apikey_revoked")},
                                       {QStringLiteral("hash"), QString::fromLatin1(hash.toHex())}})
                 .toJson(QJsonDocument::Compact)});
    }
    redisFree(c);
}

} // namespace

int runCreateApiKey(const Config &config, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("what the key is for"), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("scopes"), QStringLiteral("comma-separated scopes"), QStringLiteral("SCOPES")});
    if (!parser.parse(QStringList{QStringLiteral("create-apikey")} + args) ||
        !parser.isSet(QStringLiteral("name")) || !parser.isSet(QStringLiteral("scopes"))) {
        std::fprintf(stderr, "usage: proctor-collector create-apikey --name NAME --scopes %s\n",
                     qPrintable(Auth::knownScopes().join(QLatin1Char(','))));
        return 2;
    }
    const QStringList scopes =
        parser.value(QStringLiteral("scopes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &s : scopes) {
        if (!Auth::knownScopes().contains(s.trimmed())) {
            std::fprintf(stderr, "create-apikey: unknown scope '%s' (known: %s)\n", qPrintable(s),
                         qPrintable(Auth::knownScopes().join(QStringLiteral(", "))));
            return 2;
        }
    }
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty() || name.size() > 100) {
        std::fprintf(stderr, "create-apikey: --name must be 1..100 characters\n");
        return 2;
    }
    return withConnection(config, "create-apikey", [&](pqxx::connection &c) {
        const Auth::NewApiKey key = Auth::generateApiKey();
        QStringList trimmed;
        for (const QString &s : scopes)
            trimmed.append(s.trimmed());
        const qint64 id = Storage::ApiKeyRepository::insert(c, name, key, trimmed);
        std::fprintf(stderr, "created API key %lld '%s' (prefix %s, scopes %s); it is shown only now:\n",
                     static_cast<long long>(id), qPrintable(name), qPrintable(key.prefix),
                     qPrintable(trimmed.join(QLatin1Char(','))));
        std::printf("%s\n", key.key.constData());
        return 0;
    });
}

int runListApiKeys(const Config &config, const QStringList &)
{
    return withConnection(config, "list-apikeys", [&](pqxx::connection &c) {
        std::printf("%-5s %-12s %-24s %-28s %-10s %-24s %s\n", "id", "prefix", "name", "scopes", "usage",
                    "last used", "state");
        for (const auto &k : Storage::ApiKeyRepository::list(c))
            std::printf("%-5lld %-12s %-24s %-28s %-10lld %-24s %s\n", static_cast<long long>(k.info.id),
                        qPrintable(k.prefix), qPrintable(k.info.name.left(24)),
                        qPrintable(k.info.scopes.join(QLatin1Char(','))),
                        static_cast<long long>(k.usageCount),
                        qPrintable(k.lastUsedAt.isValid() ? k.lastUsedAt.toString(Qt::ISODate)
                                                          : QStringLiteral("never")),
                        k.info.revoked ? "revoked" : "active");
        return 0;
    });
}

int runRevokeApiKey(const Config &config, const QStringList &args)
{
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: proctor-collector revoke-apikey ID|PREFIX\n");
        return 2;
    }
    return withConnection(config, "revoke-apikey", [&](pqxx::connection &c) {
        const QList<QByteArray> hashes = Storage::ApiKeyRepository::revoke(c, args.first());
        if (hashes.isEmpty()) {
            std::fprintf(stderr, "revoke-apikey: no active key with id or prefix '%s'\n",
                         qPrintable(args.first()));
            return 1;
        }
        announceRevocation(config, hashes);
        std::printf("revoked %lld key(s)\n", static_cast<long long>(hashes.size()));
        return 0;
    });
}

} // namespace Proctor::Collector::Cli
