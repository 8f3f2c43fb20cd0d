// SPDX-License-Identifier: MIT
// SQL for roster entries: the people an administrator lists for a roster test and their access-code hashes.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Proctor::Collector::Storage {

struct RosterPerson
{
    QString lastName;
    QString firstName;
    QString middleName;
    QString position;
    QString email;
    QString externalId;
};

struct RosterEntry
{
    qint64 id = 0;
    QString testId;
    RosterPerson person;
    bool hasCode = false;
    QDateTime codeExpiresAt; // invalid: no expiry
    QDateTime codeIssuedAt;
    int starts = 0;
    QDateTime lastUsedAt;
    QDateTime createdAt;
};

namespace RosterRepository {

// Matches by external id, else by e-mail, within the test; updates the match or inserts. Returns the entry
// and whether it was created.
std::pair<RosterEntry, bool> upsert(pqxx::transaction_base &tx, const QString &testId, const RosterPerson &p);
// Replaces the entry's code hash; false when the entry is not the test's.
bool setCode(pqxx::transaction_base &tx, const QString &testId, qint64 entryId, const QByteArray &hash,
             const QDateTime &expiresAt);
QList<RosterEntry> list(pqxx::transaction_base &tx, const QString &testId);
std::optional<RosterEntry> find(pqxx::transaction_base &tx, const QString &testId, qint64 entryId);
bool remove(pqxx::transaction_base &tx, const QString &testId, qint64 entryId);
// The entry holding this code hash, whatever its test or expiry (the caller checks both).
std::optional<RosterEntry> findByCode(pqxx::transaction_base &tx, const QByteArray &hash);
void markUsed(pqxx::transaction_base &tx, qint64 entryId);

} // namespace RosterRepository
} // namespace Proctor::Collector::Storage
