// SPDX-License-Identifier: MIT
// `create-admin --email E --role admin|proctor [--name NAME]`: the password is read from stdin when stdin is
// not a terminal (scripts: `printf '%s\n' "$PW" | proctor-collector create-admin …`), else prompted for
// twice without echo. Never from argv, where `ps` and shell history would show it. The account is made by
// AdminService, as over the admin API: the same checks, and an audit row with actor "cli:<user>".
#include <cstdio>
#include <string>

#include <QCommandLineParser>

#include "cli/commands.h"
#include "cli/passwordprompt.h"
#include "cli/servicecall.h"
#include "services/adminservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {

int runCreateAdmin(const Config &config, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("email"), QStringLiteral("login e-mail"), QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("role"), QStringLiteral("admin or proctor"), QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("display name"), QStringLiteral("NAME")});
    if (!parser.parse(QStringList{QStringLiteral("create-admin")} + args) ||
        !parser.isSet(QStringLiteral("email")) || !parser.isSet(QStringLiteral("role")) ||
        !parser.positionalArguments().isEmpty()) {
        std::fprintf(
            stderr,
            "usage: proctor-collector create-admin --email EMAIL --role admin|proctor [--name NAME]\n"
            "the password is read from stdin (or prompted for on a terminal), never from arguments\n");
        return 2;
    }
    Services::NewAdmin input;
    input.email = parser.value(QStringLiteral("email"));
    input.role = parser.value(QStringLiteral("role")).trimmed();
    input.displayName = parser.value(QStringLiteral("name"));

    const auto password = readNewPassword(
        "create-admin", QStringLiteral("Password for %1: ").arg(input.email.trimmed().toLower()));
    if (!password)
        return 2;
    input.password = *password;

    Storage::DbPool db(config.databaseUrl, 1);
    Services::AdminService admins(db);
    const auto admin = await(admins.create(Services::Actor::commandLine(), input));
    input.password.fill('\0');
    if (!admin)
        return fail("create-admin", admin.error());
    std::printf("%lld\n", static_cast<long long>(admin->identity.id));
    std::fprintf(stderr, "created %s %s (id %lld)\n", qPrintable(Auth::adminRoleName(admin->identity.role)),
                 qPrintable(admin->identity.email), static_cast<long long>(admin->identity.id));
    return 0;
}

} // namespace Proctor::Collector::Cli
