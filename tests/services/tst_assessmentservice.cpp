// SPDX-License-Identifier: MIT
// The stored risk assessment against the real PostgreSQL: sessions on which the SQL-era list definitions and
// the C++ rules disagreed (blur without durationMs and a trailing focus loss, "after finish" by seq versus
// the event's own time, a cross-session match) get one stored assessment equal to assessRisk's; a rise to
// high is announced once; related sessions are queued; the maintainer re-assesses appended events within
// seconds while the writer acknowledges at once; risk settings are validated, audited and re-assess; the
// reassess command resumes after being killed.
#include <cmath>
#include <future>

#include <QProcess>
#include <QtTest>

#include "collectorprocess.h"
#include "observability/metrics.h"
#include "reviewseed.h"
#include "servicefixture.h"
#include "services/assessmentmaintainer.h"
#include "services/assessmentservice.h"
#include "services/sessionriskassessor.h"
#include "storage/assessmentrepository.h"
#include "storage/eventwriter.h"

using namespace Proctor;
using namespace Proctor::Testing;
using namespace Proctor::Collector;
using namespace Proctor::Collector::Services;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonArray mouse()
{
    QJsonArray segments;
    for (int q = 1; q <= 4; ++q) {
        QJsonArray points;
        for (int i = 0; i < 120; ++i)
            points.append(QJsonArray{100 + i * 5, 300 + 80 * std::sin(i / 10.0 + q), i * 16.0});
        segments.append(QJsonObject{{"questionId", QStringLiteral("q%1").arg(q)}, {"points", points}});
    }
    return segments;
}

QJsonArray keystrokes(int seed)
{
    QJsonArray keys;
    double t = 0;
    const char *codes[] = {"KeyI", "KeyV", "KeyA", "KeyN", "KeyO", "KeyF", "KeyP", "KeyE", "KeyT", "KeyR"};
    for (int i = 0; i < 200; ++i) {
        const double jitter = ((i * 7919 + seed * 104729) % 13) - 6;
        keys.append(QJsonObject{{"code", codes[i % 10]}, {"downMs", t}, {"upMs", t + 80 + jitter}});
        t += 190 + 3 * jitter;
    }
    return keys;
}

} // namespace

