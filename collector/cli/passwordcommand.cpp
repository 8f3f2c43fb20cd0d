// SPDX-License-Identifier: MIT
// `set-password --email E [--generate]`: the operator sets an admin's password (deploy.sh says "change it";
// this is how, also when nobody can sign in any more). The password is read from stdin when stdin is not a
// terminal, prompted for twice without echo on a terminal, or generated and printed once with --generate;
// never taken from argv. Every token of the account is revoked; audited with actor "cli:<user>".
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "services/adminpasswordservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {
namespace {

std::string readSecret(bool echo)
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
        std::string typed;
        if (isatty(STDIN_FILENO)) {
            std::fprintf(stderr, "New password for %s: ", qPrintable(email.trimmed().toLower()));
            typed = readSecret(false);
            std::fprintf(stderr, "Repeat: ");
            if (readSecret(false) != typed) {
                std::fprintf(stderr, "set-password: the passwords differ\n");
                return 2;
            }
        } else {
            typed = readSecret(true);
        }
        password = QByteArray(typed.data(), qsizetype(typed.size()));
        std::fill(typed.begin(), typed.end(), '\0');
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
