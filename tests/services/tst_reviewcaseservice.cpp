// SPDX-License-Identifier: MIT
// Services::ReviewCaseService against the real PostgreSQL, without HTTP: a decision updates
// sessions.review_state and the history in one transaction, is audited and announced; confirming a violation
// revokes the certificate in the same call (and nothing is kept when that fails); the per-factor precision
// counts the current decisions of flagged sessions. Also the decision body's parser.
#include <QJsonDocument>
#include <QtTest>

#include "http/json/reviewcasejson.h"
#include "reviewseed.h"
#include "servicefixture.h"
#include "services/reviewcaseservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Services::ReviewState;
using Testing::ReviewSeed;
using Testing::ServiceFixture;

class TestReviewCaseService : public QObject
{
    Q_OBJECT

    Services::Actor actor(const QString &email, Auth::AdminRole role)
    {
        const qint64 id =
            m_fixture
                ->scalar(QStringLiteral("INSERT INTO admins (email, password_hash, role) VALUES "
                                        "('%1', 'x', '%2') ON CONFLICT (email) DO UPDATE SET "
                                        "role = excluded.role RETURNING id")
                             .arg(email, Auth::adminRoleName(role)))
                .toLongLong();
        return Services::Actor::fromAdmin(Auth::AdminIdentity{id, email, email, role, {}},
                                          QHostAddress(QStringLiteral("192.0.2.1")));
    }

    QUuid finishedSession()
    {
        ReviewSeed::Session s;
        s.candidateId = m_seed->candidate(QStringLiteral("Петров"));
        s.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        s.finishedAt = s.startedAt.addSecs(600);
        return m_seed->session(s);
    }

    QString sql(const QString &statement, const QUuid &session)
    {
        return m_fixture->scalar(statement.arg(session.toString(QUuid::WithoutBraces)));
    }

    QList<Contract::ReviewDecided> decided()
    {
        QList<Contract::ReviewDecided> out;
        for (const auto &m : m_fixture->announcer().messages())
            if (const auto *d = std::get_if<Contract::ReviewDecided>(&m))
                out.append(*d);
        return out;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_reviewcase"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_seed = std::make_unique<ReviewSeed>(m_fixture->database().url());
        m_seed->test(QStringLiteral("known"), QStringLiteral("Основы ИБ"));
        m_service = std::make_unique<Services::ReviewCaseService>(m_fixture->pool(), m_fixture->announcer());
    }
    void init() { m_fixture->announcer().clear(); }

