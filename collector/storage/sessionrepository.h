// SPDX-License-Identifier: MIT
// Opening a session: the candidate upsert and the session row, inside the caller's transaction.
#pragma once

#include <pqxx/pqxx>

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

namespace Proctor::Collector::Storage {

struct CandidateIdentity
{
    QString lastName;
    QString firstName;
    QString middleName;
    QString position;
    QString email;
    QString persistentId;
    qint64 rosterEntryId = 0; // set when a roster test's access code named the person

    // A roster person is one candidate whatever browser they use: "roster:<entry id>". Otherwise: browser id
    // + normalised full name: two people on one computer stay two candidates, and one person's repeated
    // attempts from the same browser stay one.
    QString identityKey() const;
};

struct NewSession
{
    QUuid id;
    QString testId;
    QString kind; // "test" | "study"
    CandidateIdentity candidate;
    QStringList questionIds;
    QString fingerprintHash;
    QJsonObject fingerprint;
    QString locale;
    QHostAddress clientIp;
    QString userAgent;
    qint64 startedAtMs = 0;
    qint64 apiKeyId = 0; // the page key that opened it; 0: none recorded
};

namespace SessionRepository {

// Upserts the candidate and inserts the session row in `tx` (the caller commits); returns the candidate id.
qint64 create(pqxx::transaction_base &tx, const NewSession &session);

} // namespace SessionRepository
} // namespace Proctor::Collector::Storage
