// SPDX-License-Identifier: MIT
// Opening a candidate's session: draw the attempt's questions, store the candidate and the session, sign the
// session's own token, announce SessionStarted. The answer key stays here: what leaves is chosen by
// http/json/sessionjson.
#pragma once

#include <optional>

#include <QDateTime>
#include <QFuture>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include "contract/testdefinition.h"
#include "core/error.h"
#include "storage/sessionrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector {
namespace Auth {
class SessionTokenSigner;
}
namespace Live {
class Announcer;
}
namespace Storage {
class DbPool;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Services {

struct SessionStart
{
    QString testId;
    QString kind = QStringLiteral("test"); // "test" | "study"
    QString locale = QStringLiteral("ru");
    Storage::CandidateIdentity candidate; // ignored for a roster test: the access code names the person
    QString accessCode;                   // a roster test's personal code (RosterService)
    QString fingerprintHash;
    QJsonObject fingerprint; // the browser's attributes, stored as they came
    QHostAddress clientAddress;
    QString userAgent;
    qint64 apiKeyId = 0; // the page key that opens the session (carried in the token for its rate limit)
};

struct StartedSession
{
    QUuid id;
    QString kind;
    QByteArray token;
    QDateTime startedAt; // UTC, millisecond precision: also the events' partition key
    QDateTime expiresAt; // UTC, second precision (the token's expiry)
    Storage::TestCatalog::TestPtr test;
    QList<Contract::Question> questions; // the attempt, in order; empty for a study session
    // Resuming the candidate's unfinished attempt: same id, questions and startedAt, a new token, and the
    // answers so far ([{questionId, optionIds}] from its answer_changed events).
    bool resumed = false;
    QJsonArray answers;
    int attemptsUsed = 0; // finished attempts before this one (completed or expired)
    int attemptsLeft = 0; // after this one

    // A start the attempt policy refuses is an answer, not a failure: no session is created (id is null)
    // and the route answers 409 attempts_exhausted or 429 attempt_cooldown (Retry-After, nextAttemptAt).
    enum class Refusal
    {
        None,
        AttemptsExhausted,
        Cooldown
    };
    Refusal refusal = Refusal::None;
    QDateTime nextAttemptAt;              // for Cooldown
    Storage::CandidateIdentity candidate; // who the session is for (a roster test: the roster's person)
};

class SessionService
{
public:
    SessionService(Storage::DbPool &db, Storage::TestCatalog &tests, const Auth::SessionTokenSigner &tokens,
                   Live::Announcer &announcer, int sessionTtlSeconds);

    // An unfinished attempt is closed this long after its time limit (network, clock skew).
    static constexpr int kGraceSeconds = 60;

    // ValidationFailed (/kind) for an unknown kind, NotFound (testId) for an unknown test. For a test:
    // the candidate's unfinished attempt when there is one (resumed), AttemptsExhausted when the policy's
    // attempts are used, AttemptCooldown (Retry-After) within the cooldown, else a new attempt.
    QFuture<Expected<StartedSession>> start(SessionStart request);
    // Closes every overdue unfinished attempt (the periodic sweep); returns how many.
    QFuture<Expected<int>> expireOverdue();

    // Who "the same candidate" is for attempts: the test and the identity key (browser id + normalised
    // name, or the roster entry for a roster test: see CandidateIdentity::identityKey).
    static QString candidateKey(const QString &testId, const Storage::CandidateIdentity &candidate);

private:
    Expected<StartedSession> startOn(pqxx::connection &c, const SessionStart &request);
    // Closes overdue attempts (the candidate's of one test, or all) and queues their re-assessment in
    // `tx`; returns how many.
    int closeOverdue(pqxx::work &tx, std::optional<qint64> candidateId, const QString &testId);

    Storage::DbPool &m_db;
    Storage::TestCatalog &m_tests;
    const Auth::SessionTokenSigner &m_tokens;
    Live::Announcer &m_announcer;
    int m_sessionTtlSeconds;
};

} // namespace Proctor::Collector::Services
