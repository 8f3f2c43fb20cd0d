// SPDX-License-Identifier: MIT
// A candidate's attempts of one test: the per-candidate lock, closing overdue attempts, counting, the
// unfinished attempt to resume and its answers so far (from answer_changed events). SQL only; the policy
// lives in Services::SessionService and Services::ResultService.
#pragma once

#include <optional>
#include <vector>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUuid>

namespace Proctor::Collector::Storage {

struct OpenAttempt
{
    QUuid id;
    qint64 startedAtMs = 0;
    QStringList questionIds;
};

struct AttemptHistory
{
    int used = 0;                    // completed and expired attempts
    QDateTime lastEndedAt;           // UTC; invalid when none ended
    std::optional<OpenAttempt> open; // the unfinished attempt still within its time
};

namespace AttemptRepository {

// Serialises starts of one candidate key until `tx` ends (pg_advisory_xact_lock), on every instance.
void lock(pqxx::transaction_base &tx, const QString &candidateKey);

// The candidate id of an identity key; nullopt for a new candidate.
std::optional<qint64> candidateId(pqxx::transaction_base &tx, const QString &identityKey);

// Closes as 'expired' the unfinished test attempts whose time ran out: time limit + `graceSeconds`, or
// `untimedSeconds` for a test without a limit. Only the candidate's (and test's) when given, else all.
// Returns the ids of the attempts closed.
std::vector<QUuid> expireOverdue(pqxx::transaction_base &tx, std::optional<qint64> candidateId,
                                 const QString &testId, int graceSeconds, int untimedSeconds);

// Attempts of a test by a candidate (after expireOverdue, every in_progress one is still within its time).
AttemptHistory history(pqxx::transaction_base &tx, qint64 candidateId, const QString &testId,
                       int graceSeconds, int untimedSeconds);

// [{questionId, optionIds}] from the session's answer_changed events, the last change per question.
QJsonArray answersSoFar(pqxx::transaction_base &tx, const QUuid &sessionId);

// The session's status ("in_progress", "completed", "expired", ...); empty when there is no such session.
QString status(pqxx::transaction_base &tx, const QUuid &sessionId);

// The answers stored with a finished session (as submitted).
QJsonArray storedAnswers(pqxx::transaction_base &tx, const QUuid &sessionId);

// A test's stored definition with a row lock held until `tx` ends; nullopt for an unknown test.
std::optional<QJsonObject> lockDefinition(pqxx::transaction_base &tx, const QString &testId);
// Replaces the stored definition (the checksum stays: it identifies the imported file).
void storeDefinition(pqxx::transaction_base &tx, const QString &testId, const QJsonObject &definition);

} // namespace AttemptRepository
} // namespace Proctor::Collector::Storage
