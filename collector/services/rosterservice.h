// SPDX-License-Identifier: MIT
// Rosters: the candidates of a test whose access is "roster", imported from CSV, each with a personal access
// code (shown once, only its SHA-256 stored). The admin API and `import-roster` both come here; every change
// is audited. SessionService asks resolveCode() who a code belongs to before it builds the candidate.
#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>

#include "core/error.h"
#include "services/actor.h"
#include "storage/rosterrepository.h"
#include "storage/sessionrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
class TestCatalog;
} // namespace Proctor::Collector::Storage

namespace Proctor::Collector::Services {

struct IssuedCode
{
    Storage::RosterEntry entry;
    QString code; // "XXXXX-XXXXX": shown to the caller now and never again
};

struct RosterImport
{
    int created = 0;
    int updated = 0;
    QList<IssuedCode> codes;               // new entries and entries that had no code
    QList<Storage::RosterEntry> unchanged; // updated entries that keep the code they were given
};

class RosterService
{
public:
    RosterService(Storage::DbPool &db, Storage::TestCatalog &tests) : m_db(db), m_tests(tests) {}

    // ValidationFailed naming the line and column for bad CSV, /expiresAt for an expiry in the past;
    // NotFound (testId) for an unknown test.
    QFuture<Expected<RosterImport>> importCsv(const Actor &actor, const QString &testId,
                                              const QByteArray &csv, const QDateTime &expiresAt);
    QFuture<Expected<QList<Storage::RosterEntry>>> list(const QString &testId);
    // A new code replaces the old one (which stops working at once). NotFound (entryId) for an unknown entry.
    QFuture<Expected<IssuedCode>> regenerateCode(const Actor &actor, const QString &testId, qint64 entryId,
                                                 const QDateTime &expiresAt);
    QFuture<Expected<void>> remove(const Actor &actor, const QString &testId, qint64 entryId);

    // The roster person a code opens `testId` for (CandidateIdentity with rosterEntryId set), counting the
    // start in `tx`. InvalidAccessCode, identical for an unknown, expired or another test's code.
    static Expected<Storage::CandidateIdentity> resolveCode(pqxx::transaction_base &tx, const QString &testId,
                                                            const QString &code, const QString &persistentId);

    // Exposed for tests: a fresh code and the normalised form the hash is taken of.
    static QString generateCode();
    static QString normaliseCode(const QString &code);
    static QByteArray hashCode(const QString &code);

private:
    Storage::DbPool &m_db;
    Storage::TestCatalog &m_tests;
};

} // namespace Proctor::Collector::Services
