// SPDX-License-Identifier: MIT
// review_decisions and sessions.review_state: recording a proctor's decision on a session, reading a case's
// history and counting decisions per risk factor. Rules (who may decide, what a decision may carry) are
// Services::ReviewCaseService's.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace Proctor::Collector::Storage {

struct ReviewDecisionRecord
{
    qint64 id = 0;
    int state = 0; // as sessions.review_state: 0 unreviewed, 1 cleared, 2 violation confirmed, 3 second look
    QString comment;
    std::optional<qint64> reviewerId; // nullopt: the command line, or an admin deleted since
    QString reviewer;                 // the admin's e-mail or "cli:<user>"
    QDateTime decidedAt;              // UTC, millisecond precision
    QString revokedCertificate;       // empty unless the decision revoked one
};

struct ReviewSessionHead
{
    int state = 0;
    QString status;            // in_progress | completed | abandoned
    QString certificateNumber; // empty when the session has no certificate
    bool certificateRevoked = false;
};

struct FactorDecisionCounts
{
    QString reason;    // session_risk_factors.reason_key
    int flagged = 0;   // sessions where the factor fired
    int decided = 0;   // … of which cleared or confirmed
    int confirmed = 0; // … of which confirmed
};

namespace ReviewCaseRepository {

// The session's current state and certificate; nullopt when there is no such session. `forUpdate` locks the
// session row (and its certificate) until `tx` ends, so concurrent decisions serialise.
std::optional<ReviewSessionHead> head(pqxx::transaction_base &tx, const QUuid &sessionId,
                                      bool forUpdate = false);
// Appends a decision and sets sessions.review_state to it; returns the stored row.
ReviewDecisionRecord record(pqxx::transaction_base &tx, const QUuid &sessionId,
                            const ReviewDecisionRecord &decision);
// Newest first, at most `limit`.
QList<ReviewDecisionRecord> history(pqxx::transaction_base &tx, const QUuid &sessionId, int limit);
// Per factor that fired (points > 0) in sessions started in the last `days` days, by reason key.
QList<FactorDecisionCounts> decisionsPerFactor(pqxx::transaction_base &tx, int days);

} // namespace ReviewCaseRepository
} // namespace Proctor::Collector::Storage
