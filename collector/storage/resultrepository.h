// SPDX-License-Identifier: MIT
// Finishing a test session: the session's attempt under a row lock, the scored result and the telemetry,
// all inside the caller's transaction. The scoring and the certificate rules live in
// Services::ResultService; this file only moves their values in and out of the tables.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

#include "contract/testdefinition.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {

// A session as its result sees it, read with a row lock so that concurrent submissions queue.
struct SessionForResult
{
    QString testId;
    QString kind;            // "test" | "study"
    bool finished = false;   // a result is already stored: the first one stands
    QStringList questionIds; // the attempt's questions, in the order drawn
    qint64 candidateId = 0;
    QString lastName;
    QString firstName;
    QString middleName;
    QString position;
};

// What a finished session keeps of its result; enough to answer a resubmission exactly as the first time.
struct StoredResult
{
    Contract::Score score;
    bool passed = false;
    int gradeNumber = 2;
    QDateTime finishedAt;          // UTC, millisecond precision
    QString certificateNumber;     // empty when none was issued
    QDateTime certificateIssuedAt; // UTC, millisecond precision; null when none was issued
    QString certificateCode;       // its verification code
};

namespace ResultRepository {

// The test a session belongs to, and its kind ("test" / "study"); NotFound when there is no such session.
Expected<std::pair<QString, QString>> sessionTest(pqxx::connection &c, const QUuid &sessionId);

// The session with a row lock held until `tx` ends; nullopt when there is no such session.
std::optional<SessionForResult> lockSession(pqxx::transaction_base &tx, const QUuid &sessionId);

// The transaction's clock (PostgreSQL now()), truncated to the millisecond: what finish() stores.
QDateTime transactionTime(pqxx::transaction_base &tx);

// The next value of the period's certificate counter ("26/11"); the counter row stays locked until `tx`
// ends, so concurrent passes get consecutive values.
qint64 nextCertificateValue(pqxx::transaction_base &tx, const QString &period);

// Marks the session completed with its result at the transaction's time (transactionTime()).
void finish(pqxx::transaction_base &tx, const QUuid &sessionId, const Contract::Score &score, bool passed,
            int gradeNumber, const QJsonArray &answers);
// Stores the submission's telemetry once per session.
void storeTelemetry(pqxx::transaction_base &tx, const QUuid &sessionId, const QJsonObject &telemetry);

// The result finish() stored, with the session's certificate if one was issued; nullopt when the session
// has none.
std::optional<StoredResult> storedResult(pqxx::transaction_base &tx, const QUuid &sessionId);

} // namespace ResultRepository
} // namespace Proctor::Collector::Storage
