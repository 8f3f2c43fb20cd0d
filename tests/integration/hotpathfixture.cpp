// SPDX-License-Identifier: MIT
#include "hotpathfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QUuid>

namespace Proctor::Testing {
namespace {

// 12 questions, 10 drawn per attempt, correct answer always "a", pass at 80 %.
QJsonObject knownTest()
{
    QJsonArray questions;
    for (int i = 1; i <= 12; ++i)
        questions.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("q%1").arg(i)},
            {QStringLiteral("text"), QStringLiteral("Question %1").arg(i)},
            {QStringLiteral("options"), QJsonArray{QJsonObject{{"id", "a"}, {"text", "right"}},
                                                   QJsonObject{{"id", "b"}, {"text", "wrong"}},
                                                   QJsonObject{{"id", "c"}, {"text", "also wrong"}}}},
            {QStringLiteral("correct"), QJsonArray{"a"}}});
    return QJsonObject{{"id", "known"},
                       {"title", "Known answers"},
                       {"description", "for tests"},
                       {"locale", "en"},
                       {"passThreshold", 80},
                       {"questionsPerAttempt", HotPathFixture::kQuestionsPerAttempt},
                       {"timeLimitSeconds", 0},
                       {"questions", questions}};
}

} // namespace

HotPathFixture::HotPathFixture(const QString &name, QMap<QString, QString> extraEnv)
{
    if (CollectorProcess::binary().isEmpty()) {
        m_error = QStringLiteral("PROCTOR_COLLECTOR_BIN not set");
        return;
    }
    m_db = std::make_unique<TestDatabase>(name);
    if (!m_db->error().isEmpty()) {
        m_error = m_db->error();
        return;
    }
    const QString redis = qEnvironmentVariable("PROCTOR_TEST_REDIS_URL");
    if (redis.isEmpty()) {
        m_error = QStringLiteral("PROCTOR_TEST_REDIS_URL not set: run the tests with `make test`");
        return;
    }
    // Every test here starts its sessions from one address and, through sessionStartBody(), one device: the
    // production session-start limits would stop them after a few. A test of those limits sets its own (an
    // empty value keeps the collector's default).
    for (const char *var : {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST",
                            "PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE",
                            "PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST",
                            "PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR"})
        if (!extraEnv.contains(QLatin1String(var)))
            extraEnv.insert(QLatin1String(var), QStringLiteral("1000000"));
    extraEnv.insert(QStringLiteral("PROCTOR_DATABASE_URL"), m_db->url());
    // "@database@" in a value stands for this database's URL (a second connection to the same database).
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        it.value().replace(QLatin1String("@database@"), m_db->url());
    if (!extraEnv.contains(
            QStringLiteral("PROCTOR_REDIS_URL"))) // a test may bring its own Redis to stop and start
        extraEnv.insert(QStringLiteral("PROCTOR_REDIS_URL"), redis);
    m_collector = std::make_unique<CollectorProcess>(extraEnv);
    if (m_collector->run({QStringLiteral("migrate")}) != 0) {
        m_error = QString::fromUtf8(m_collector->lastOutput());
        return;
    }
    QFile f(m_dir.filePath(QStringLiteral("known.json")));
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(knownTest()).toJson());
    f.close();
    if (m_collector->run({QStringLiteral("import-test"), f.fileName()}) != 0) {
        m_error = QString::fromUtf8(m_collector->lastOutput());
        return;
    }
    if (m_collector->run({QStringLiteral("create-apikey"), QStringLiteral("--name"), QStringLiteral("page"),
                          QStringLiteral("--scopes"), QStringLiteral("tests:read,sessions:write")}) != 0) {
        m_error = QString::fromUtf8(m_collector->lastOutput());
        return;
    }
    m_apiKey = m_collector->lastStdout().trimmed();
    if (!m_collector->start())
        m_error = QString::fromUtf8(m_collector->log());
}

