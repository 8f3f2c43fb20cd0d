// SPDX-License-Identifier: MIT
// `proctor-collector import-test FILE`: validates a test definition and stores it through
// Services::TestService (a re-import of the same file changes nothing).
#include <cstdio>

#include <QFile>

#include "cli/commands.h"
#include "services/testservice.h"
#include "storage/dbpool.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Cli {

int runImportTest(const Config &config, const QStringList &args)
{
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: proctor-collector import-test FILE\n");
        return 2;
    }
    const QString path = args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "import-test: cannot read %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return 1;
    }
    Storage::DbPool db(config.databaseUrl, 1);
    Storage::TestCatalog catalog(db);
    Services::TestService tests(db, catalog);
    auto future = tests.importDefinition(file.readAll());
    future.waitForFinished();
    const Expected<Services::ImportedTest> imported = future.result();
    if (!imported) {
        const Error &e = imported.error();
        if (e.code == ErrorCode::BadJson)
            std::fprintf(stderr, "import-test: %s: %s\n", qPrintable(path), qPrintable(e.message));
        else if (e.code == ErrorCode::ValidationFailed)
            std::fprintf(stderr, "import-test: %s: invalid at %s: %s\n", qPrintable(path),
                         qPrintable(e.field.isEmpty() ? QStringLiteral("/") : e.field),
                         qPrintable(e.message));
        else
            std::fprintf(stderr, "import-test: %s\n", qPrintable(e.message));
        return 1;
    }
    using Services::ImportResult;
    const char *word = imported->result == ImportResult::Created   ? "created"
                       : imported->result == ImportResult::Updated ? "updated"
                                                                   : "unchanged";
    std::printf("%s: %s (%d questions, %d per attempt, pass at %d%%)\n", qPrintable(imported->id), word,
                imported->questionCount, imported->questionsPerAttempt, imported->passThreshold);
    return 0;
}

} // namespace Proctor::Collector::Cli