class TestAssessmentService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<ReviewSeed> seed;
    std::unique_ptr<AssessmentService> service;
    std::unique_ptr<pqxx::connection> conn;
    qint64 m_candidate = 0;

    QUuid session(qint64 candidate = 0, QChar device = 'a')
    {
        ReviewSeed::Session s;
        s.candidateId = candidate ? candidate : m_candidate;
        s.fingerprint = QString(64, device);
        s.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        s.startedAt = s.finishedAt.addSecs(-600);
        return seed->session(s);
    }

    // An event with its own sequence number and client time (seconds after the session start).
    QString event(const QUuid &session, int seq, double atSeconds, const QString &type,
                  const QJsonObject &details = {})
    {
        const QUuid id = QUuid::createUuid();
        seed->exec(
            "INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts, details) "
            "SELECT s.id, $2, s.started_at, $3, $4, s.started_at + make_interval(secs => $5), $6::jsonb "
            "FROM sessions s WHERE s.id = $1",
            ReviewSeed::uuid(session), ReviewSeed::uuid(id), seq, type.toStdString(), atSeconds,
            QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
        return idText(id);
    }

    StoredAssessment stored(const QUuid &id)
    {
        const auto s = Storage::AssessmentRepository::stored(*conn, id);
        return s ? *s : StoredAssessment{};
    }

    // The stored assessment is exactly the C++ one (score, level, factors, time away, violations).
    void verifyStoredEqualsCpp(const QUuid &id)
    {
        const RiskRules rules = RiskRules::load(*conn);
        const auto cpp = SessionRiskAssessor::assess(*conn, id, rules.config);
        QVERIFY(cpp);
        const StoredAssessment s = stored(id);
        QVERIFY(s.assessedAt.isValid());
        QCOMPARE(s.rulesVersion, rules.version());
        QCOMPARE(s.score, int(std::lround(cpp->score)));
        QCOMPARE(s.level, int(cpp->level));
        QCOMPARE(s.awayMs, qint64(std::llround(cpp->totalBlurMs)));
        QCOMPARE(s.factors.size(), qsizetype(cpp->factors.size()));
        qint64 violations = 0;
        for (const auto &[type, count] : cpp->violations) {
            QCOMPARE(s.violations.value(QString::fromStdString(type)), qint64(count));
            violations += qint64(count);
        }
        QCOMPARE(s.violationCount, violations);
        QCOMPARE(s.violations.size(), qsizetype(cpp->violations.size()));
        for (const auto &cf : cpp->factors) {
            const auto it = std::find_if(s.factors.begin(), s.factors.end(), [&](const auto &sf) {
                return sf.reason == QString::fromStdString(cf.reasonKey);
            });
            QVERIFY2(it != s.factors.end(), cf.reasonKey.c_str());
            QCOMPARE(it->points, cf.points);
            QCOMPARE(it->observed, cf.observed);
            QCOMPARE(it->detail.value("count").toInteger(), qint64(cf.count));
            QCOMPARE(it->detail.value("eventIds").toArray().size(), qsizetype(cf.eventIds.size()));
            QCOMPARE(it->detail.value("relatedSessionIds").toArray().size(),
                     qsizetype(cf.relatedSessionIds.size()));
        }
        const QString events =
            f->scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(idText(id)));
        QCOMPARE(QString::number(s.eventCount), events);
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("assessmentservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        seed = std::make_unique<ReviewSeed>(f->database().url());
        service = std::make_unique<AssessmentService>(f->pool(), f->announcer());
        conn = std::make_unique<pqxx::connection>(f->database().url().toStdString());
        seed->test(QStringLiteral("known"), QStringLiteral("Known answers"));
        m_candidate = seed->candidate(QStringLiteral("Первый"));
    }

    // SQL era: blur = sum of focus_gain.durationMs only (0 here). C++: a focus_gain without durationMs
    // counts the clock difference to its focus_loss, and a focus loss never answered counts until the
    // last event: 40 s + 40 s = 80 s > 60 s, a blur factor.
    void blurIsTheCppDefinition()
    {
        const QUuid id = session();
        event(id, 0, 10, "focus_loss");
        event(id, 1, 50, "focus_gain");
        event(id, 2, 60, "focus_loss");
        event(id, 3, 100, "answer_selected", {{"questionId", "q1"}});
        const auto out = ServiceFixture::wait(service->assess(id));
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        verifyStoredEqualsCpp(id);
        const StoredAssessment s = stored(id);
        QCOMPARE(s.awayMs, qint64(80000));
        QCOMPARE(s.level, 1);
        QCOMPARE(s.factors.first().reason, QStringLiteral("risk.blur_time"));
        QCOMPARE(s.violations.value("focus_loss"), qint64(2));
        QCOMPARE(f->scalar(QStringLiteral("SELECT away_ms || ' ' || risk_score || ' ' || risk_level FROM "
                                          "sessions WHERE id = '%1'")
                               .arg(idText(id))),
                 QStringLiteral("80000 25 1"));
    }

    // SQL era: "after finish" by seq (a copy attempt uploaded late with a later seq counted); C++: by the
    // event's own time. One copy attempt made before the finish (later seq) and one print after it
    // (earlier seq).
    void afterFinishIsTheCppDefinition()
    {
        const QUuid id = session();
        event(id, 0, 1, "test_started");
        const QString finished = event(id, 5, 100, "test_finished");
        event(id, 6, 90, "copy_attempt");
        const QString print = event(id, 3, 120, "print_attempt");
        QVERIFY(ServiceFixture::wait(service->assess(id)));
        verifyStoredEqualsCpp(id);
        const StoredAssessment s = stored(id);
        const auto after = std::find_if(s.factors.begin(), s.factors.end(),
                                        [](const auto &x) { return x.reason == "risk.events_after_finish"; });
        QVERIFY(after != s.factors.end());
        QCOMPARE(after->observed, 1.0);
        QCOMPARE(after->detail.value("eventIds").toArray(), (QJsonArray{finished, print}));
        QCOMPARE(s.violations.value("copy_attempt"), qint64(1));
        QCOMPARE(s.violations.value("print_attempt"), qint64(1));
        QCOMPARE(s.violationCount, qint64(2));
    }

    // Cross-session factors existed only in the detail; now they are stored like the others, and the
    // related session is queued because its evidence changed too.
    void crossSessionMatchIsStoredAndQueuesTheOther()
    {
        const qint64 other = seed->candidate(QStringLiteral("Второй"));
        const QUuid a = session(m_candidate, 'c');
        const QUuid b = session(other, 'd');
        seed->telemetry(a, mouse(), keystrokes(1));
        seed->telemetry(b, mouse(), keystrokes(2));
        f->database().scalar("DELETE FROM assessment_queue");
        const auto out = ServiceFixture::wait(service->assess(a));
        QVERIFY(out);
        verifyStoredEqualsCpp(a);
        const StoredAssessment s = stored(a);
        QStringList related;
        for (const auto &factor : s.factors)
            for (const auto &r : factor.detail.value("relatedSessionIds").toArray())
                related.append(r.toString());
        QVERIFY2(related.contains(idText(b)), "the same trajectories of another candidate are a match");
        // The stored evidence says what the proctor reads: the matched session and the chance of such a
        // match.
        bool chanceStored = false;
        for (const auto &factor : s.factors)
            if (factor.reason == QLatin1String("risk.mouse_similarity")) {
                QCOMPARE(factor.detail.value("matchedSessionId").toString(), idText(b));
                QVERIFY(factor.detail.value("comparisons").toInteger() >= 1);
                QVERIFY(factor.detail.contains("chancePerComparison"));
                QCOMPARE(factor.detail.value("notEnoughData").toBool(), false);
                chanceStored = true;
            }
        QVERIFY2(chanceStored, "a stored mouse-similarity factor");
        QCOMPARE(out->requeued, QStringList{idText(b)});
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM assessment_queue WHERE session_id = '%1'")
                               .arg(idText(b))),
                 QStringLiteral("1"));
        // Unchanged relation: assessing again queues nobody (no ping-pong between the two).
        f->database().scalar("DELETE FROM assessment_queue");
        const auto again = ServiceFixture::wait(service->assess(a));
        QVERIFY(again);
        QVERIFY(again->requeued.isEmpty());
        QCOMPARE(f->scalar("SELECT count(*) FROM assessment_queue"), QStringLiteral("0"));
    }

    void riseToHighIsAnnouncedOnce()
    {
        const QUuid id = session();
        event(id, 0, 5, "print_attempt");
        QVERIFY(ServiceFixture::wait(service->assess(id)));
        QCOMPARE(stored(id).level, 1);
        for (int i = 0; i < 6; ++i)
            event(id, 1 + i, 10 + i, "focus_loss");
        f->announcer().clear();
        const auto raised = ServiceFixture::wait(service->assess(id));
        QVERIFY(raised);
        QVERIFY(raised->raised);
        const auto messages = f->announcer().messages();
        QCOMPARE(messages.size(), 1);
        const auto *m = std::get_if<Contract::RiskRaised>(&messages.first());
        QVERIFY(m);
        QCOMPARE(m->sessionId, id);
        QCOMPARE(m->score, 60);
        QCOMPARE(m->level, 2);
        QCOMPARE(m->previousLevel, 1);
        QVERIFY(ServiceFixture::wait(service->assess(id)));
        QCOMPARE(f->announcer().messages().size(), 1); // still high: nothing new
    }

    // The read side: GET /risk's service answers the stored assessment, assessing once when never done.
    void riskReadsTheStoredAssessment()
    {
        const QUuid id = session();
        event(id, 0, 5, "print_attempt");
        QCOMPARE(
            f->scalar(
                QStringLiteral("SELECT assessed_at IS NULL FROM sessions WHERE id = '%1'").arg(idText(id))),
            QStringLiteral("t"));
        const auto first = ServiceFixture::wait(service->risk(id));
        QVERIFY(first);
        QCOMPARE(first->score, 35);
        const QDateTime at = first->assessedAt;
        QVERIFY(at.isValid());
        const auto second = ServiceFixture::wait(service->risk(id));
        QVERIFY(second);
        QCOMPARE(second->assessedAt, at); // read, not re-computed
        const auto missing = ServiceFixture::wait(service->risk(QUuid::createUuid()));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    // Events go through the real event writer: it acknowledges at once (nothing assessed yet), and the
    // maintainer stores the new assessment within seconds, announcing the rise to high.
    void appendedEventsAreReassessedOffTheIngestPath()
    {
        const QUuid id = session();
        Metrics metrics;
        AssessmentMaintainer::Options options;
        options.intervalMs = 200;
        options.delaySeconds = 1.0;
        AssessmentMaintainer maintainer(f->database().url(), f->announcer(), options);
        Storage::EventWriter writer(f->database().url(), {}, metrics);
        writer.setCommitObserver(
            [&maintainer](const std::vector<QUuid> &ids) { maintainer.noteChanged(ids); });
        maintainer.start();
        writer.start();
        f->announcer().clear();

        const qint64 startedMs =
            f->scalar(QStringLiteral("SELECT (extract(epoch FROM started_at) * 1000)::bigint FROM sessions "
                                     "WHERE id = '%1'")
                          .arg(idText(id)))
                .toLongLong();
        std::vector<Storage::EventRow> rows;
        for (int i = 0; i < 7; ++i)
            rows.push_back({id, QUuid::createUuid(), startedMs, i, i == 0 ? "print_attempt" : "focus_loss",
                            startedMs + 1000 * (i + 1), "{}"});
        std::promise<Expected<Storage::WriteOutcome>> acknowledged;
        QElapsedTimer timer;
        timer.start();
        writer.submit(rows, [&](Expected<Storage::WriteOutcome> o) { acknowledged.set_value(o); });
        const auto outcome = acknowledged.get_future().get();
        const qint64 ackMs = timer.elapsed();
        QVERIFY(outcome);
        QCOMPARE(outcome->accepted, 7);
        QCOMPARE(
            f->scalar(
                QStringLiteral("SELECT assessed_at IS NULL FROM sessions WHERE id = '%1'").arg(idText(id))),
            QStringLiteral("t"));
        QTRY_COMPARE_WITH_TIMEOUT(
            f->scalar(QStringLiteral("SELECT risk_level FROM sessions WHERE id = '%1'").arg(idText(id))),
            QStringLiteral("2"), 10000);
        const qint64 assessedMs = timer.elapsed();
        qInfo("acknowledged after %lld ms, assessed after %lld ms", ackMs, assessedMs);
        QVERIFY(ackMs < assessedMs);
        verifyStoredEqualsCpp(id);
        bool announced = false;
        for (const auto &m : f->announcer().messages())
            if (const auto *r = std::get_if<Contract::RiskRaised>(&m); r && r->sessionId == id)
                announced = true;
        QVERIFY(announced);
        writer.stop();
        maintainer.stop();
    }

    // A paced worker (a small busy share) waits after each assessment in proportion to what it took; stopped
    // during that wait, it gives the sessions it had claimed back to the queue instead of dropping them.
    void pacedWorkerGivesClaimedSessionsBackWhenStopped()
    {
        seed->exec("DELETE FROM assessment_queue");
        std::vector<QUuid> ids;
        for (int i = 0; i < 3; ++i) {
            ids.push_back(session());
            event(ids.back(), 0, 5, "print_attempt");
        }
        {
            pqxx::work tx(*conn);
            Storage::AssessmentRepository::enqueue(tx, ids, std::vector<double>(ids.size(), 0.0));
            tx.commit();
        }
        AssessmentMaintainer::Options options;
        options.intervalMs = 100;
        options.busyShare = 1e-6; // a millisecond of work pauses for more than a quarter of an hour
        AssessmentMaintainer maintainer(f->database().url(), f->announcer(), options);
        maintainer.start();
        QTRY_COMPARE_WITH_TIMEOUT(maintainer.assessed(), qint64(1), 10000);
        QTest::qWait(300);
        QCOMPARE(maintainer.assessed(), qint64(1)); // paced: the other two wait
        maintainer.stop();

        QStringList list;
        for (const QUuid &id : ids)
            list << QStringLiteral("'%1'").arg(idText(id));
        const QString in = list.join(QLatin1Char(','));
        QCOMPARE(f->scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE assessed_at IS NOT NULL AND "
                                          "id IN (%1)")
                               .arg(in)),
                 QStringLiteral("1"));
        QCOMPARE(
            f->scalar(QStringLiteral("SELECT count(*) FROM assessment_queue WHERE session_id IN (%1) AND "
                                     "session_id IN (SELECT id FROM sessions WHERE assessed_at IS NULL)")
                          .arg(in)),
            QStringLiteral("2"));
    }

    void settingsAreValidatedAuditedAndReassess()
    {
        const auto refused = [&](const QJsonObject &body, const QString &field) {
            const auto r = ServiceFixture::wait(service->setRiskSettings(Actor::commandLine(), body));
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(r.error().field, field);
        };
        refused({{"weights", QJsonObject{{"printPoints", 500}}}}, "/weights/printPoints");
        refused({{"weights", QJsonObject{{"printPoints", "35"}}}}, "/weights/printPoints");
        refused({{"thresholds", QJsonObject{{"maxFocusLosses", 2.5}}}}, "/thresholds/maxFocusLosses");
        refused({{"thresholds", QJsonObject{{"mediumFrom", 70}, {"highFrom", 60}}}}, "/thresholds/highFrom");
        refused({{"thresholds", QJsonObject{{"noSuchThing", 1}}}}, "/thresholds/noSuchThing");
        refused({{"targetFalseAlarmRate", 0}}, "/targetFalseAlarmRate");
        refused({{"bogus", 1}}, "/bogus");
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'settings.risk'"),
                 QStringLiteral("0"));

        const QUuid id = session();
        event(id, 0, 5, "print_attempt");
        QVERIFY(ServiceFixture::wait(service->assess(id)));
        QCOMPARE(stored(id).level, 1); // 35 points: medium
        const int before = RiskRules::load(*conn).version();

        f->database().scalar("DELETE FROM assessment_queue");
        const auto changed = ServiceFixture::wait(
            service->setRiskSettings(Actor::commandLine(), {{"weights", QJsonObject{{"printPoints", 70}}},
                                                            {"targetFalseAlarmRate", 0.005}}));
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
        QCOMPARE(changed->rules.config.printPoints, 70.0);
        QCOMPARE(changed->rules.config.targetFalseAlarmRate, 0.005);
        QVERIFY(changed->rules.version() > before);
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'settings.risk'"),
                 QStringLiteral("1"));
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'settings.risk' AND "
                           "(details->'settings'->'weights'->>'printPoints')::numeric = 70"),
                 QStringLiteral("1"));
        // Every session is queued for the maintainer, and a re-assessment applies the new weight.
        QCOMPARE(f->scalar("SELECT count(*) FROM assessment_queue"),
                 f->scalar("SELECT count(*) FROM sessions"));
        QCOMPARE(changed->queued, f->scalar("SELECT count(*) FROM sessions").toLongLong());
        f->announcer().clear();
        const auto re = ServiceFixture::wait(service->assess(id));
        QVERIFY(re);
        QCOMPARE(stored(id).score, 70);
        QCOMPARE(stored(id).level, 2);
        QCOMPARE(stored(id).rulesVersion, changed->rules.version());
        QVERIFY(f->announcer().messages().isEmpty()); // a rules change is not news about the session
        const auto read = ServiceFixture::wait(service->riskSettings());
        QVERIFY(read);
        QCOMPARE(read->settingsVersion, changed->rules.settingsVersion);
        QCOMPARE(read->config.printPoints, 70.0);
        QCOMPARE(read->config.focusLossPoints, Analysis::RiskConfig{}.focusLossPoints);
    }

    // `reassess` rebuilds every outdated assessment; killed halfway, a second run does the rest.
    void reassessResumesAfterInterruption()
    {
        if (CollectorProcess::binary().isEmpty())
            QSKIP("PROCTOR_COLLECTOR_BIN not set");
        for (int i = 0; i < 400; ++i) {
            const QUuid id = session();
            if (i % 4 == 0)
                event(id, 0, 5, "print_attempt");
        }
        f->database().scalar("UPDATE sessions SET assessment_rules = 0");
        const int current = RiskRules::load(*conn).version();
        const QString outdated =
            QStringLiteral("SELECT count(*) FROM sessions WHERE assessment_rules <> %1").arg(current);
        const qint64 total = f->scalar(outdated).toLongLong();
        QVERIFY(total >= 400);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PROCTOR_DATABASE_URL"), f->database().url());
        env.insert(QStringLiteral("PROCTOR_LOG_FORMAT"), QStringLiteral("text"));
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(CollectorProcess::binary(),
                    {QStringLiteral("reassess"), QStringLiteral("--batch"), QStringLiteral("5")});
        QVERIFY(first.waitForStarted());
        QByteArray err;
        while (!err.contains(" (") && first.state() == QProcess::Running) {
            first.waitForReadyRead(100);
            err += first.readAllStandardError();
        }
        first.kill(); // interrupted after its first batch
        first.waitForFinished();
        const qint64 left = f->scalar(outdated).toLongLong();
        qInfo("killed with %lld of %lld sessions left", left, total);
        QVERIFY2(left > 0 && left < total, qPrintable(QString::number(left)));

        QProcess second;
        second.setProcessEnvironment(env);
        second.start(CollectorProcess::binary(),
                     {QStringLiteral("reassess"), QStringLiteral("--batch"), QStringLiteral("50")});
        QVERIFY(second.waitForFinished(120000));
        const QByteArray out = second.readAllStandardError();
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(out.startsWith(QStringLiteral("reassess: %1 sessions to assess").arg(left).toUtf8()),
                 out.constData());
        QCOMPARE(f->scalar(outdated), QStringLiteral("0"));
        QCOMPARE(f->scalar("SELECT count(*) FROM sessions WHERE assessed_at IS NULL"), QStringLiteral("0"));
        QCOMPARE(f->scalar("SELECT count(*) FROM sessions s WHERE s.risk_score <> LEAST(100, (SELECT "
                           "COALESCE(sum(points), "
                           "0) FROM session_risk_factors r WHERE r.session_id = s.id))::int"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestAssessmentService)
#include "tst_assessmentservice.moc"
