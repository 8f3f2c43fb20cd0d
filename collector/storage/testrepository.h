// SPDX-License-Identifier: MIT
// tests table: importing definitions and reading them back (answer key included; callers decide what leaves).
#pragma once

#include <memory>
#include <optional>

#include <pqxx/pqxx>

#include <QList>

#include "contract/testdefinition.h"

namespace Proctor::Collector::Storage {

struct TestSummary
{
    QString id;
    QString title;
    QString description;
    int questionsPerAttempt = 0;
    int timeLimitSeconds = 0;
    int passThreshold = 80;
    bool hasStudy = false;
    QString access = QStringLiteral("open"); // "open" | "roster" (the start page asks for a code)
    Contract::AttemptPolicy attemptPolicy;   // shown to admins only (GET /api/v1/tests with a bearer token)
    int rosterEntries = 0;                   // likewise
};

namespace TestRepository {

enum class ImportResult
{
    Created,
    Updated,
    Unchanged
};
// Inside the caller's transaction; `checksum` identifies the imported file, so the same file is Unchanged.
ImportResult importTest(pqxx::transaction_base &tx, const Contract::TestDefinition &test,
                        const QByteArray &checksum);
QList<TestSummary> list(pqxx::transaction_base &tx);
std::optional<Contract::TestDefinition> load(pqxx::connection &c, const QString &id);

} // namespace TestRepository
} // namespace Proctor::Collector::Storage
