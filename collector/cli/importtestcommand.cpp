// SPDX-License-Identifier: MIT
// `proctor-collector import-test FILE`: validates a test definition and stores it (a re-import of the
// same file changes nothing).
#include <cstdio>

#include <QCryptographicHash>
#include <QFile>

#include "cli/commands.h"
#include "contract/jsonparse.h"
#include "contract/testdefinition.h"
#include "storage/database.h"
#include "storage/testrepository.h"

namespace Proctor::Collector::Cli {

int runImportTest(const Config &config, const QStringList &args)
{
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: proctor-collector import-test FILE\n");
        return 2;
    }
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "import-test: cannot read %s: %s\n", qPrintable(args.first()),
                     qPrintable(file.errorString()));
        return 1;
    }
    const QByteArray bytes = file.readAll();
    const auto json = Contract::parseJsonObject(bytes);
    if (!json) {
        std::fprintf(stderr, "import-test: %s: %s\n", qPrintable(args.first()),
                     qPrintable(json.error().message));
        return 1;
    }
    const auto test = Contract::TestDefinition::fromJson(*json);
    if (!test) {
        std::fprintf(stderr, "import-test: %s: invalid at %s: %s\n", qPrintable(args.first()),
                     qPrintable(test.error().pointer.isEmpty() ? QStringLiteral("/") : test.error().pointer),
                     qPrintable(test.error().message));
        return 1;
    }
    auto conn = Storage::connect(config.databaseUrl);
    if (!conn) {
        std::fprintf(stderr, "import-test: %s\n", qPrintable(conn.error().message));
        return 1;
    }
    try {
        const auto result = Storage::TestRepository::importTest(
            **conn, *test, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const char *word = result == Storage::TestRepository::ImportResult::Created   ? "created"
                           : result == Storage::TestRepository::ImportResult::Updated ? "updated"
                                                                                      : "unchanged";
        std::printf("%s: %s (%lld questions, %d per attempt, pass at %d%%)\n", qPrintable(test->id()), word,
                    static_cast<long long>(test->questions().size()), test->questionsPerAttempt(),
                    test->passThreshold());
        return 0;
    } catch (...) {
        std::fprintf(stderr, "import-test: %s\n",
                     qPrintable(Storage::currentExceptionAsError(QStringLiteral("import")).message));
        return 1;
    }
}

} // namespace Proctor::Collector::Cli
