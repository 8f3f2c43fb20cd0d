// SPDX-License-Identifier: MIT
#include "services/sessionservice.h"

#include <QRandomGenerator>

#include "auth/sessiontoken.h"
#include "live/announcer.h"
#include "services/rosterservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

// An open test's candidate types their identity; the schema checks its fields when it is present.
Expected<Storage::CandidateIdentity> typedCandidate(const Storage::CandidateIdentity &c)
{
    if (c.lastName.trimmed().isEmpty() || c.firstName.trimmed().isEmpty() || c.position.trimmed().isEmpty())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("candidate is required for this test"),
                         QStringLiteral("/candidate"));
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
                         : typedCandidate(request.candidate);
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

    Storage::SessionRepository::create(tx, row);
    tx.commit();

    Auth::SessionClaims claims;
    claims.sessionId = row.id;
    claims.startedAtMs = row.startedAtMs;
    claims.expiresAtSec = row.startedAtMs / 1000 + m_sessionTtlSeconds;
    claims.apiKeyId = request.apiKeyId;
    out.id = row.id;
    out.candidate = row.candidate;
    out.kind = row.kind;
    out.token = m_tokens.issue(claims);
    out.startedAt = QDateTime::fromMSecsSinceEpoch(row.startedAtMs, Qt::UTC);
    out.expiresAt = QDateTime::fromSecsSinceEpoch(claims.expiresAtSec, Qt::UTC);

    m_announcer.announce(Contract::SessionStarted{row.id, row.kind, row.testId});
    return out;
}

} // namespace Proctor::Collector::Services
