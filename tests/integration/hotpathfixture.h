// SPDX-License-Identifier: MIT
// A migrated database with a small test of known answers, a page API key and a running collector:
// what the hot-path tests start from.
#pragma once

#include <memory>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include "collectorprocess.h"
#include "httpclient.h"
#include "testdatabase.h"

namespace Proctor::Testing {

struct StartedSession
{
    QString id;
    QByteArray token;
    QJsonArray questions;
};

class HotPathFixture
{
public:
    // `extraEnv` tunes the collector (limits); "@database@" in a value is replaced by the test database's
    // URL. Check error() after construction.
    explicit HotPathFixture(const QString &name, QMap<QString, QString> extraEnv = {});

    QString error() const { return m_error; }
    CollectorProcess &collector() { return *m_collector; }
    TestDatabase &db() { return *m_db; }
    HttpClient &http() { return m_http; }
    QByteArray apiKey() const { return m_apiKey; }
    QString url(const QString &path) const { return m_collector->baseUrl() + path; }

    static QJsonObject
    sessionStartBody(const QString &lastName = QStringLiteral("Иванов"),
                     const QString &persistentId = {}, // empty: a fresh browser, so a new candidate
                     const QString &kind = QStringLiteral("test"));
    // 201 (a new attempt) or 200 (the candidate's unfinished attempt, resumed); empty id otherwise.
    StartedSession startSession(const QJsonObject &body = sessionStartBody());
    HttpResult postEvents(const StartedSession &s, const QJsonArray &events);
    HttpResult postResult(const StartedSession &s, const QJsonArray &answers, const QJsonObject &extra = {});

    // One valid event with a fresh id.
    static QJsonObject event(int seq, const QString &type = QStringLiteral("focus_loss"),
                             const QJsonObject &details = {});
    // Answers: `correctCount` of the session's questions right, the rest wrong (the test key is "a").
    static QJsonArray answers(const StartedSession &s, int correctCount);
    static QJsonObject telemetry();

    // An admin made through `create-admin` with the password on stdin: its id, or -1 (see
    // collector().lastOutput()).
    qint64 createAdmin(const QString &email, const QString &role, const QByteArray &password);
    // POST /api/v1/auth/login: the bearer token, empty on failure.
    QByteArray login(const QString &email, const QByteArray &password);
    static HttpClient::Headers bearer(const QByteArray &token)
    {
        return {{"Authorization", "Bearer " + token}};
    }

    static constexpr int kQuestionsPerAttempt = 10;

private:
    QString m_error;
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CollectorProcess> m_collector;
    HttpClient m_http;
    QByteArray m_apiKey;
};

} // namespace Proctor::Testing
