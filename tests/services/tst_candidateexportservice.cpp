// SPDX-License-Identifier: MIT
// A candidate's data export against the real PostgreSQL: every stored piece of the candidate and only theirs
// (identity, sessions, telemetry, events, certificates, rows of session-keyed tables), audited, bounded.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "servicefixture.h"
#include "services/candidateexportservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;

class TestCandidateExportService : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServiceFixture> m_fixture;

    // A candidate with `sessions` sessions, each with telemetry, 3 events and a risk factor; returns its id.
    QString seed(const QString &tag, int sessions)
    {
        return m_fixture->scalar(
            QStringLiteral(
                "WITH c AS (INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, "
                "email) "
                "  VALUES ('%1', 'p-%1', 'Last-%1', 'First', '%1@example.org') RETURNING id),"
                " s AS (INSERT INTO sessions (id, test_id, kind, candidate_id, fingerprint_hash, "
                "persistent_id, "
                "  answers) SELECT gen_random_uuid(), 'exp', 'test', c.id, 'fp-%1', 'p-%1', '{\"q1\": 2}' "
                "  FROM c, generate_series(1, %2) RETURNING id, started_at),"
                " t AS (INSERT INTO session_telemetry (session_id, focus_loss_count) SELECT id, 7 FROM s),"
                " r AS (INSERT INTO session_risk_factors (session_id, reason_key, points, observed, "
                "threshold) "
                "  SELECT id, 'focus', 1, 7, 3 FROM s),"
                " e AS (INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts) "
                "  SELECT s.id, gen_random_uuid(), s.started_at, g, 'blur', now() FROM s, generate_series(1, "
                "3) g)"
                "SELECT id FROM c")
                .arg(tag)
                .arg(sessions));
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("export"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_fixture->scalar("INSERT INTO tests (id, title, definition, questions_per_attempt, checksum) "
                          "VALUES ('exp', 'Export', '{}', 1, 'x')");
    }
    void cleanup() { m_fixture.reset(); }

    void exportsEverythingOfOneCandidateOnly()
    {
        const QString id = seed(QStringLiteral("alice"), 2);
        seed(QStringLiteral("bob"), 1); // must not appear
        m_fixture->scalar(
            QStringLiteral(
                "INSERT INTO certificates (number, verification_code, session_id, candidate_id, test_id, "
                "holder_name, score) SELECT '26/12-0001', 'VC1', id, candidate_id, 'exp', "
                "'Last-alice First', 90 FROM sessions WHERE candidate_id = %1 LIMIT 1")
                .arg(id));
        Services::CandidateExportService exports(m_fixture->pool());
        const Services::Actor admin{std::nullopt, QStringLiteral("it@example.org"), {}};
        const auto doc = ServiceFixture::wait(exports.exportCandidate(admin, id.toLongLong()));
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().message));
        QCOMPARE(doc->sessions, 2);
        QCOMPARE(doc->events, 6);
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(doc->json, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QCOMPARE(o.value("candidate").toObject().value("last_name").toString(), QStringLiteral("Last-alice"));
        QCOMPARE(o.value("candidate").toObject().value("email").toString(),
                 QStringLiteral("alice@example.org"));
        QCOMPARE(o.value("sessions").toArray().size(), 2);
        QCOMPARE(
            o.value("sessions").toArray().at(0).toObject().value("answers").toObject().value("q1").toInt(),
            2);
        QCOMPARE(o.value("telemetry").toArray().size(), 2);
        QCOMPARE(o.value("events").toArray().size(), 6);
        QCOMPARE(o.value("certificates").toArray().size(), 1);
        QCOMPARE(o.value("related").toObject().value("session_risk_factors").toArray().size(), 2);
        QVERIFY(!doc->json.contains("bob"));
        // Audited: who exported whose data, how much; not the data itself.
        QCOMPARE(
            m_fixture->scalar(QStringLiteral("SELECT actor || ' ' || target || ' ' || (details->>'events') "
                                             "FROM audit_log WHERE action = 'candidate.export'")),
            QStringLiteral("it@example.org candidate:%1 6").arg(id));
    }

    void unknownAndTooLarge()
    {
        Services::CandidateExportService exports(m_fixture->pool(), 5);
        const Services::Actor admin{std::nullopt, QStringLiteral("it@example.org"), {}};
        const auto missing = ServiceFixture::wait(exports.exportCandidate(admin, 999999));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        const QString id = seed(QStringLiteral("carol"), 2); // 6 events > 5
        const auto big = ServiceFixture::wait(exports.exportCandidate(admin, id.toLongLong()));
        QVERIFY(!big);
        QCOMPARE(big.error().code, ErrorCode::PayloadTooLarge);
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM audit_log WHERE action = 'candidate.export'"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestCandidateExportService)
#include "tst_candidateexportservice.moc"
