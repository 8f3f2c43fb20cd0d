// SPDX-License-Identifier: MIT
// `set-password --email E [--generate]`: the operator sets an admin's password (deploy.sh says "change it";
// this is how, also when nobody can sign in any more). The password is read from stdin when stdin is not a
// terminal, prompted for twice without echo on a terminal, or generated and printed once with --generate;
// never taken from argv. Every token of the account is revoked; audited with actor "cli:<user>".
#include <cstdio>
#include <string>

#include <QCommandLineParser>

#include "cli/commands.h"
#include "cli/passwordprompt.h"
#include "cli/servicecall.h"
#include "services/adminpasswordservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {

int runSetPassword(const Config &config, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("email"), QStringLiteral("login e-mail"), QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("generate"), QStringLiteral("generate a password and print it once")});
    if (!parser.parse(QStringList{QStringLiteral("set-password")} + args) ||
        !parser.isSet(QStringLiteral("email")) || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "usage: proctor-collector set-password --email EMAIL [--generate]\n"
                             "the password is read from stdin (or prompted for on a terminal), never from "
                             "arguments; --generate prints a new one instead\n");
        return 2;
    }
    const QString email = parser.value(QStringLiteral("email"));
    QByteArray password;
    const bool generate = parser.isSet(QStringLiteral("generate"));
    if (generate) {
        password = Services::AdminPasswordService::generate();
    } else {
        const auto typed = readNewPassword(
            "set-password", QStringLiteral("New password for %1: ").arg(email.trimmed().toLower()));
        if (!typed)
            return 2;
        password = *typed;
    }
    Storage::DbPool db(config.databaseUrl, 1);
    Services::AdminPasswordService passwords(db);
    const auto done = await(passwords.set(Services::Actor::commandLine(), email, password));
    if (!done) {
        password.fill('\0');
        return fail("set-password", done.error());
    }
    if (generate)
        std::printf("%s\n", password.constData());
    password.fill('\0');
    std::fprintf(stderr, "password set for %s (id %lld); %d session(s) signed out\n", qPrintable(done->email),
                 static_cast<long long>(done->adminId), done->tokensRevoked);
    return 0;
}

} // namespace Proctor::Collector::Cli
