// SPDX-License-Identifier: MIT
// Opening a session: the candidate upsert and the session row in one transaction.
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

    // Browser id + normalised full name: two people on one computer stay two candidates, and one
    // person's repeated attempts from the same browser stay one.
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
};

namespace SessionRepository {

// Returns the candidate id.
qint64 create(pqxx::connection &c, const NewSession &session);

} // namespace SessionRepository
} // namespace Proctor::Collector::Storage
