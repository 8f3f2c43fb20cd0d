// SPDX-License-Identifier: MIT
// `create-apikey`, `list-apikeys`, `revoke-apikey`: the same ApiKeyService as the admin API, so the same
// checks, an audit row per change (actor "cli:<user>") and revocation announced to every instance. The key is
// printed once, alone on stdout, so scripts can capture it; only its SHA-256 is stored.
#include <algorithm>
#include <cstdio>

#include <QCommandLineParser>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "redis/blockingannouncer.h"
#include "services/apikeyservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {
namespace {

// The service and what it runs on, for one subcommand.
struct ApiKeyCommand
{
    ApiKeyCommand(const Config &config, const char *name)
        : db(config.databaseUrl, 1), announcer(announceEndpoint(config), QString::fromLatin1(name)),
          keys(db, announcer)
    {
    }
    Storage::DbPool db;
    Redis::BlockingAnnouncer announcer;
    Services::ApiKeyService keys;
};

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
    Services::NewApiKey input;
    input.name = parser.value(QStringLiteral("name"));
    for (const QString &scope :
         parser.value(QStringLiteral("scopes")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        input.scopes.append(scope.trimmed());

    ApiKeyCommand command(config, "create-apikey");
    const auto created = await(command.keys.create(Services::Actor::commandLine(), input));
    if (!created)
        return fail("create-apikey", created.error());
    const Auth::ApiKeyInfo &key = created->record.info;
    std::fprintf(stderr, "created API key %lld '%s' (prefix %s, scopes %s); it is shown only now:\n",
                 static_cast<long long>(key.id), qPrintable(key.name), qPrintable(created->record.prefix),
                 qPrintable(key.scopes.join(QLatin1Char(','))));
    std::printf("%s\n", created->key.constData());
    return 0;
}

int runListApiKeys(const Config &config, const QStringList &)
{
    ApiKeyCommand command(config, "list-apikeys");
    const auto keys = await(command.keys.list());
    if (!keys)
        return fail("list-apikeys", keys.error());
    std::printf("%-5s %-12s %-24s %-28s %-10s %-24s %s\n", "id", "prefix", "name", "scopes", "usage",
                "last used", "state");
    for (const Storage::ApiKeyRecord &k : *keys)
        std::printf(
            "%-5lld %-12s %-24s %-28s %-10lld %-24s %s\n", static_cast<long long>(k.info.id),
            qPrintable(k.prefix), qPrintable(k.info.name.left(24)),
            qPrintable(k.info.scopes.join(QLatin1Char(','))), static_cast<long long>(k.usageCount),
            qPrintable(k.lastUsedAt.isValid() ? k.lastUsedAt.toString(Qt::ISODate) : QStringLiteral("never")),
            k.info.revoked ? "revoked" : "active");
    return 0;
}

int runRevokeApiKey(const Config &config, const QStringList &args)
{
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: proctor-collector revoke-apikey ID|PREFIX\n");
        return 2;
    }
    ApiKeyCommand command(config, "revoke-apikey");
    const Services::Actor actor = Services::Actor::commandLine();
    bool isId = false;
    const qint64 id = args.first().toLongLong(&isId);
    Expected<QList<Storage::ApiKeyRevocation>> revoked = QList<Storage::ApiKeyRevocation>();
    if (isId) {
        const auto one = await(command.keys.revoke(actor, id));
        if (one)
            revoked = QList<Storage::ApiKeyRevocation>{*one};
        else if (one.error().code != ErrorCode::NotFound)
            revoked = tl::unexpected(one.error());
    } else {
        revoked = await(command.keys.revokeByPrefix(actor, args.first()));
    }
    if (!revoked)
        return fail("revoke-apikey", revoked.error());
    const auto count = std::count_if(revoked->cbegin(), revoked->cend(),
                                     [](const Storage::ApiKeyRevocation &k) { return !k.alreadyRevoked; });
    if (count == 0) {
        std::fprintf(stderr, "revoke-apikey: no active key with id or prefix '%s'\n",
                     qPrintable(args.first()));
        return 1;
    }
    std::printf("revoked %lld key(s)\n", static_cast<long long>(count));
    return 0;
}

} // namespace Proctor::Collector::Cli