    void decisionIsStoredAuditedAndAnnounced()
    {
        const QUuid session = finishedSession();
        const auto proctor = actor(QStringLiteral("proctor@example.org"), Auth::AdminRole::Proctor);
        const auto first = ServiceFixture::wait(m_service->decide(
            proctor, session, {ReviewState::Violation, QStringLiteral("  копирует с телефона "), false}));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->state, ReviewState::Violation);
        QCOMPARE(first->history.size(), 1);
        QCOMPARE(first->history[0].comment, QStringLiteral("копирует с телефона"));
        QCOMPARE(first->history[0].reviewer, QStringLiteral("proctor@example.org"));
        QCOMPARE(first->history[0].reviewerId, proctor.admin->id);
        QVERIFY(qAbs(first->history[0].decidedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(sql(QStringLiteral("SELECT review_state FROM sessions WHERE id = '%1'"), session),
                 QStringLiteral("2"));
        QCOMPARE(sql(QStringLiteral(
                         "SELECT (details->>'state') || '/' || (details->>'previousState') || '/' || actor "
                         "FROM audit_log WHERE action = 'review.decide' AND target = 'session:%1'"),
                     session),
                 QStringLiteral("violation/unreviewed/proctor@example.org"));
        QCOMPARE(decided().size(), 1);
        QCOMPARE(decided()[0].sessionId, session);
        QCOMPARE(decided()[0].state, QStringLiteral("violation"));
        QCOMPARE(decided()[0].previousState, QStringLiteral("unreviewed"));

        // A second decision: the newest comes first, the state follows it, the announcement names the old
        // one.
        m_fixture->announcer().clear();
        const auto second =
            ServiceFixture::wait(m_service->decide(proctor, session, {ReviewState::Cleared, {}, false}));
        QVERIFY(second);
        QCOMPARE(second->state, ReviewState::Cleared);
        QCOMPARE(second->history.size(), 2);
        QCOMPARE(second->history[0].state, int(ReviewState::Cleared));
        QCOMPARE(second->history[1].state, int(ReviewState::Violation));
        QCOMPARE(decided()[0].previousState, QStringLiteral("violation"));
        const auto read = ServiceFixture::wait(m_service->reviewCase(session));
        QVERIFY(read);
        QCOMPARE(read->history.size(), 2);
        QCOMPARE(read->sessionStatus, QStringLiteral("completed"));
        QVERIFY(read->certificateNumber.isEmpty());
    }

    void violationRevokesTheCertificateInTheSameCall()
    {
        const QUuid session = finishedSession();
        const QString number = m_seed->certificate(session, QStringLiteral("26/11-0101"));
        const auto admin = actor(QStringLiteral("boss@example.org"), Auth::AdminRole::Admin);
        const auto done = ServiceFixture::wait(
            m_service->decide(admin, session, {ReviewState::Violation, QStringLiteral("подлог"), true}));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->certificateNumber, number);
        QVERIFY(done->certificateRevoked);
        QCOMPARE(done->history[0].revokedCertificate, number);
        QCOMPARE(
            m_fixture->scalar(QStringLiteral("SELECT revoked_reason || '/' || revoked_by FROM certificates "
                                             "WHERE number = '%1'")
                                  .arg(number)),
            QStringLiteral("подлог/%1").arg(admin.admin->id));
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                  "'certificate.revoke' AND target = 'certificate:%1'")
                                       .arg(number)),
                 QStringLiteral("1"));
        const auto messages = m_fixture->announcer().messages();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(std::get<Contract::CertificateRevoked>(messages[0]).number, number);
        QCOMPARE(std::get<Contract::ReviewDecided>(messages[1]).state, QStringLiteral("violation"));

        // Asking again fails as a whole: the certificate is already revoked, so no second decision is kept.
        m_fixture->announcer().clear();
        const auto again = ServiceFixture::wait(
            m_service->decide(admin, session, {ReviewState::Violation, QStringLiteral("ещё раз"), true}));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(again.error().field, QStringLiteral("/revokeCertificate"));
        QCOMPARE(
            sql(QStringLiteral("SELECT count(*) FROM review_decisions WHERE session_id = '%1'"), session),
            QStringLiteral("1"));
        QVERIFY(m_fixture->announcer().messages().isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<bool>("revoke");
        QTest::addColumn<bool>("asAdmin");
        QTest::addColumn<bool>("knownSession");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("comment too long")
            << int(ReviewState::Cleared) << QString(2001, QLatin1Char('x')) << false << true << true
            << int(ErrorCode::ValidationFailed) << "/comment";
        QTest::newRow("revoke when clearing")
            << int(ReviewState::Cleared) << QString() << true << true << true
            << int(ErrorCode::ValidationFailed) << "/revokeCertificate";
        QTest::newRow("proctor revokes") << int(ReviewState::Violation) << QString() << true << false << true
                                         << int(ErrorCode::ForbiddenRole) << "/revokeCertificate";
        QTest::newRow("no certificate to revoke") << int(ReviewState::Violation) << QString() << true << true
                                                  << true << int(ErrorCode::Conflict) << "/revokeCertificate";
        QTest::newRow("unknown session") << int(ReviewState::Cleared) << QString() << false << true << false
                                         << int(ErrorCode::NotFound) << "id";
    }
    void refusals()
    {
        QFETCH(int, state);
        QFETCH(QString, comment);
        QFETCH(bool, revoke);
        QFETCH(bool, asAdmin);
        QFETCH(bool, knownSession);
        QFETCH(int, code);
        QFETCH(QString, field);
        const QUuid session = knownSession ? finishedSession() : QUuid::createUuid();
        const auto who = asAdmin ? actor(QStringLiteral("boss@example.org"), Auth::AdminRole::Admin)
                                 : actor(QStringLiteral("proctor@example.org"), Auth::AdminRole::Proctor);
        const auto refused =
            ServiceFixture::wait(m_service->decide(who, session, {ReviewState(state), comment, revoke}));
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code), code);
        QCOMPARE(refused.error().field, field);
        QVERIFY(m_fixture->announcer().messages().isEmpty());
        if (knownSession)
            QCOMPARE(sql(QStringLiteral("SELECT review_state FROM sessions WHERE id = '%1'"), session),
                     QStringLiteral("0"));
    }

    void precisionCountsCurrentDecisionsPerFactor()
    {
        ServiceFixture own(QStringLiteral("svc_reviewcase_precision"));
        QVERIFY2(own.ok(), qPrintable(own.error()));
        ReviewSeed seed(own.database().url());
        seed.test(QStringLiteral("known"), QStringLiteral("T"));
        Services::ReviewCaseService service(own.pool(), own.announcer());
        const auto cli = Services::Actor::commandLine();
        // tab_switching fired in 4 sessions: 2 confirmed, 1 cleared, 1 open; same_device in 1 cleared one;
        // a factor with 0 points and a session started 40 days ago do not count.
        const ReviewState states[] = {ReviewState::Violation, ReviewState::Violation, ReviewState::Cleared,
                                      ReviewState::SecondLook};
        QList<QUuid> sessions;
        for (int i = 0; i < 5; ++i) {
            ReviewSeed::Session s;
            s.candidateId = seed.candidate(QStringLiteral("C%1").arg(i));
            s.startedAt = QDateTime::currentDateTimeUtc().addDays(i == 4 ? -40 : -1);
            s.finishedAt = s.startedAt.addSecs(600);
            sessions.append(seed.session(s));
        }
        const auto factor = [&own](const QUuid &s, const char *reason, double points) {
            own.scalar(
                QStringLiteral("INSERT INTO session_risk_factors (session_id, reason_key, points, observed, "
                               "threshold) VALUES ('%1', '%2', %3, 1, 1) RETURNING 1")
                    .arg(s.toString(QUuid::WithoutBraces), QLatin1String(reason))
                    .arg(points));
        };
        for (int i = 0; i < 4; ++i) {
            factor(sessions[i], "tab_switching", 10);
            QVERIFY(ServiceFixture::wait(service.decide(cli, sessions[i], {states[i], {}, false})));
        }
        factor(sessions[2], "same_device", 20);
        factor(sessions[0], "informational", 0);
        factor(sessions[4], "tab_switching", 10);
        QVERIFY(ServiceFixture::wait(service.decide(cli, sessions[4], {ReviewState::Violation, {}, false})));

        const auto p = ServiceFixture::wait(service.precision(30));
        QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
        QCOMPARE(p->days, 30);
        QCOMPARE(p->factors.size(), 2);
        QCOMPARE(p->factors[0].reason, QStringLiteral("same_device"));
        QCOMPARE(p->factors[0].flagged, 1);
        QCOMPARE(p->factors[0].decided, 1);
        QCOMPARE(p->factors[0].confirmed, 0);
        QCOMPARE(p->factors[0].precision(), std::optional<double>(0.0));
        QCOMPARE(p->factors[1].reason, QStringLiteral("tab_switching"));
        QCOMPARE(p->factors[1].flagged, 4);
        QCOMPARE(p->factors[1].decided, 3);
        QCOMPARE(p->factors[1].confirmed, 2);
        const QJsonObject wire = Http::Json::toJson(*p);
        QCOMPARE(wire.value("factors").toArray().at(1).toObject().value("precision").toDouble(), 2.0 / 3.0);
        // 60 days reach the old session too.
        QCOMPARE(ServiceFixture::wait(service.precision(60))->factors[1].flagged, 5);
        QCOMPARE(ServiceFixture::wait(service.precision(0)).error().field, QStringLiteral("days"));
        QCOMPARE(ServiceFixture::wait(service.precision(3651)).error().code, ErrorCode::BadParameter);
    }

    void parseDecision_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::newRow("state only") << QByteArray(R"({"state":"second_look"})") << QString();
        QTest::newRow("everything") << QByteArray(
                                           R"({"state":"violation","comment":"x","revokeCertificate":true})")
                                    << QString();
        QTest::newRow("null comment") << QByteArray(R"({"state":"cleared","comment":null})") << QString();
        QTest::newRow("no state") << QByteArray(R"({"comment":"x"})") << "/state";
        QTest::newRow("unknown state") << QByteArray(R"({"state":"guilty"})") << "/state";
        QTest::newRow("state as number") << QByteArray(R"({"state":2})") << "/state";
        QTest::newRow("comment as number") << QByteArray(R"({"state":"cleared","comment":5})") << "/comment";
        QTest::newRow("revoke as string")
            << QByteArray(R"({"state":"violation","revokeCertificate":"yes"})") << "/revokeCertificate";
        QTest::newRow("unknown field") << QByteArray(R"({"state":"cleared","reviewer":"me"})") << "/reviewer";
    }
    void parseDecision()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto parsed = Http::Json::parseReviewDecision(QJsonDocument::fromJson(body).object());
        if (field.isEmpty()) {
            QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(parsed.error().field, field);
        }
    }

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<ReviewSeed> m_seed;
    std::unique_ptr<Services::ReviewCaseService> m_service;
};

QTEST_GUILESS_MAIN(TestReviewCaseService)
#include "tst_reviewcaseservice.moc"
