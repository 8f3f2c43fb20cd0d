// SPDX-License-Identifier: MIT
// `create-admin --email E --role admin|proctor [--name NAME]`: the password is read from stdin when stdin is
// not a terminal (scripts: `printf '%s\n' "$PW" | proctor-collector create-admin …`), else prompted for
// twice without echo. Never from argv, where `ps` and shell history would show it.
#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QJsonObject>

#include "auth/passwordhasher.h"
#include "cli/commands.h"
#include "storage/adminrepository.h"
#include "storage/auditlog.h"
#include "storage/database.h"

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

bool plausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    return email.size() <= 254 && at > 0 && at == email.lastIndexOf(QLatin1Char('@')) &&
           at < email.size() - 1 && !email.contains(QLatin1Char(' '));
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
    const QString email = parser.value(QStringLiteral("email")).trimmed().toLower();
    if (!plausibleEmail(email)) {
        std::fprintf(stderr, "create-admin: '%s' is not an e-mail address\n", qPrintable(email));
        return 2;
    }
    const auto role = Auth::adminRoleFromName(parser.value(QStringLiteral("role")).trimmed());
    if (!role) {
        std::fprintf(stderr, "create-admin: --role must be admin or proctor\n");
        return 2;
    }
    const QString name = parser.value(QStringLiteral("name")).simplified().left(200);

    std::string password;
    if (isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "Password for %s: ", qPrintable(email));
        password = readLine(false);
        std::fprintf(stderr, "Repeat: ");
        if (readLine(false) != password) {
            std::fprintf(stderr, "create-admin: the passwords differ\n");
            return 2;
        }
    } else {
        password = readLine(true);
    }
    if (password.size() < size_t(Auth::PasswordHasher::kMinPasswordLength) ||
        password.size() > size_t(Auth::PasswordHasher::kMaxPasswordLength)) {
        std::fprintf(stderr, "create-admin: the password must be %d..%d characters\n",
                     Auth::PasswordHasher::kMinPasswordLength, Auth::PasswordHasher::kMaxPasswordLength);
        return 2;
    }
    const QByteArray hash =
        Auth::PasswordHasher().hash(QByteArrayView(password.data(), qsizetype(password.size())));
    std::fill(password.begin(), password.end(), '\0');
    if (hash.isEmpty()) {
        std::fprintf(stderr, "create-admin: hashing failed (out of memory?)\n");
        return 1;
    }

    auto conn = Storage::connect(config.databaseUrl);
    if (!conn) {
        std::fprintf(stderr, "create-admin: %s\n", qPrintable(conn.error().message));
        return 1;
    }
    try {
        pqxx::work tx(**conn);
        const auto admin = Storage::AdminRepository::insert(tx, email, hash, *role, name);
        if (!admin) {
            std::fprintf(stderr, "create-admin: %s\n", qPrintable(admin.error().message));
            return 1;
        }
        Storage::AuditLog::record(tx, {std::nullopt,
                                       QStringLiteral("cli"),
                                       QStringLiteral("admin.create"),
                                       QStringLiteral("admin:%1").arg(admin->identity.id),
                                       QJsonObject{{QStringLiteral("email"), email},
                                                   {QStringLiteral("role"), Auth::adminRoleName(*role)}},
                                       {}});
        tx.commit();
        std::printf("%lld\n", static_cast<long long>(admin->identity.id));
        std::fprintf(stderr, "created %s %s (id %lld)\n", qPrintable(Auth::adminRoleName(*role)),
                     qPrintable(email), static_cast<long long>(admin->identity.id));
        return 0;
    } catch (...) {
        std::fprintf(stderr, "create-admin: %s\n",
                     qPrintable(Storage::currentExceptionAsError(QStringLiteral("create-admin")).message));
        return 1;
    }
}

} // namespace Proctor::Collector::Cli
