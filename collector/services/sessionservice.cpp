// SPDX-License-Identifier: MIT
#include "services/sessionservice.h"

#include <QRandomGenerator>

#include "auth/sessiontoken.h"
#include "live/announcer.h"
#include "services/assessmentservice.h"
#include "services/positionservice.h"
#include "services/rosterservice.h"
#include "storage/assessmentrepository.h"
#include "storage/attemptrepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

// An open test's candidate types their identity; the schema checks its fields when it is present. The
// position must be one the administrator lists (or free text where the deployment allows it).
Expected<Storage::CandidateIdentity> typedCandidate(pqxx::transaction_base &tx, Storage::CandidateIdentity c)
{
    if (c.lastName.trimmed().isEmpty() || c.firstName.trimmed().isEmpty() || c.position.trimmed().isEmpty())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("candidate is required for this test"),
                         QStringLiteral("/candidate"));
    auto position = PositionService::candidatePosition(tx, c.position);
    if (!position)
        return tl::unexpected(position.error());
    c.position = *position;
    return c;
}

} // namespace

SessionService::SessionService(Storage::DbPool &db, Storage::TestCatalog &tests,
                               const Auth::SessionTokenSigner &tokens, Live::Announcer &announcer,
                               int sessionTtlSeconds)
    : m_db(db), m_tests(tests), m_tokens(tokens), m_announcer(announcer),
      m_sessionTtlSeconds(sessionTtlSeconds)
{
}

QFuture<Expected<StartedSession>> SessionService::start(SessionStart request)
{
    return m_db.run<StartedSession>(
        [this, request = std::move(request)](pqxx::connection &c) { return startOn(c, request); });
}

QString SessionService::candidateKey(const QString &testId, const Storage::CandidateIdentity &candidate)
{
    return testId + QLatin1Char('|') + candidate.identityKey();
}

QFuture<Expected<int>> SessionService::expireOverdue()
{
    return m_db.run<int>([this](pqxx::connection &c) -> Expected<int> {
        pqxx::work tx(c);
        const int closed = closeOverdue(tx, std::nullopt, QString());
        tx.commit();
        return closed;
    });
}

int SessionService::closeOverdue(pqxx::work &tx, std::optional<qint64> candidateId, const QString &testId)
{
    const std::vector<QUuid> closed = Storage::AttemptRepository::expireOverdue(
        tx, candidateId, testId, kGraceSeconds, m_sessionTtlSeconds);
    // A closed attempt is judged as one (its duration, the burst of short attempts it joins), as a stored
    // result is: re-assess it soon, off this path.
    Storage::AssessmentRepository::enqueue(
        tx, closed, std::vector<double>(closed.size(), AssessmentService::kRelatedDelaySeconds));
    return int(closed.size());
}

Expected<StartedSession> SessionService::startOn(pqxx::connection &c, const SessionStart &request)
{
    if (request.kind != QLatin1String("test") && request.kind != QLatin1String("study"))
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("kind must be \"test\" or \"study\""),
                         QStringLiteral("/kind"));
    auto test = m_tests.get(c, request.testId);
    if (!test)
        return tl::unexpected(test.error());

    pqxx::work tx(c);
    // Who takes the test: a roster test's person comes from the access code (typed names are ignored).
    auto candidate = (*test)->requiresRoster()
                         ? RosterService::resolveCode(tx, request.testId, request.accessCode,
                                                      request.candidate.persistentId)
                         : typedCandidate(tx, request.candidate);
    if (!candidate)
        return tl::unexpected(candidate.error());

    Storage::NewSession row;
    row.id = QUuid::createUuid();
    row.testId = request.testId;
    row.kind = request.kind;
    row.locale = request.locale;
    row.candidate = *candidate;
    row.fingerprintHash = request.fingerprintHash;
    row.fingerprint = request.fingerprint;
    row.clientIp = request.clientAddress;
    row.userAgent = request.userAgent;
    row.apiKeyId = request.apiKeyId; // the burst risk factor groups attempts by it
    // Millisecond precision: this value is also the events' partition key carried in the token.
    row.startedAtMs = QDateTime::currentMSecsSinceEpoch();

    StartedSession out;
    out.test = *test;
    // Study sessions are not scored: they draw nothing.
    if (request.kind == QLatin1String("test")) {
        const Contract::TestDefinition &t = **test;
        out.questions = t.drawQuestions(t.questionsPerAttempt(), QRandomGenerator::system()->generate64());
        for (const auto &q : std::as_const(out.questions))
            row.questionIds.append(q.id);
    }

    if (request.kind == QLatin1String("test")) {
        // One start per candidate at a time, on every instance: the checks below and the insert are atomic.
        namespace Attempts = Storage::AttemptRepository;
        Attempts::lock(tx, candidateKey(request.testId, row.candidate));
        const Contract::AttemptPolicy &policy = (*test)->attemptPolicy();
        if (const auto candidate = Attempts::candidateId(tx, row.candidate.identityKey())) {
            closeOverdue(tx, *candidate, request.testId);
            const auto history =
                Attempts::history(tx, *candidate, request.testId, kGraceSeconds, m_sessionTtlSeconds);
            out.attemptsUsed = history.used;
            out.attemptsLeft = qMax(0, policy.maxAttempts - history.used - 1);
            if (history.open) {
                out.resumed = true;
                out.answers = Attempts::answersSoFar(tx, history.open->id);
                tx.commit();
                row.id = history.open->id;
                row.startedAtMs = history.open->startedAtMs;
                out.questions.clear();
                for (const auto &id : history.open->questionIds)
                    if (const auto *q = (*test)->findQuestion(id))
                        out.questions.append(*q);
            } else if (history.used >= policy.maxAttempts) {
                out.refusal = StartedSession::Refusal::AttemptsExhausted;
                out.attemptsLeft = 0;
                tx.commit(); // keeps the attempts expireOverdue() just closed
                return out;
            } else if (policy.minSecondsBetweenAttempts > 0 && history.lastEndedAt.isValid()) {
                const QDateTime next = history.lastEndedAt.addSecs(policy.minSecondsBetweenAttempts);
                if (next > QDateTime::currentDateTimeUtc()) {
                    out.refusal = StartedSession::Refusal::Cooldown;
                    out.nextAttemptAt = next;
                    out.attemptsLeft = policy.maxAttempts - history.used;
                    tx.commit();
                    return out;
                }
            }
        } else {
            out.attemptsLeft = policy.maxAttempts - 1;
        }
    }
    if (!out.resumed) {
        Storage::SessionRepository::create(tx, row);
        tx.commit();
    }

    Auth::SessionClaims claims;
    claims.sessionId = row.id;
    claims.startedAtMs = row.startedAtMs;
    // A resumed attempt gets a token of its own (a fresh expiry); the attempt's deadline stays the server's.
    claims.expiresAtSec =
        (out.resumed ? QDateTime::currentSecsSinceEpoch() : row.startedAtMs / 1000) + m_sessionTtlSeconds;
    claims.apiKeyId = request.apiKeyId;
    out.id = row.id;
    out.candidate = row.candidate;
    out.kind = row.kind;
    out.token = m_tokens.issue(claims);
    out.startedAt = QDateTime::fromMSecsSinceEpoch(row.startedAtMs, Qt::UTC);
    out.expiresAt = QDateTime::fromSecsSinceEpoch(claims.expiresAtSec, Qt::UTC);

    if (!out.resumed)
        m_announcer.announce(Contract::SessionStarted{row.id, row.kind, row.testId});
    return out;
}

} // namespace Proctor::Collector::Services
