// SPDX-License-Identifier: MIT
// The tests a deployment offers: the list and one definition for the candidate page (the public view is
// chosen by http/json/testjson, never the key), and importing a definition file (the import-test command).
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>

#include "core/error.h"
#include "storage/testcatalog.h"
#include "storage/testrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

using TestSummary = Storage::TestSummary;
using TestPtr = Storage::TestCatalog::TestPtr;
using ImportResult = Storage::TestRepository::ImportResult;

struct ImportedTest
{
    QString id;
    ImportResult result = ImportResult::Unchanged; // the same file imported again changes nothing
    int questionCount = 0;
    int questionsPerAttempt = 0;
    int passThreshold = 0;
};

class TestService
{
public:
    TestService(Storage::DbPool &db, Storage::TestCatalog &catalog);

    QFuture<Expected<QList<TestSummary>>> list();
    // NotFound (testId) for an unknown id.
    QFuture<Expected<TestPtr>> get(const QString &id);

    // `file` is a test definition as JSON. BadJson when it does not parse; ValidationFailed naming the JSON
    // pointer when it is not a valid definition. A file already imported byte for byte is Unchanged.
    QFuture<Expected<ImportedTest>> importDefinition(QByteArray file);

private:
    Storage::DbPool &m_db;
    Storage::TestCatalog &m_catalog;
};

} // namespace Proctor::Collector::Services
