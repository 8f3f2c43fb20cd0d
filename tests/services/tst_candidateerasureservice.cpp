// SPDX-License-Identifier: MIT
// CandidateErasureService against the real PostgreSQL: everything of one candidate goes (sessions, events,
// telemetry, certificates), nobody else's, with an audit receipt that holds no personal data, and
// CandidateDeleted is announced with the erased session ids once the erasure has committed.
#include <QtTest>

#include "servicefixture.h"
#include "services/candidateerasureservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;

class TestCandidateErasureService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::CandidateErasureService> erasure;
    Services::Actor root;

    qint64 candidate(const QString &lastName)
    {
        return f
            ->scalar(
                QStringLiteral("INSERT INTO candidates (identity_key, persistent_id, last_name, first_name) "
                               "VALUES ('%1', 'p-%1', '%1', 'Иван') RETURNING id")
                    .arg(lastName))
            .toLongLong();
    }
    // A session started `minutesAgo`, with `events` events.
    QString session(qint64 candidateId, int minutesAgo, int events)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        f->scalar(QStringLiteral("INSERT INTO sessions (id, test_id, kind, candidate_id, fingerprint_hash, "
                                 "persistent_id, started_at) VALUES ('%1', 'known', 'test', %2, 'h', 'p', "
                                 "now() - make_interval(mins => %3))")
                      .arg(id)
                      .arg(candidateId)
                      .arg(minutesAgo));
        for (int seq = 0; seq < events; ++seq)
            f->scalar(
                QStringLiteral("INSERT INTO events (session_id, event_id, session_started_at, seq, type, "
                               "client_ts) SELECT id, gen_random_uuid(), started_at, %2, 'focus_loss', now() "
                               "FROM sessions WHERE id = '%1'")
                    .arg(id)
                    .arg(seq));
        return id;
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("candidateerasure"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        erasure = std::make_unique<Services::CandidateErasureService>(f->pool(), f->announcer());
        root = f->rootAdmin();
        f->scalar("INSERT INTO tests (id, title, definition, questions_per_attempt, checksum) "
                  "VALUES ('known', 'Known', '{}', 10, 'x')");
    }

    void everythingOfTheCandidateGoesAndIsAnnounced()
    {
        const qint64 erased = candidate(QStringLiteral("Удаляемый"));
        const QString finished = session(erased, 60, 2);
        const QString open = session(erased, 5, 3);
        f->scalar("INSERT INTO session_telemetry (session_id) VALUES ('" + finished + "')");
        f->scalar(QStringLiteral(
                      "INSERT INTO certificates (number, session_id, candidate_id, test_id, holder_name, "
                      "score, verification_code) VALUES ('26/12-0001', '%1', %2, 'known', 'Удаляемый Иван', "
                      "90, 'ABCDEFGH2345')")
                      .arg(finished)
                      .arg(erased));
        const qint64 kept = candidate(QStringLiteral("Остающийся"));
        const QString other = session(kept, 30, 1);

        const auto done = ServiceFixture::wait(erasure->erase(root, erased));
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->candidateId, erased);
        QCOMPARE(done->deleted.sessions, 2);
        QCOMPARE(done->deleted.events, 5);
        QCOMPARE(done->deleted.telemetry, 1);
        QCOMPARE(done->deleted.certificates, 1);
        QCOMPARE(done->deleted.sessionIds, (QStringList{finished, open})); // oldest first

        for (const QString &table : {"candidates WHERE id = " + QString::number(erased),
                                     "sessions WHERE candidate_id = " + QString::number(erased),
                                     "events WHERE session_id IN ('" + finished + "', '" + open + "')",
                                     "session_telemetry WHERE session_id = '" + finished + "'",
                                     "certificates WHERE candidate_id = " + QString::number(erased)})
            QVERIFY2(f->scalar("SELECT count(*) FROM " + table) == QLatin1String("0"), qPrintable(table));
        QCOMPARE(f->scalar("SELECT count(*) FROM events WHERE session_id = '" + other + "'"),
                 QStringLiteral("1"));
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM candidates WHERE id = %1").arg(kept)),
                 QStringLiteral("1"));

        QCOMPARE(
            f->scalar("SELECT id || ' ' || actor || ' ' || target || ' ' || host(client_ip) FROM audit_log "
                      "WHERE action = 'candidate.delete'"),
            QStringLiteral("%1 root@example.org candidate:%2 192.0.2.7").arg(done->auditId).arg(erased));
        const QString receipt =
            f->scalar("SELECT details::text FROM audit_log WHERE action = 'candidate.delete'");
        QCOMPARE(
            QJsonDocument::fromJson(receipt.toUtf8()).object(),
            (QJsonObject{{"deleted",
                          QJsonObject{{"sessions", 2}, {"events", 5}, {"telemetry", 1}, {"certificates", 1}}},
                         {"sessionIds", QJsonArray{finished, open}}}));
        QVERIFY(!receipt.contains(QStringLiteral("Удаляемый")));

        QCOMPARE(f->announcer().messages().size(), 1);
        const auto *message = std::get_if<Contract::CandidateDeleted>(&f->announcer().messages().first());
        QVERIFY(message);
        QCOMPARE(message->candidateId, erased);
        QCOMPARE(message->sessionIds, (QStringList{finished, open}));
    }

    void anUnknownCandidateIsNotFoundAndNothingIsAnnounced()
    {
        f->announcer().clear();
        const QString audit = f->scalar("SELECT count(*) FROM audit_log");
        const auto done = ServiceFixture::wait(erasure->erase(root, 424242));
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::NotFound);
        QCOMPARE(done.error().field, QStringLiteral("id"));
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log"), audit);
        QVERIFY(f->announcer().messages().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCandidateErasureService)
#include "tst_candidateerasureservice.moc"
