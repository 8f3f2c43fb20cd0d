// SPDX-License-Identifier: MIT
// `create-admin --email E --role admin|proctor [--name NAME]`: the password is read from stdin when stdin is
// not a terminal (scripts: `printf '%s\n' "$PW" | proctor-collector create-admin …`), else prompted for
// twice without echo. Never from argv, where `ps` and shell history would show it. The account is made by
// AdminService, as over the admin API: the same checks, and an audit row with actor "cli:<user>".
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "services/adminservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {
namespace {

std::string readLine(bool echo)
{
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty && !echo) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

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

    std::string password;
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "Password for %s: ", qPrintable(input.email.trimmed().toLower()));
        password = readLine(false);
        std::fprintf(stderr, "Repeat: ");
        if (readLine(false) != password) {
            std::fprintf(stderr, "create-admin: the passwords differ\n");
            return 2;
        }
    } else {
        password = readLine(true);
    }
    input.password = QByteArray(password.data(), qsizetype(password.size()));
    std::fill(password.begin(), password.end(), '\0');

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
