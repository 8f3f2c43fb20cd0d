// SPDX-License-Identifier: MIT
// Opening a candidate's session: draw the attempt's questions, store the candidate and the session, sign the
// session's own token, announce SessionStarted. The answer key stays here: what leaves is chosen by
// http/json/sessionjson.
#pragma once

#include <QDateTime>
#include <QFuture>
#include <QHostAddress>
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
    Storage::CandidateIdentity candidate; // who the session is for (a roster test: the roster's person)
};

class SessionService
{
public:
    SessionService(Storage::DbPool &db, Storage::TestCatalog &tests, const Auth::SessionTokenSigner &tokens,
                   Live::Announcer &announcer, int sessionTtlSeconds);

    // ValidationFailed (/kind) for an unknown kind, NotFound (testId) for an unknown test.
    QFuture<Expected<StartedSession>> start(SessionStart request);

private:
    Expected<StartedSession> startOn(pqxx::connection &c, const SessionStart &request);

    Storage::DbPool &m_db;
    Storage::TestCatalog &m_tests;
    const Auth::SessionTokenSigner &m_tokens;
    Live::Announcer &m_announcer;
    int m_sessionTtlSeconds;
};

} // namespace Proctor::Collector::Services