QJsonObject HotPathFixture::sessionStartBody(const QString &lastName, const QString &persistentId,
                                             const QString &kind)
{
    return QJsonObject{
        {"testId", "known"},
        {"kind", kind},
        {"locale", "ru"},
        {"candidate", QJsonObject{{"lastName", lastName},
                                  {"firstName", "Иван"},
                                  {"middleName", "Иванович"},
                                  {"position", "Консультант"}}},
        {"persistentId",
         persistentId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : persistentId},
        {"fingerprint", QJsonObject{{"privacySafeHash", QString(64, QLatin1Char('a'))},
                                    {"attributes", QJsonObject{{"userAgent", "test"},
                                                               {"platform", "Linux"},
                                                               {"hardwareConcurrency", 4},
                                                               {"webglVendor", "v"},
                                                               {"webglRenderer", "r"},
                                                               {"screen", "1920x1080x24"},
                                                               {"timezone", "Europe/Moscow"},
                                                               {"languages", QJsonArray{"ru-RU"}}}}}}};
}

StartedSession HotPathFixture::startSession(const QJsonObject &body)
{
    const HttpResult r = m_http.post(url(QStringLiteral("/api/v1/sessions")), QJsonDocument(body).toJson(),
                                     {{"X-API-Key", m_apiKey}});
    StartedSession s;
    if (r.status != 201 && r.status != 200)
        return s;
    const QJsonObject o = r.json();
    s.id = o.value("sessionId").toString();
    s.token = o.value("token").toString().toLatin1();
    s.questions = o.value("test").toObject().value("questions").toArray();
    return s;
}

HttpResult HotPathFixture::postEvents(const StartedSession &s, const QJsonArray &events)
{
    const QJsonObject body{{"sessionId", s.id}, {"events", events}};
    return m_http.post(url(QStringLiteral("/api/v1/events")), QJsonDocument(body).toJson(),
                       {{"X-Session-Token", s.token}});
}

HttpResult HotPathFixture::postResult(const StartedSession &s, const QJsonArray &answers,
                                      const QJsonObject &extra)
{
    QJsonObject body{{"answers", answers}, {"telemetry", telemetry()}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return m_http.post(url(QStringLiteral("/api/v1/sessions/%1/result").arg(s.id)),
                       QJsonDocument(body).toJson(), {{"X-Session-Token", s.token}});
}

QJsonObject HotPathFixture::event(int seq, const QString &type, const QJsonObject &details)
{
    return QJsonObject{{"eventId", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {"seq", seq},
                       {"type", type},
                       {"clientTs", "2026-11-25T10:00:01.250Z"},
                       {"details", details}};
}

QJsonArray HotPathFixture::answers(const StartedSession &s, int correctCount)
{
    QJsonArray out;
    for (qsizetype i = 0; i < s.questions.size(); ++i)
        out.append(QJsonObject{{"questionId", s.questions[i].toObject().value("id")},
                               {"optionIds", QJsonArray{i < correctCount ? "a" : "b"}}});
    return out;
}

QJsonObject HotPathFixture::telemetry()
{
    return QJsonObject{
        {"questions", QJsonArray{}},
        {"focusLossCount", 1},
        {"blurMs", 1200},
        {"mouse", QJsonArray{QJsonObject{{"questionId", "q1"},
                                         {"points", QJsonArray{QJsonArray{1, 2, 0}, QJsonArray{3, 4, 16}}}}}},
        {"keystrokes", QJsonObject{{"dwell", QJsonObject{{"KeyA", QJsonArray{80}}}},
                                   {"flight", QJsonObject{}},
                                   {"digraph", QJsonObject{}}}},
        {"viewport", QJsonObject{{"width", 1280}, {"height", 800}}}};
}

qint64 HotPathFixture::createAdmin(const QString &email, const QString &role, const QByteArray &password)
{
    if (m_collector->run({QStringLiteral("create-admin"), QStringLiteral("--email"), email,
                          QStringLiteral("--role"), role},
                         password + '\n') != 0)
        return -1;
    bool ok = false;
    const qint64 id = m_collector->lastStdout().trimmed().toLongLong(&ok);
    return ok ? id : -1;
}

QByteArray HotPathFixture::login(const QString &email, const QByteArray &password)
{
    const HttpResult r = m_http.post(
        url(QStringLiteral("/api/v1/auth/login")),
        QJsonDocument(QJsonObject{{"email", email}, {"password", QString::fromUtf8(password)}}).toJson());
    return r.status == 200 ? r.json().value("token").toString().toLatin1() : QByteArray();
}

} // namespace Proctor::Testing
