// SPDX-License-Identifier: MIT
// The candidate hot path through the real HTTP interface: sessions, event ingest, server-side scoring,
// certificates, API keys, and every refusal a client can provoke.
#include <QNetworkReply>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

class TestHotPath : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;

    static bool containsKey(const QJsonValue &v, const QString &key)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.contains(key))
                return true;
            for (const auto &child : o)
                if (containsKey(child, key))
                    return true;
        } else if (v.isArray()) {
            for (const auto &child : v.toArray())
                if (containsKey(child, key))
                    return true;
        }
        return false;
    }

    QByteArray createKey(const QString &scopes)
    {
        if (f->collector().run({"create-apikey", "--name", "extra", "--scopes", scopes}) != 0)
            return {};
        return f->collector().lastStdout().trimmed();
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("hotpath"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
    }

    void testsAreListedWithoutAnswerKey()
    {
        HttpResult r = f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("\"known\""));
        r = f->http().get(f->url("/api/v1/tests/known"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("questions").toArray().size(), 12);
        QVERIFY(!containsKey(r.json(), "correct"));
        r = f->http().get(f->url("/api/v1/tests/nope"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 404);
    }

    void sessionStartDrawsQuestionsWithoutKey()
    {
        const HttpResult r = f->http().post(f->url("/api/v1/sessions"),
                                            QJsonDocument(HotPathFixture::sessionStartBody()).toJson(),
                                            {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 201);
        const QJsonObject o = r.json();
        QVERIFY(!QUuid::fromString(o.value("sessionId").toString()).isNull());
        QVERIFY(o.value("token").toString().startsWith("v1."));
        QCOMPARE(o.value("test").toObject().value("questions").toArray().size(),
                 HotPathFixture::kQuestionsPerAttempt);
        QVERIFY(!containsKey(o, "correct"));
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'")
                                    .arg(o.value("sessionId").toString())),
                 QStringLiteral("in_progress"));
    }

    void apiKeyRefusals_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing key") << QByteArray() << 401 << "missing_api_key";
        QTest::newRow("unknown key") << QByteArray("pk_0000000000000000000000000000000000000000000000") << 401
                                     << "invalid_api_key";
        QTest::newRow("absurdly long key") << QByteArray(500, 'k') << 401 << "invalid_api_key";
        QTest::newRow("read-only key opening a session")
            << QByteArray("read-only") << 403 << "forbidden_scope";
    }
    void apiKeyRefusals()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, status);
        QFETCH(QString, code);
        if (key == "read-only")
            key = createKey(QStringLiteral("tests:read"));
        HttpClient::Headers h;
        if (!key.isEmpty())
            h.append({"X-API-Key", key});
        const QString before = f->db().scalar("SELECT count(*) FROM sessions");
        const HttpResult r = f->http().post(f->url("/api/v1/sessions"),
                                            QJsonDocument(HotPathFixture::sessionStartBody()).toJson(), h);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.errorField(), QStringLiteral("X-API-Key"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM sessions"), before);
    }

    void badSessionBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        auto with = [](const char *key, const QJsonValue &v) {
            QJsonObject b = HotPathFixture::sessionStartBody();
            b.insert(QLatin1String(key), v);
            return QJsonDocument(b).toJson();
        };
        QTest::newRow("not json") << QByteArray("{nope") << QByteArray("application/json") << 400
                                  << "bad_json"
                                  << "";
        QTest::newRow("json array") << QByteArray("[1]") << QByteArray("application/json") << 400
                                    << "bad_json"
                                    << "";
        QTest::newRow("wrong content type")
            << with("kind", "test") << QByteArray("text/plain") << 415 << "unsupported_media_type"
            << "Content-Type";
        QTest::newRow("unknown top-level field")
            << with("admin", true) << QByteArray("application/json") << 400 << "validation_failed"
            << "/admin";
        QTest::newRow("kind out of enum")
            << with("kind", "exam") << QByteArray("application/json") << 400 << "validation_failed"
            << "/kind";
        QTest::newRow("fingerprint hash not hex")
            << with("fingerprint", QJsonObject{{"privacySafeHash", "xyz"}, {"attributes", QJsonObject{}}})
            << QByteArray("application/json") << 400 << "validation_failed"
            << "/fingerprint/privacySafeHash";
        QTest::newRow("unknown test")
            << with("testId", "no-such-test") << QByteArray("application/json") << 404 << "not_found"
            << "testId";
    }
    void badSessionBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpResult r = f->http().post(f->url("/api/v1/sessions"), body,
                                            {{"X-API-Key", f->apiKey()}, {"Content-Type", contentType}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (!field.isEmpty())
            QCOMPARE(r.errorField(), field);
    }

    void badEventBatches_data()
    {
        QTest::addColumn<QJsonArray>("events");
        QTest::addColumn<QString>("field");
        QJsonArray tooMany;
        for (int i = 0; i < 501; ++i)
            tooMany.append(HotPathFixture::event(i));
        QTest::newRow("no events") << QJsonArray{} << "/events";
        QTest::newRow("501 events") << tooMany << "/events";
        QTest::newRow("unknown event type")
            << QJsonArray{HotPathFixture::event(0, "teleport")} << "/events/0/type";
        QTest::newRow("unknown detail field")
            << QJsonArray{HotPathFixture::event(0, "focus_gain", {{"durationMs", 5}, {"x", 1}})}
            << "/events/0/details/x";
        QTest::newRow("detail of wrong type")
            << QJsonArray{HotPathFixture::event(0, "focus_gain", {{"durationMs", "long"}})}
            << "/events/0/details/durationMs";
        QJsonObject badTs = HotPathFixture::event(0);
        badTs.insert("clientTs", "yesterday");
        QTest::newRow("bad clientTs") << QJsonArray{badTs} << "/events/0/clientTs";
        QJsonObject badId = HotPathFixture::event(0);
        badId.insert("eventId", "not-a-uuid");
        QTest::newRow("bad event id") << QJsonArray{badId} << "/events/0/eventId";
        QJsonObject negSeq = HotPathFixture::event(0);
        negSeq.insert("seq", -1);
        QTest::newRow("negative seq") << QJsonArray{negSeq} << "/events/0/seq";
    }
    void badEventBatches()
    {
        QFETCH(QJsonArray, events);
        QFETCH(QString, field);
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        const HttpResult r = f->postEvents(s, events);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
        QCOMPARE(r.errorField(), field);
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("0"));
    }

    void sessionTokenRefusals()
    {
        const StartedSession a = f->startSession();
        const StartedSession b = f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Петров")));
        QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
        // a's token on b's session
        StartedSession forged = b;
        forged.token = a.token;
        HttpResult r = f->postEvents(forged, {HotPathFixture::event(0)});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden_session"));
        // tampered signature
        forged.token = b.token;
        forged.token[forged.token.size() - 2] = forged.token.at(forged.token.size() - 2) == 'A' ? 'B' : 'A';
        r = f->postEvents(forged, {HotPathFixture::event(0)});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_token"));
        forged.token.clear();
        r = f->postEvents(forged, {HotPathFixture::event(0)});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("missing_token"));
        // a result with another session's token
        forged.token = a.token;
        r = f->postResult(forged, HotPathFixture::answers(b, 10));
        QCOMPARE(r.status, 403);
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(b.id)),
            QStringLiteral("0"));
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(b.id)),
                 QStringLiteral("in_progress"));
    }

    void eventsAreStoredOnceWithTheirDetails()
    {
        const StartedSession s = f->startSession();
        QJsonArray batch{HotPathFixture::event(0, "test_started", {{"questionCount", 10}}),
                         HotPathFixture::event(1, "focus_gain", {{"durationMs", 4200}}),
                         HotPathFixture::event(2, "print_attempt", {{"method", "shortcut"}})};
        HttpResult r = f->postEvents(s, batch);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("accepted").toInt(), 3);
        QCOMPARE(r.json().value("duplicates").toInt(), 0);
        // The same batch again (a client retry) plus one new event: only the new one is stored.
        batch.append(HotPathFixture::event(3, "focus_loss"));
        r = f->postEvents(s, batch);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("accepted").toInt(), 1);
        QCOMPARE(r.json().value("duplicates").toInt(), 3);
        // Duplicates inside one batch count once.
        const QJsonObject twice = HotPathFixture::event(4, "focus_loss");
        r = f->postEvents(s, {twice, twice});
        QCOMPARE(r.json().value("accepted").toInt(), 1);
        QCOMPARE(r.json().value("duplicates").toInt(), 1);
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("5"));
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT details->>'durationMs' FROM events WHERE session_id = "
                                               "'%1' AND type = 'focus_gain'")
                                    .arg(s.id)),
                 QStringLiteral("4200"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral(
                         "SELECT string_agg(seq::text, ',' ORDER BY seq) FROM events WHERE session_id = '%1'")
                         .arg(s.id)),
                 QStringLiteral("0,1,2,3,4"));
    }

    void scoringUsesTheKey_data()
    {
        QTest::addColumn<int>("correct");
        QTest::addColumn<int>("score");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("grade");
        QTest::newRow("all right") << 10 << 100 << true << "excellent";
        QTest::newRow("exactly the threshold") << 8 << 80 << true << "good";
        QTest::newRow("one below the threshold") << 7 << 70 << false << "satisfactory";
        QTest::newRow("none right") << 0 << 0 << false << "poor";
    }
    void scoringUsesTheKey()
    {
        QFETCH(int, correct);
        QFETCH(int, score);
        QFETCH(bool, passed);
        QFETCH(QString, grade);
        const StartedSession s = f->startSession();
        const HttpResult r = f->postResult(s, HotPathFixture::answers(s, correct));
        QCOMPARE(r.status, 201);
        const QJsonObject o = r.json();
        // The default disclosure (passFail, issue 13): passed or not, the grade band only when passed, never
        // the score or the counts; the stored score below shows the key was used.
        QVERIFY(!o.contains("score") && !o.contains("correct") && !o.contains("total"));
        QCOMPARE(o.value("passed").toBool(), passed);
        QCOMPARE(o.value("grade").toObject().value("key").toString(), passed ? grade : QString());
        QCOMPARE(o.value("certificate").isObject(), passed);
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM certificates WHERE session_id = '%1'").arg(s.id)),
                 passed ? QStringLiteral("1") : QStringLiteral("0"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT status || ' ' || score FROM sessions WHERE id = '%1'").arg(s.id)),
                 QStringLiteral("completed %1").arg(score));
        QCOMPARE(
            f->db().scalar(
                QStringLiteral(
                    "SELECT keystrokes->'dwell'->'KeyA'->>0 FROM session_telemetry WHERE session_id = '%1'")
                    .arg(s.id)),
            QStringLiteral("80"));
    }

    void forgedScoreIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("score") << "score";
        QTest::newRow("passed") << "passed";
        QTest::newRow("grade") << "grade";
    }
    void forgedScoreIsRefused()
    {
        QFETCH(QString, field);
        const StartedSession s = f->startSession();
        const HttpResult r = f->postResult(s, HotPathFixture::answers(s, 0), {{field, 100}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QLatin1Char('/') + field);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(s.id)),
                 QStringLiteral("in_progress"));
    }

    void resubmissionReturnsTheFirstOutcome()
    {
        const StartedSession s = f->startSession();
        const HttpResult first = f->postResult(s, HotPathFixture::answers(s, 9));
        QCOMPARE(first.status, 201);
        const HttpResult second = f->postResult(s, HotPathFixture::answers(s, 0));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json(), first.json());
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM certificates WHERE session_id = '%1'").arg(s.id)),
                 QStringLiteral("1"));
    }

    void concurrentPassesGetDistinctConsecutiveNumbers()
    {
        constexpr int kCount = 200;
        QList<StartedSession> sessions;
        for (int i = 0; i < kCount; ++i) {
            sessions.append(
                f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Кандидат%1").arg(i))));
            QVERIFY(!sessions.last().id.isEmpty());
        }
        // All submissions in flight at once, over several connection pools.
        QList<QNetworkAccessManager *> nams;
        for (int i = 0; i < 8; ++i)
            nams.append(new QNetworkAccessManager(this));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < kCount; ++i) {
            QNetworkRequest req(
                QUrl(f->url(QStringLiteral("/api/v1/sessions/%1/result").arg(sessions[i].id))));
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            req.setRawHeader("X-Session-Token", sessions[i].token);
            const QJsonObject body{{"answers", HotPathFixture::answers(sessions[i], 10)},
                                   {"telemetry", HotPathFixture::telemetry()}};
            replies.append(nams[i % nams.size()]->post(req, QJsonDocument(body).toJson()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
            60000);
        QSet<QString> numbers;
        QList<int> sequence;
        for (QNetworkReply *r : replies) {
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
            const QString number = QJsonDocument::fromJson(r->readAll())
                                       .object()
                                       .value("certificate")
                                       .toObject()
                                       .value("number")
                                       .toString();
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d{2}/\\d{2}-\\d{4}$")).match(number).hasMatch(),
                     qPrintable(number));
            numbers.insert(number);
            sequence.append(number.section(QLatin1Char('-'), 1).toInt());
        }
        QCOMPARE(numbers.size(), kCount);
        std::sort(sequence.begin(), sequence.end());
        QCOMPARE(sequence.last() - sequence.first() + 1, kCount); // consecutive: no gaps, no repeats
        qDeleteAll(nams);
    }

    void certificatesVerifyWithMaskedName()
    {
        const StartedSession s = f->startSession();
        const HttpResult r = f->postResult(s, HotPathFixture::answers(s, 10));
        const QString number = r.json().value("certificate").toObject().value("number").toString();
        QVERIFY(!number.isEmpty());
        const QString verifyUrl = r.json().value("certificate").toObject().value("verifyUrl").toString();
        const QString code = r.json().value("certificate").toObject().value("code").toString();
        QVERIFY(verifyUrl.endsWith(QString::fromLatin1(QUrl::toPercentEncoding(number)) + "&code=" + code));
        HttpResult v =
            f->http().get(f->url(QStringLiteral("/api/v1/certificates/") +
                                 QString::fromLatin1(QUrl::toPercentEncoding(number)) + "?code=" + code));
        QCOMPARE(v.status, 200);
        QCOMPARE(v.json().value("valid").toBool(), true);
        QCOMPARE(v.json().value("holder").toString(), QStringLiteral("И****в И. И."));
        QCOMPARE(v.json().value("testTitle").toString(), QStringLiteral("Known answers"));
        v = f->http().get(f->url(QStringLiteral("/api/v1/certificates/99%2F01-9999")));
        QCOMPARE(v.status, 404);
        v = f->http().get(f->url(QStringLiteral("/api/v1/certificates/DROP%20TABLE")));
        QCOMPARE(v.status, 400);
    }

    void twoPeopleOnOneComputerStayTwo()
    {
        const QString browser = QStringLiteral("11111111-2222-4333-8444-555555555555");
        QVERIFY(!f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Смирнова"), browser))
                     .id.isEmpty());
        const QString kuznetsov =
            f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Кузнецов"), browser)).id;
        QVERIFY(!kuznetsov.isEmpty());
        // The same person again while the attempt is unfinished: that attempt, resumed (issue 13).
        QCOMPARE(f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Кузнецов"), browser)).id,
                 kuznetsov);
        QCOMPARE(
            f->db().scalar(
                QStringLiteral("SELECT count(*) FROM candidates WHERE persistent_id = '%1'").arg(browser)),
            QStringLiteral("2"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM sessions WHERE persistent_id = '%1'").arg(browser)),
                 QStringLiteral("2"));
    }

    void revokedKeyIsRefusedEverywhereAtOnce()
    {
        const QByteArray key = createKey(QStringLiteral("tests:read,sessions:write"));
        QVERIFY(!key.isEmpty());
        QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 200);
        QCOMPARE(f->collector().run({"revoke-apikey", QString::fromLatin1(key.left(11))}), 0);
        // The in-process cache would keep it up to 5 s; the Redis announcement drops it at once.
        QTRY_COMPARE_WITH_TIMEOUT(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 401,
                                  1000);
    }

    void usageIsCountedWithoutAnUpdatePerRequest()
    {
        const QByteArray key = createKey(QStringLiteral("tests:read"));
        for (int i = 0; i < 7; ++i)
            QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            f->db().scalar(QStringLiteral("SELECT usage_count FROM api_keys WHERE prefix = '%1'")
                               .arg(QString::fromLatin1(key.left(11)))),
            QStringLiteral("7"), 15000);
    }

    void oversizedBodyIsRefused()
    {
        const HttpResult r = f->http().post(f->url("/api/v1/events"), QByteArray(9 * 1024 * 1024, ' '),
                                            {{"X-Session-Token", "x"}});
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    }

    void metricsCountTheHotPath()
    {
        const HttpResult r = f->http().get(f->url("/metrics"));
        QCOMPARE(r.status, 200);
        for (const char *name :
             {"proctor_events_ingested_total", "proctor_events_duplicate_total",
              "proctor_event_commit_rows_bucket", "proctor_event_commit_duration_seconds_bucket",
              "proctor_tests_completed_total{", "proctor_certificates_issued_total{"})
            QVERIFY2(r.body.contains(name), name);
    }
};

QTEST_GUILESS_MAIN(TestHotPath)
#include "tst_hotpath.moc"
