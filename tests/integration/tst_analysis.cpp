// SPDX-License-Identifier: MIT
// The analysis endpoints on data sent through the real ingest API: a copied mouse trajectory is found,
// the same typing rhythm scores as the same typist, the risk score cites real event ids, and devices
// shared between candidates are flagged.
#include <cmath>

#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

class TestAnalysis : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;
    StartedSession m_a, m_b, m_c;
    QStringList m_focusLossIds;
    QString m_printId;

    // A wavy stroke per question; `variant` changes its shape.
    static QJsonArray mouse(const StartedSession &s, int variant)
    {
        QJsonArray segments;
        for (const auto &q : s.questions) {
            QJsonArray points;
            for (int i = 0; i < 120; ++i) {
                const double t = i * 16.0;
                const double x = 100 + i * 5;
                const double y =
                    variant == 0 ? 300 + 80 * std::sin(i / 10.0) : 300 + 150 * std::cos(i / 4.0) + i * 2;
                points.append(QJsonArray{x, y, t});
            }
            segments.append(QJsonObject{{"questionId", q.toObject().value("id")}, {"points", points}});
        }
        return segments;
    }

    // A typing rhythm as the page sends it (timing lists per key and key pair): `slow` changes dwell and
    // flight times consistently.
    static QJsonObject keystrokes(bool slow, int seed)
    {
        QHash<QString, QJsonArray> dwell, flight, digraph;
        const char *codes[] = {"KeyI", "KeyV", "KeyA", "KeyN", "KeyO",
                               "KeyF", "KeyP", "KeyE", "KeyT", "KeyR"};
        double previousFlight = 0;
        double previousDwell = 0;
        for (int i = 0; i < 200; ++i) {
            const double jitter = ((i * 7919 + seed * 104729) % 13) - 6; // deterministic, small
            const double d = (slow ? 150 : 80) + jitter;
            dwell[codes[i % 10]].append(d);
            if (i > 0) {
                const QString pair = QStringLiteral("%1>%2").arg(codes[(i - 1) % 10], codes[i % 10]);
                flight[pair].append(previousFlight);
                digraph[pair].append(previousDwell + previousFlight);
            }
            previousDwell = d;
            previousFlight = (slow ? 260 : 110) + 2 * jitter;
        }
        const auto object = [](const QHash<QString, QJsonArray> &lists) {
            QJsonObject o;
            for (auto it = lists.begin(); it != lists.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        return QJsonObject{
            {"dwell", object(dwell)}, {"flight", object(flight)}, {"digraph", object(digraph)}};
    }

    static QJsonObject telemetry(const StartedSession &s, int mouseVariant, bool slowTyping, int seed)
    {
        QJsonObject t = HotPathFixture::telemetry();
        t.insert("mouse", mouse(s, mouseVariant));
        t.insert("keystrokes", keystrokes(slowTyping, seed));
        return t;
    }

    HttpResult post(const char *path, const QJsonObject &body)
    {
        return f->http().post(f->url(QLatin1String(path)), QJsonDocument(body).toJson(),
                              {{"Authorization", "Bearer " + m_token}});
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("analysis"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QCOMPARE(f->collector().run({"create-admin", "--email", "proctor@example.org", "--role", "proctor"},
                                    "a-long-password-123\n"),
                 0);
        const HttpResult login =
            f->http().post(f->url("/api/v1/auth/login"),
                           R"({"email":"proctor@example.org","password":"a-long-password-123"})");
        QCOMPARE(login.status, 200);
        m_token = login.json().value("token").toString().toLatin1();

        // A and B: different candidates, the same trajectory and typing rhythm (one person sitting for two).
        m_a = f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Первый")));
        m_b = f->startSession(HotPathFixture::sessionStartBody(
            QStringLiteral("Второй"), QStringLiteral("22222222-2222-4222-8222-222222222222")));
        QJsonObject otherDevice = HotPathFixture::sessionStartBody(
            QStringLiteral("Третий"), QStringLiteral("33333333-3333-4333-8333-333333333333"));
        QJsonObject fp = otherDevice.value("fingerprint").toObject();
        fp.insert("privacySafeHash", QString(64, QLatin1Char('c')));
        otherDevice.insert("fingerprint", fp);
        m_c = f->startSession(otherDevice);
        QVERIFY(!m_a.id.isEmpty() && !m_b.id.isEmpty() && !m_c.id.isEmpty());

        // B's questions must match A's for a per-question comparison: both draw 10 of 12, so compare on
        // A's questions by sending A's question ids in B's and C's telemetry too.
        StartedSession asA = m_b;
        asA.questions = m_a.questions;
        StartedSession cAsA = m_c;
        cAsA.questions = m_a.questions;

        QJsonArray events;
        for (int i = 0; i < 6; ++i) {
            events.append(HotPathFixture::event(2 * i, "focus_loss"));
            events.append(HotPathFixture::event(2 * i + 1, "focus_gain", {{"durationMs", 1000}}));
            m_focusLossIds.append(events[2 * i].toObject().value("eventId").toString());
        }
        events.append(HotPathFixture::event(12, "print_attempt", {{"method", "shortcut"}}));
        m_printId = events.last().toObject().value("eventId").toString();
        QCOMPARE(f->postEvents(m_a, events).status, 200);

        QCOMPARE(
            f->postResult(m_b, HotPathFixture::answers(m_b, 10), {{"telemetry", telemetry(asA, 0, false, 2)}})
                .status,
            201);
        QCOMPARE(
            f->postResult(m_c, HotPathFixture::answers(m_c, 10), {{"telemetry", telemetry(cAsA, 1, true, 3)}})
                .status,
            201);
        QCOMPARE(
            f->postResult(m_a, HotPathFixture::answers(m_a, 10), {{"telemetry", telemetry(m_a, 0, false, 1)}})
                .status,
            201);
    }

    void endpointsNeedAToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("mouse") << QByteArray("POST") << "/api/v1/analysis/mouse";
        QTest::newRow("similar") << QByteArray("POST") << "/api/v1/analysis/mouse/similar";
        QTest::newRow("keyboard") << QByteArray("POST") << "/api/v1/analysis/keyboard";
        QTest::newRow("risk") << QByteArray("GET")
                              << "/api/v1/sessions/00000000-0000-4000-8000-000000000000/risk";
        QTest::newRow("groups") << QByteArray("GET") << "/api/v1/fingerprints/groups";
    }
    void endpointsNeedAToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpResult r =
            f->http().send(method, f->url(path), "{}", {{"Content-Type", "application/json"}}, 10000);
        QCOMPARE(r.status, 401);
    }

    void copiedTrajectoryIsNearlyIdentical()
    {
        HttpResult r = post("/api/v1/analysis/mouse", {{"sessionA", m_a.id}, {"sessionB", m_b.id}});
        QCOMPARE(r.status, 200);
        const QJsonArray questions = r.json().value("questions").toArray();
        QCOMPARE(questions.size(), HotPathFixture::kQuestionsPerAttempt);
        const QJsonObject q = questions.first().toObject();
        QVERIFY2(q.value("similarity").toDouble() > 99.0,
                 qPrintable(QString::number(q.value("similarity").toDouble())));
        QCOMPARE(q.value("approximate").toBool(), false);
        // The warping path runs corner to corner.
        const QJsonArray path = q.value("path").toArray();
        QVERIFY(!path.isEmpty());
        QCOMPARE(path.first().toArray(), (QJsonArray{0, 0}));
        QCOMPARE(path.last().toArray(),
                 (QJsonArray{q.value("a").toArray().size() - 1, q.value("b").toArray().size() - 1}));

        r = post("/api/v1/analysis/mouse", {{"sessionA", m_a.id}, {"sessionB", m_c.id}});
        QCOMPARE(r.status, 200);
        const double other =
            r.json().value("questions").toArray().first().toObject().value("similarity").toDouble();
        QVERIFY2(other < q.value("similarity").toDouble() - 10, qPrintable(QString::number(other)));
    }

    void similarSearchFindsTheCopyFirst()
    {
        const HttpResult r = post("/api/v1/analysis/mouse/similar", {{"sessionId", m_a.id}, {"k", 2}});
        QCOMPARE(r.status, 200);
        const QJsonArray matches = r.json().value("matches").toArray();
        QVERIFY(!matches.isEmpty());
        QCOMPARE(matches.first().toObject().value("sessionId").toString(), m_b.id);
        QVERIFY(matches.first().toObject().value("similarity").toDouble() > 99.0);
        QVERIFY(r.json().value("stats").toObject().value("candidates").toInt() >= 2);
    }

    void sameRhythmScoresAsSameTypist()
    {
        const HttpResult same =
            post("/api/v1/analysis/keyboard", {{"sessionA", m_a.id}, {"sessionB", m_b.id}});
        const HttpResult other =
            post("/api/v1/analysis/keyboard", {{"sessionA", m_a.id}, {"sessionB", m_c.id}});
        QCOMPARE(same.status, 200);
        QCOMPARE(other.status, 200);
        QVERIFY(same.json().value("comparable").toBool());
        const double s = same.json().value("sameTypistScore").toDouble();
        const double o = other.json().value("sameTypistScore").toDouble();
        QVERIFY2(s > 80 && o < 20, qPrintable(QStringLiteral("same %1, other %2").arg(s).arg(o)));
    }

    void riskCitesTheEventsBehindIt()
    {
        const HttpResult r = f->http().get(f->url(QStringLiteral("/api/v1/sessions/%1/risk").arg(m_a.id)),
                                           {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(r.status, 200);
        const QJsonObject risk = r.json();
        QCOMPARE(risk.value("level").toString(), QStringLiteral("high"));
        QHash<QString, QJsonObject> factors;
        for (const auto &v : risk.value("factors").toArray())
            factors.insert(v.toObject().value("reason").toString(), v.toObject());
        QVERIFY2(factors.contains("risk.focus_losses"), r.body.constData());
        QStringList ids;
        for (const auto &id : factors.value("risk.focus_losses").value("eventIds").toArray())
            ids.append(id.toString());
        QCOMPARE(ids, m_focusLossIds);
        QCOMPARE(factors.value("risk.print_attempts").value("eventIds").toArray(), QJsonArray{m_printId});
        QVERIFY(factors.value("risk.mouse_similarity").value("relatedSessionIds").toArray().contains(m_b.id));
        QVERIFY(factors.value("risk.same_typist").value("relatedSessionIds").toArray().contains(m_b.id));
        QVERIFY(!factors.value("risk.same_typist").value("relatedSessionIds").toArray().contains(m_c.id));
    }

    void sharedDevicesAreFlagged()
    {
        const HttpResult r = f->http().get(f->url("/api/v1/fingerprints/groups?flagged=true"),
                                           {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(r.status, 200);
        const QJsonArray groups = r.json().value("groups").toArray();
        QCOMPARE(groups.size(), 1); // A and B share the "a…" device; C is alone on "c…"
        QCOMPARE(groups.first().toObject().value("hash").toString(), QString(64, QLatin1Char('a')));
        QVERIFY(groups.first().toObject().value("flags").toArray().contains("several_candidates"));
        QVERIFY(groups.first().toObject().value("sessionIds").toArray().contains(m_a.id));
        QVERIFY(groups.first().toObject().value("sessionIds").toArray().contains(m_b.id));
    }

    // A result stored long after the test's time limit (the page submits by itself at the limit) is
    // reported with the overtime measured by the server and scores the risk factor, in the session
    // detail, the /risk endpoint and the results list alike. Last: it changes the test's limit.
    void overtimeIsMeasuredByTheServer()
    {
        const HttpClient::Headers auth{{"Authorization", "Bearer " + m_token}};
        // The first page of a list is cached until a result commits; a different limit is another entry.
        const auto riskScoreInList = [&](const QString &sessionId, int limit) {
            const HttpResult list =
                f->http().get(f->url(QStringLiteral("/api/v1/results?limit=%1").arg(limit)), auth);
            for (const auto &v : list.json().value("items").toArray())
                if (v.toObject().value("sessionId").toString() == sessionId)
                    return v.toObject().value("risk").toObject().value("score").toInt();
            return -1;
        };
        const int listScoreBefore = riskScoreInList(m_c.id, 100);
        QVERIFY(listScoreBefore >= 0);

        f->db().scalar(
            QStringLiteral("UPDATE tests SET time_limit_seconds = 60 WHERE id = 'known' RETURNING 1"));
        f->db().scalar(QStringLiteral("UPDATE sessions SET started_at = finished_at - interval '200 seconds' "
                                      "WHERE id = '%1' RETURNING 1")
                           .arg(m_c.id));

        const HttpResult detail =
            f->http().get(f->url(QStringLiteral("/api/v1/sessions/%1").arg(m_c.id)), auth);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value("timeLimitSeconds").toInt(), 60);
        QCOMPARE(detail.json().value("overtimeSeconds").toInt(), 140);

        // The rows were changed behind the services' back: queue the session as a change through them would,
        // and the maintainer stores the new assessment that /risk reads.
        f->db().scalar(QStringLiteral("INSERT INTO assessment_queue (session_id) VALUES ('%1') ON CONFLICT "
                                      "(session_id) DO UPDATE SET due_at = now() RETURNING 1")
                           .arg(m_c.id));
        HttpResult risk;
        QJsonObject overtime;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                risk = f->http().get(f->url(QStringLiteral("/api/v1/sessions/%1/risk").arg(m_c.id)), auth);
                for (const auto &v : risk.json().value("factors").toArray())
                    if (v.toObject().value("reason").toString() == QLatin1String("risk.overtime"))
                        overtime = v.toObject();
                return !overtime.isEmpty();
            }(),
            10000);
        QCOMPARE(overtime.value("observed").toDouble(), 140.0);
        QCOMPARE(overtime.value("points").toDouble(), 40.0);
        QCOMPARE(riskScoreInList(m_c.id, 99), qMin(100, listScoreBefore + 40));

        // A, finished within seconds of its start, stays in time.
        const HttpResult a = f->http().get(f->url(QStringLiteral("/api/v1/sessions/%1").arg(m_a.id)), auth);
        QCOMPARE(a.json().value("overtimeSeconds").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
