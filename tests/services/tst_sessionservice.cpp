// SPDX-License-Identifier: MIT
// Services::SessionService against the real PostgreSQL, without HTTP: what starting a session draws, stores,
// signs and announces.
#include <QJsonDocument>
#include <QSet>
#include <QtTest>

#include "auth/sessiontoken.h"
#include "http/json/sessionjson.h"
#include "pagetestdata.h"
#include "servicefixture.h"
#include "services/sessionservice.h"
#include "services/testservice.h"
#include "storage/testcatalog.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;
namespace PageData = Testing::PageData;

class TestSessionService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_session"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_catalog = std::make_unique<Storage::TestCatalog>(m_fixture->pool());
        m_service = std::make_unique<Services::SessionService>(m_fixture->pool(), *m_catalog, m_tokens,
                                                               m_fixture->announcer(), kTtlSeconds);
        Services::TestService tests(m_fixture->pool(), *m_catalog);
        QVERIFY(ServiceFixture::wait(tests.importDefinition(PageData::bytes(PageData::knownTest()))));
    }
    void init() { m_fixture->announcer().clear(); }

    void startDrawsDistinctQuestionsWithoutTheKey()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto started = ServiceFixture::wait(m_service->start(PageData::sessionStart()));
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        QCOMPARE(started->kind, QStringLiteral("test"));
        QCOMPARE(started->questions.size(), PageData::kPerAttempt);
        QSet<QString> ids;
        QStringList drawn;
        for (const auto &q : started->questions) {
            QVERIFY2(started->test->findQuestion(q.id), qPrintable(q.id));
            ids.insert(q.id);
            drawn.append(q.id);
        }
        QCOMPARE(ids.size(), PageData::kPerAttempt); // distinct

        // The attempt is stored in the order drawn: the result is scored against exactly these.
        const QString sid = started->id.toString(QUuid::WithoutBraces);
        QCOMPARE(m_fixture->scalar(
                     QStringLiteral("SELECT array_to_string(question_ids, ',') FROM sessions WHERE id = '%1'")
                         .arg(sid)),
                 drawn.join(QLatin1Char(',')));
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT status || ' ' || kind || ' ' || test_id || ' ' || "
                                                  "host(client_ip) FROM sessions WHERE id = '%1'")
                                       .arg(sid)),
                 QStringLiteral("in_progress test known 192.0.2.10"));
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT c.last_name FROM sessions s JOIN candidates c ON "
                                                  "c.id = s.candidate_id WHERE s.id = '%1'")
                                       .arg(sid)),
                 QStringLiteral("Иванов"));

        // The token is the session's own, signed by the signer the service was given.
        const auto claims = m_tokens.verify(started->token, QDateTime::currentSecsSinceEpoch());
        QVERIFY(claims);
        QCOMPARE(claims->sessionId, started->id);
        QCOMPARE(claims->apiKeyId, qint64(7));
        QCOMPARE(claims->startedAtMs, started->startedAt.toMSecsSinceEpoch());
        QVERIFY(claims->startedAtMs >= before);
        QCOMPARE(claims->expiresAtSec, claims->startedAtMs / 1000 + kTtlSeconds);

        // What leaves for the page has neither the key nor the explanations.
        const QByteArray wire = QJsonDocument(Http::Json::toJson(*started)).toJson(QJsonDocument::Compact);
        QVERIFY2(!wire.contains("\"correct\""), wire.constData());
        QVERIFY2(!wire.contains("explanation"), wire.constData());
        QVERIFY(!wire.contains("\"study\""));
        QCOMPARE(Http::Json::toJson(*started).value("test").toObject().value("questions").toArray().size(),
                 PageData::kPerAttempt);

        const auto messages = m_fixture->announcer().messages();
        QCOMPARE(messages.size(), 1);
        const auto *announced = std::get_if<Contract::SessionStarted>(&messages.first());
        QVERIFY(announced);
        QCOMPARE(announced->sessionId, started->id);
        QCOMPARE(announced->kind, QStringLiteral("test"));
        QCOMPARE(announced->testId, QStringLiteral("known"));
    }

    void studySessionHasNoQuestions()
    {
        const auto started =
            ServiceFixture::wait(m_service->start(PageData::sessionStart(QStringLiteral("study"))));
        QVERIFY(started);
        QCOMPARE(started->kind, QStringLiteral("study"));
        QVERIFY(started->questions.isEmpty());
        QCOMPARE(
            m_fixture->scalar(QStringLiteral("SELECT cardinality(question_ids) || ' ' || kind FROM sessions "
                                             "WHERE id = '%1'")
                                  .arg(started->id.toString(QUuid::WithoutBraces))),
            QStringLiteral("0 study"));
        const QJsonObject wire = Http::Json::toJson(*started);
        QVERIFY(wire.value("test").toObject().value("questions").toArray().isEmpty());
        QCOMPARE(wire.value("study").toObject().value("modules").toArray().size(), 1);

        const auto messages = m_fixture->announcer().messages();
        QCOMPARE(messages.size(), 1);
        const auto *announced = std::get_if<Contract::SessionStarted>(&messages.first());
        QVERIFY(announced);
        QCOMPARE(announced->kind, QStringLiteral("study"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("testId");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown test") << "nosuch"
                                      << "test" << int(ErrorCode::NotFound) << "testId";
        QTest::newRow("unknown kind") << "known"
                                      << "exam" << int(ErrorCode::ValidationFailed) << "/kind";
    }
    void refusals()
    {
        QFETCH(QString, testId);
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, field);
        const QString before = m_fixture->scalar(QStringLiteral("SELECT count(*) FROM sessions"));
        const auto started = ServiceFixture::wait(m_service->start(PageData::sessionStart(kind, testId)));
        QVERIFY(!started);
        QCOMPARE(int(started.error().code), code);
        QCOMPARE(started.error().field, field);
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT count(*) FROM sessions")), before);
        QVERIFY(m_fixture->announcer().messages().isEmpty());
    }

private:
    static constexpr int kTtlSeconds = 3600;
    const Auth::SessionTokenSigner m_tokens{QByteArray("service-test-secret-of-enough-length")};
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<Storage::TestCatalog> m_catalog;
    std::unique_ptr<Services::SessionService> m_service;
};

QTEST_GUILESS_MAIN(TestSessionService)
#include "tst_sessionservice.moc"
