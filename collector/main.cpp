// SPDX-License-Identifier: MIT
// proctor-collector: the headless server and its administration subcommands.
#include <cstdio>

#include <QCoreApplication>

#include "app/config.h"
#include "app/signalwatcher.h"
#include "cli/commands.h"
#include "core/version.h"
#include "logging/log.h"

using namespace Proctor::Collector;

namespace {

struct Command
{
    const char *name;
    int needs;
    int (*run)(const Config &, const QStringList &);
    const char *summary;
};

const Command kCommands[] = {
    {"serve", Config::NeedDatabase | Config::NeedRedis | Config::NeedServe, &Cli::runServe,
     "run the HTTP service"},
    {"migrate", Config::NeedDatabase, &Cli::runMigrate, "apply database migrations"},
    {"check", Config::NeedDatabase | Config::NeedRedis, &Cli::runCheck,
     "validate the configuration and reach PostgreSQL and Redis"},
    {"import-test", Config::NeedDatabase, &Cli::runImportTest, "FILE: load or update a test definition"},
    {"create-apikey", Config::NeedDatabase, &Cli::runCreateApiKey,
     "--name NAME --scopes tests:read,sessions:write: print a new key (shown once)"},
    {"list-apikeys", Config::NeedDatabase, &Cli::runListApiKeys, "list keys: prefix, scopes, usage"},
    {"revoke-apikey", Config::NeedDatabase, &Cli::runRevokeApiKey,
     "ID|PREFIX: revoke a key on every instance"},
    {"create-admin", Config::NeedDatabase, &Cli::runCreateAdmin,
     "--email E --role admin|proctor [--name N]: password from stdin or a prompt"},
    {"set-password", Config::NeedDatabase, &Cli::runSetPassword,
     "--email E [--generate]: new password from stdin, a prompt or generated; signs the account out"},
    {"import-roster", Config::NeedDatabase, &Cli::runImportRoster,
     "--test ID [--expires DATE] FILE.csv: import candidates, print their new codes as CSV"},
    {"purge", Config::NeedDatabase, &Cli::runPurge,
     "--older-than MONTHS|YYYY-MM-DD: delete candidate data before then now (receipt in the audit log)"},
    {"reassess", Config::NeedDatabase, &Cli::runReassess,
     "[--batch N]: rebuild every outdated stored risk assessment (resumable)"},
};

void usage(FILE *out)
{
    std::fprintf(out, "usage: proctor-collector <command> [options]\n\ncommands:\n");
    for (const Command &c : kCommands)
        std::fprintf(out, "  %-15s %s\n", c.name, c.summary);
    std::fprintf(out, "\nConfiguration comes from PROCTOR_* environment variables (see README.md).\n");
}

} // namespace

int main(int argc, char *argv[])
{
    SignalWatcher::blockTerminationSignals();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("proctor-collector"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(Proctor::kVersion));

    const QStringList args = QCoreApplication::arguments();
    const QString name = args.value(1);
    if (name.isEmpty() || name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        usage(name.isEmpty() ? stderr : stdout);
        return name.isEmpty() ? 2 : 0;
    }
    if (name == QLatin1String("--version")) {
        std::printf("proctor-collector %s (%s)\n", Proctor::kVersion, Proctor::kGitRevision);
        return 0;
    }
    for (const Command &c : kCommands) {
        if (name != QLatin1String(c.name))
            continue;
        const auto config = Config::fromEnvironment(QProcessEnvironment::systemEnvironment(), c.needs);
        if (!config) {
            std::fprintf(stderr, "proctor-collector: configuration error: %s\n",
                         qPrintable(config.error().toString()));
            return 2;
        }
        Proctor::Log::setup(config->logFormat, config->logLevel);
        return c.run(*config, args.mid(2));
    }
    std::fprintf(stderr, "proctor-collector: unknown command '%s'\n\n", qPrintable(name));
    usage(stderr);
    return 2;
}
