// SPDX-License-Identifier: MIT
// `import-roster --test ID [--expires DATE] FILE`: the same RosterService as the admin API (same checks, an
// audit row with actor "cli:<user>"). The new codes go to stdout as CSV (UTF-8 with BOM, `;`-separated, as
// Russian Excel opens it) for a mail merge; they are shown only now. A summary goes to stderr.
#include <cstdio>

#include <QCommandLineParser>
#include <QFile>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "http/json/rosterjson.h"
#include "services/rosterservice.h"
#include "storage/dbpool.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Cli {
namespace {

QString csvCell(const QString &value)
{
    if (!value.contains(QLatin1Char(';')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

int runImportRoster(const Config &config, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("test"), QStringLiteral("the test id"), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("expires"), QStringLiteral("codes expire then (ISO date or date-time)"),
                      QStringLiteral("DATE")});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("the roster CSV"));
    if (!parser.parse(QStringList{QStringLiteral("import-roster")} + args) ||
        !parser.isSet(QStringLiteral("test")) || parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "usage: proctor-collector import-roster --test ID [--expires DATE] FILE.csv\n");
        return 2;
    }
    const auto expires = Http::Json::parseExpiresAt(parser.value(QStringLiteral("expires")));
    if (!expires)
        return fail("import-roster", expires.error());
    QFile file(parser.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "import-roster: %s: %s\n", qPrintable(file.fileName()),
                     qPrintable(file.errorString()));
        return 1;
    }
    const QByteArray csv = file.readAll();

    Storage::DbPool db(config.databaseUrl, 1);
    Storage::TestCatalog tests(db);
    Services::RosterService rosters(db, tests);
    const auto imported = await(rosters.importCsv(Services::Actor::commandLine(),
                                                  parser.value(QStringLiteral("test")), csv, *expires));
    if (!imported)
        return fail("import-roster", imported.error());

    std::fprintf(stderr, "import-roster: %d created, %d updated, %lld new codes (shown only now)\n",
                 imported->created, imported->updated, static_cast<long long>(imported->codes.size()));
    QString out =
        QStringLiteral("\uFEFFlastName;firstName;middleName;position;email;externalId;code;expiresAt\n");
    for (const Services::IssuedCode &c : imported->codes) {
        const auto &p = c.entry.person;
        const QStringList cells{
            p.lastName,
            p.firstName,
            p.middleName,
            p.position,
            p.email,
            p.externalId,
            c.code,
            c.entry.codeExpiresAt.isValid() ? c.entry.codeExpiresAt.toString(Qt::ISODate) : QString()};
        QStringList quoted;
        for (const QString &cell : cells)
            quoted.append(csvCell(cell));
        out += quoted.join(QLatin1Char(';')) + QLatin1Char('\n');
    }
    const QByteArray bytes = out.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}

} // namespace Proctor::Collector::Cli
