// SPDX-License-Identifier: MIT
// Attempts and disclosure through the real collector: one-question probes learn nothing per question, a
// second start resumes the unfinished attempt, the attempt limit and the cooldown hold under 20 concurrent
// starts, an overdue attempt is closed, counted and re-assessed, probes spread over many addresses and
// devices are still flagged by their page key, and a revoked page key's session tokens are refused.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUuid>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {

constexpr char kPassword[] = "correct horse battery staple";

QJsonObject smallTest(const QString &id, const QJsonObject &policy, int timeLimitSeconds = 0)
{
    QJsonArray questions;
    for (int i = 1; i <= 4; ++i)
        questions.append(QJsonObject{{"id", QStringLiteral("q%1").arg(i)},
                                     {"text", QStringLiteral("Question %1").arg(i)},
                                     {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "right"}},
                                                            QJsonObject{{"id", "b"}, {"text", "wrong"}}}},
                                     {"correct", QJsonArray{"a"}}});
    QJsonObject t{{"id", id},
                  {"title", id},
                  {"description", "attempts"},
                  {"locale", "en"},
                  {"passThreshold", 75},
                  {"questionsPerAttempt", 4},
                  {"timeLimitSeconds", timeLimitSeconds},
                  {"questions", questions}};
    if (!policy.isEmpty())
        t.insert("attemptPolicy", policy);
    return t;
}

QJsonObject startBody(const QString &testId, const QString &lastName, const QString &persistentId,
                      const QString &fingerprint = QString(64, QLatin1Char('a')))
{
    QJsonObject b = HotPathFixture::sessionStartBody(lastName, persistentId);
    b.insert("testId", testId);
    QJsonObject fp = b.value("fingerprint").toObject();
    fp.insert("privacySafeHash", fingerprint);
    b.insert("fingerprint", fp);
    return b;
}

QString fresh()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestAttempts : public QObject
{
    Q_OBJECT

    std::unique_ptr<HotPathFixture> f;
    QTemporaryDir m_dir;
    QByteArray m_admin;

    bool import(QJsonObject definition)
    {
        // Only to show how the old collector (whose schema has no attemptPolicy) fails each test function.
        if (qEnvironmentVariableIsSet("PROCTOR_ATTEMPTS_ON_OLD_CODE"))
            definition.remove("attemptPolicy");
        QFile file(m_dir.filePath(definition.value("id").toString() + ".json"));
        file.open(QIODevice::WriteOnly);
        file.write(QJsonDocument(definition).toJson());
        file.close();
        return f->collector().run({QStringLiteral("import-test"), file.fileName()}) == 0;
    }

    // `from`: the client address the proxy (this test, trusted as one) reports; empty: the loopback peer.
    HttpResult start(const QJsonObject &body, const QByteArray &key = {}, const QByteArray &from = {})
    {
        HttpClient::Headers headers{{"X-API-Key", key.isEmpty() ? f->apiKey() : key}};
        if (!from.isEmpty())
            headers.append({"X-Forwarded-For", from});
        return f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(), headers);
    }

    // A new page key through the admin API: {key, id}.
    QPair<QByteArray, qint64> newPageKey(const QString &name)
    {
        const HttpResult created = f->http().send(
            "POST", f->url("/api/v1/apikeys"),
            QJsonDocument(QJsonObject{{"name", name}, {"scopes", QJsonArray{"tests:read", "sessions:write"}}})
                .toJson(),
            {{"Authorization", "Bearer " + m_admin}, {"Content-Type", "application/json"}}, 10000);
        return {created.json().value("key").toString().toLatin1(),
                qint64(created.json().value("id").toDouble())};
    }

    static QString freshFingerprint()
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(fresh().toLatin1(), QCryptographicHash::Sha256).toHex());
    }

    // Polls `sql` every half second (one connection each time) until it answers `expected` or `ms` pass;
    // the last answer.
    QString waitForScalar(const QString &sql, const QString &expected, int ms = 60000)
    {
        QElapsedTimer clock;
        clock.start();
        QString last = f->db().scalar(sql);
        while (last != expected && clock.elapsed() < ms) {
            QTest::qWait(500);
            last = f->db().scalar(sql);
        }
        return last;
    }

    // How many other sessions the stored burst factor of `sessionId` names (NULL: no such factor).
    static QString burstSql(const QString &sessionId)
    {
        return QStringLiteral(
                   "SELECT jsonb_array_length(detail->'relatedSessionIds') FROM session_risk_factors "
                   "WHERE session_id = '%1' AND reason_key = 'risk.attempt_burst'")
            .arg(sessionId);
    }

    static StartedSession session(const HttpResult &r)
    {
        const QJsonObject o = r.json();
        return StartedSession{o.value("sessionId").toString(), o.value("token").toString().toLatin1(),
                              o.value("test").toObject().value("questions").toArray()};
    }

    // `count` starts in flight at once over several connection pools: their statuses and bodies.
    QList<QPair<int, QJsonObject>> concurrentStarts(const QJsonObject &body, int count)
    {
        QList<QNetworkAccessManager *> nams;
        for (int i = 0; i < 8; ++i)
            nams.append(new QNetworkAccessManager(this));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest req(QUrl(f->url("/api/v1/sessions")));
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            req.setRawHeader("X-API-Key", f->apiKey());
            replies.append(nams[i % nams.size()]->post(req, QJsonDocument(body).toJson()));
        }
        QList<QPair<int, QJsonObject>> out;
        if (!QTest::qWaitFor(
                [&] {
                    return std::all_of(replies.begin(), replies.end(),
                                       [](auto *r) { return r->isFinished(); });
                },
                60000))
            return out;
        for (QNetworkReply *r : replies)
            out.append({r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        QJsonDocument::fromJson(r->readAll()).object()});
        qDeleteAll(nams);
        return out;
    }

    QString sessionCount(const QString &testId, const QString &status = {})
    {
        return f->db().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE test_id = '%1'%2")
                                  .arg(testId, status.isEmpty()
                                                   ? QString()
                                                   : QStringLiteral(" AND status = '%1'").arg(status)));
    }

private slots:
    void initTestCase()
    {
        // The test stands in for a proxy, so probes can come "from" many addresses (X-Forwarded-For).
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("attempts"), QMap<QString, QString>{{"PROCTOR_TRUSTED_PROXIES", "127.0.0.1/32"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY2(
            f->collector().run({QStringLiteral("import-test"), qEnvironmentVariable("PROCTOR_SOURCE_DIR") +
                                                                   "/db/seed/infosec-basics.json"}) == 0,
            f->collector().lastOutput().constData());
        QVERIFY(import(smallTest("limited", QJsonObject{{"maxAttempts", 2}})));
        QVERIFY(import(
            smallTest("cooldown", QJsonObject{{"maxAttempts", 5}, {"minSecondsBetweenAttempts", 3600}})));
        QVERIFY(import(smallTest("timed", QJsonObject{{"maxAttempts", 2}}, 600)));
        QVERIFY(import(smallTest("scored", QJsonObject{{"disclosure", "score"}})));
        QVERIFY(import(smallTest("reviewed", QJsonObject{{"maxAttempts", 1}, {"disclosure", "review"}})));
        QVERIFY(import(smallTest("edited", {})));
        QVERIFY(f->createAdmin("root@example.org", "admin", kPassword) > 0);
        m_admin = f->login("root@example.org", kPassword);
        QVERIFY(!m_admin.isEmpty());
    }

    // (a) The oracle: each probe answers one question with one option from a fresh identity and a fresh
    // fingerprint. Under passFail a right and a wrong probe get the same answer (ids and times aside), so
    // the key cannot be recovered however many probes are sent.
    void oneQuestionProbesRevealNothing()
    {
        QFile seed(qEnvironmentVariable("PROCTOR_SOURCE_DIR") + "/db/seed/infosec-basics.json");
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QHash<QString, QString> key, wrong;
        for (const auto &v : QJsonDocument::fromJson(seed.readAll()).object().value("questions").toArray()) {
            const QJsonObject q = v.toObject();
            key.insert(q.value("id").toString(), q.value("correct").toArray().first().toString());
            for (const auto &o : q.value("options").toArray())
                if (!q.value("correct").toArray().contains(o.toObject().value("id")))
                    wrong.insert(q.value("id").toString(), o.toObject().value("id").toString());
        }
        QSet<QString> probedRight, probedWrong;
        QSet<QByteArray> bodies;
        int requests = 0;
        int limitedAt = -1;
        while ((probedRight.size() < key.size() || probedWrong.size() < key.size()) && requests < 2000) {
            const HttpResult started = start(startBody(
                "infosec-basics", "Зонд" + fresh().left(8), fresh(),
                QString::fromLatin1(
                    QCryptographicHash::hash(fresh().toLatin1(), QCryptographicHash::Sha256).toHex())));
            ++requests;
            if (started.status == 429) {
                limitedAt = requests;
                break;
            }
            QCOMPARE(started.status, 201);
            const StartedSession s = session(started);
            QString qid, option;
            for (const auto &v : s.questions) {
                const QString id = v.toObject().value("id").toString();
                if (!probedRight.contains(id)) {
                    qid = id, option = key.value(id);
                    probedRight.insert(id);
                    break;
                }
                if (!probedWrong.contains(id)) {
                    qid = id, option = wrong.value(id);
                    probedWrong.insert(id);
                    break;
                }
            }
            if (qid.isEmpty())
                qid = s.questions.first().toObject().value("id").toString(), option = key.value(qid);
            const HttpResult r = f->postResult(
                s, QJsonArray{QJsonObject{{"questionId", qid}, {"optionIds", QJsonArray{option}}}});
            ++requests;
            if (r.status == 429) {
                limitedAt = requests;
                break;
            }
            QCOMPARE(r.status, 201);
            QJsonObject o = r.json();
            for (const char *leak : {"score", "correct", "total", "grade", "wrongQuestions"})
                QVERIFY2(!o.contains(leak), leak);
            QCOMPARE(o.value("passed").toBool(), false);
            o.remove("sessionId");
            o.remove("finishedAt");
            bodies.insert(QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        // Every probe, right or wrong, got one and the same answer: nothing per question to learn.
        QCOMPARE(bodies.size(), 1);
        qInfo("oracle: %d requests, %d/%d questions probed right and wrong, stopped by a limit at %d",
              requests, int(probedRight.size()), int(probedWrong.size()), limitedAt);

        // ... and the probing is flagged: every probe session ends up with the stored factor for many short
        // or near-empty attempts from one address, naming the others (the assessment follows the data
        // within seconds, off the request path).
        const QString probes = QStringLiteral(
            "FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE c.last_name LIKE 'Зонд%'");
        const int total = f->db().scalar("SELECT count(*) " + probes).toInt();
        QVERIFY(total >= 5);
        const QString flagged = "SELECT count(*) " + probes +
                                " AND EXISTS (SELECT 1 FROM session_risk_factors r WHERE r.session_id = s.id "
                                "AND r.reason_key = 'risk.attempt_burst' "
                                "AND jsonb_array_length(r.detail->'relatedSessionIds') >= 4) "
                                "AND s.risk_level >= 1";
        QTRY_COMPARE_WITH_TIMEOUT(f->db().scalar(flagged).toInt(), total, 60000);
    }

    // (a') The same oracle, with a fresh address and a fresh device for every probe: only the page key ties
    // the probes together, and it is enough to flag them (the key side needs 20 such attempts by default,
    // as one key usually serves every candidate of a deployment).
    void probesFromManyAddressesOneKeyAreFlagged()
    {
        const auto [key, keyId] = newPageKey(QStringLiteral("rotating"));
        QVERIFY(!key.isEmpty());
        constexpr int kProbes = 20;
        QStringList ids;
        for (int i = 0; i < kProbes; ++i) {
            const HttpResult started =
                start(startBody("scored", "Ротатор" + fresh().left(8), fresh(), freshFingerprint()), key,
                      QByteArray("198.51.100.") + QByteArray::number(i + 1));
            QCOMPARE(started.status, 201);
            const StartedSession s = session(started);
            const QString qid = s.questions.first().toObject().value("id").toString();
            QCOMPARE(
                f->postResult(s, QJsonArray{QJsonObject{{"questionId", qid}, {"optionIds", QJsonArray{"a"}}}})
                    .status,
                201);
            ids.append(s.id);
        }
        const QString probes = QStringLiteral("FROM sessions WHERE id IN ('%1')").arg(ids.join("','"));
        // Recorded as the key's, each from its own address and device.
        QCOMPARE(f->db().scalar("SELECT count(DISTINCT api_key_id) || ' ' || min(api_key_id) || ' ' || "
                                "count(DISTINCT client_ip) || ' ' || count(DISTINCT fingerprint_hash) " +
                                probes),
                 QStringLiteral("1 %1 %2 %2").arg(keyId).arg(kProbes));
        // Every probe is flagged, naming the other probes of the key.
        QCOMPARE(
            waitForScalar("SELECT count(*) " + probes +
                              " AND risk_level >= 1 AND EXISTS (SELECT 1 FROM session_risk_factors r WHERE "
                              "r.session_id = sessions.id AND r.reason_key = 'risk.attempt_burst' AND "
                              "jsonb_array_length(r.detail->'relatedSessionIds') = " +
                              QString::number(kProbes - 1) + ")",
                          QString::number(kProbes)),
            QString::number(kProbes));
    }

    void scoreAndReviewDiscloseWhatThePolicySays()
    {
        StartedSession s = session(start(startBody("scored", "Счётов", fresh())));
        HttpResult r = f->postResult(s, HotPathFixture::answers(s, 2));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("score").toInt(), 50);
        QVERIFY(!r.json().contains("correct") && !r.json().contains("total") && !r.json().contains("grade"));
        QCOMPARE(r.json().value("attemptsLeft").toInt(), 2);

        s = session(start(startBody("reviewed", "Обзоров", fresh())));
        r = f->postResult(s, HotPathFixture::answers(s, 3));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("attemptsLeft").toInt(), 0);
        const QJsonArray wrongQuestions = r.json().value("wrongQuestions").toArray();
        QCOMPARE(wrongQuestions.size(), 1);
        QCOMPARE(wrongQuestions.first().toObject().value("id").toString(),
                 s.questions.last().toObject().value("id").toString());
        QVERIFY(!QJsonDocument(r.json()).toJson().contains("\"correct\""));
        // The replay follows the same policy, byte for byte apart from nothing.
        const HttpResult replay = f->postResult(s, HotPathFixture::answers(s, 4));
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.json(), r.json());
    }

    // (b) A second start resumes the unfinished attempt.
    void aSecondStartResumesTheAttempt()
    {
        const QJsonObject body = startBody("limited", "Возвратов", fresh());
        const HttpResult first = start(body);
        QCOMPARE(first.status, 201);
        const StartedSession a = session(first);
        const QString q1 = a.questions.first().toObject().value("id").toString();
        QCOMPARE(f->postEvents(a, QJsonArray{HotPathFixture::event(0, "answer_changed",
                                                                   QJsonObject{{"questionId", q1},
                                                                               {"from", QJsonArray{}},
                                                                               {"to", QJsonArray{"b"}}})})
                     .status,
                 200);
        QTest::qWait(1100);
        const HttpResult second = start(body);
        QCOMPARE(second.status, 200);
        const StartedSession b = session(second);
        QCOMPARE(second.json().value("resumed").toBool(), true);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.questions, a.questions);
        QCOMPARE(second.json().value("startedAt"), first.json().value("startedAt"));
        QVERIFY(b.token != a.token);
        QCOMPARE(second.json().value("answers").toArray(),
                 (QJsonArray{QJsonObject{{"questionId", q1}, {"optionIds", QJsonArray{"b"}}}}));
        QCOMPARE(sessionCount("limited"), QStringLiteral("1"));
        // Both tokens are the same session's: the new one works, and the old one too (same candidate).
        QCOMPARE(f->postEvents(b, QJsonArray{HotPathFixture::event(1)}).status, 200);
        QCOMPARE(f->postEvents(a, QJsonArray{HotPathFixture::event(2)}).status, 200);
        QCOMPARE(f->postResult(b, HotPathFixture::answers(b, 4)).status, 201);
        f->db().scalar(
            "WITH d AS (DELETE FROM sessions WHERE test_id = 'limited' RETURNING 1) SELECT count(*) FROM d");
    }

    // (c) 20 concurrent starts of one candidate: one attempt, resumed by all; the limit and the cooldown
    // create exactly the allowed number of sessions.
    void attemptLimitHoldsUnderConcurrentStarts()
    {
        const QJsonObject body = startBody("limited", "Параллелев", fresh());
        for (int round = 1; round <= 2; ++round) {
            const auto answers = concurrentStarts(body, 20);
            QCOMPARE(answers.size(), 20);
            QSet<QString> ids;
            int created = 0;
            for (const auto &a : answers) {
                QVERIFY2(a.first == 201 || a.first == 200, qPrintable(QString::number(a.first)));
                created += a.first == 201;
                ids.insert(a.second.value("sessionId").toString());
            }
            QCOMPARE(created, 1);
            QCOMPARE(ids.size(), 1);
            QCOMPARE(sessionCount("limited"), QString::number(round));
            const HttpResult any = start(body);
            const StartedSession s = session(any);
            const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 0));
            QCOMPARE(result.status, 201);
            QCOMPARE(result.json().value("attemptsUsed").toInt(), round);
            QCOMPARE(result.json().value("attemptsLeft").toInt(), 2 - round);
        }
        for (const auto &a : concurrentStarts(body, 20)) {
            QCOMPARE(a.first, 409);
            QCOMPARE(a.second.value("error").toObject().value("code").toString(),
                     QStringLiteral("attempts_exhausted"));
        }
        QCOMPARE(sessionCount("limited"), QStringLiteral("2"));
    }

    void cooldownHoldsUnderConcurrentStarts()
    {
        const QJsonObject body = startBody("cooldown", "Паузов", fresh());
        const StartedSession s = session(start(body));
        const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 0));
        QCOMPARE(result.status, 201);
        QVERIFY(!result.json().value("nextAttemptAt").toString().isEmpty());
        for (const auto &a : concurrentStarts(body, 20)) {
            QCOMPARE(a.first, 429);
            QCOMPARE(a.second.value("error").toObject().value("code").toString(),
                     QStringLiteral("attempt_cooldown"));
        }
        const HttpResult r = start(body);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 3500);
        QCOMPARE(sessionCount("cooldown"), QStringLiteral("1"));
    }

    // (d) An unfinished attempt whose time ran out is closed and counted.
    void anOverdueAttemptIsClosedAndCounted()
    {
        const QJsonObject body = startBody("timed", "Просроченов", fresh());
        const StartedSession first = session(start(body));
        QVERIFY(!first.id.isEmpty());
        // Started 20 minutes ago: the 10-minute limit and the grace are over.
        f->db().scalar(
            QStringLiteral("WITH u AS (UPDATE sessions SET started_at = now() - interval '20 minutes' "
                           "WHERE id = '%1' RETURNING 1) SELECT count(*) FROM u")
                .arg(first.id));
        const HttpResult second = start(body);
        QCOMPARE(second.status, 201);
        QVERIFY(session(second).id != first.id);
        QCOMPARE(second.json().value("attemptsUsed").toInt(), 1);
        QCOMPARE(second.json().value("attemptsLeft").toInt(), 0);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(first.id)),
                 QStringLiteral("expired"));
        // Too late to submit the closed one.
        QCOMPARE(f->postResult(first, HotPathFixture::answers(first, 4)).status, 409);
        const HttpResult done = f->postResult(session(second), HotPathFixture::answers(session(second), 0));
        QCOMPARE(done.json().value("attemptsUsed").toInt(), 2);
        QCOMPARE(start(body).status, 409);
    }

    // (d') Closing an overdue attempt queues its re-assessment, as a result does: the closed, near-empty
    // attempt joins the burst of short attempts from its address.
    void anExpiredAttemptIsReassessed()
    {
        // A page key of its own, so only the address ties these attempts together.
        const QByteArray key = newPageKey(QStringLiteral("office")).first;
        const QByteArray from = "203.0.113.77";
        QStringList probes;
        for (int i = 0; i < 4; ++i) {
            const StartedSession s = session(start(
                startBody("scored", "Бросов" + fresh().left(8), fresh(), freshFingerprint()), key, from));
            QVERIFY(!s.id.isEmpty());
            QCOMPARE(f->postResult(s, HotPathFixture::answers(s, 0)).status, 201);
            probes.append(s.id);
        }
        const QJsonObject body = startBody("timed", "Истёков", fresh(), freshFingerprint());
        const StartedSession open = session(start(body, key, from));
        QVERIFY(!open.id.isEmpty());
        QCOMPARE(f->postEvents(open, QJsonArray{HotPathFixture::event(0)}).status, 200);
        // Assessed while open: an unfinished attempt is not judged for the burst.
        const QString assessed =
            QStringLiteral("SELECT assessed_at IS NOT NULL FROM sessions WHERE id = '%1'").arg(open.id);
        QCOMPARE(waitForScalar(assessed, QStringLiteral("t"), 30000), QStringLiteral("t"));
        QCOMPARE(f->db().scalar(burstSql(open.id)), QString());
        // Its time runs out; the candidate's next start closes it (the periodic sweep does the same).
        f->db().scalar(
            QStringLiteral("WITH u AS (UPDATE sessions SET started_at = now() - interval '20 minutes' "
                           "WHERE id = '%1' RETURNING 1) SELECT count(*) FROM u")
                .arg(open.id));
        QCOMPARE(start(body, key, from).status, 201);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(open.id)),
                 QStringLiteral("expired"));
        // The stored assessment follows: the closed attempt now counts with the four short ones.
        QCOMPARE(waitForScalar(burstSql(open.id), QStringLiteral("4"), 30000), QStringLiteral("4"));
        // ... and the others name it in turn (their relation changed).
        const QString naming = QStringLiteral("SELECT count(*) FROM session_risk_factors WHERE reason_key = "
                                              "'risk.attempt_burst' AND detail->'relatedSessionIds' ? '%1' "
                                              "AND session_id IN ('%2')")
                                   .arg(open.id, probes.join(QStringLiteral("','")));
        QCOMPARE(waitForScalar(naming, QStringLiteral("4"), 30000), QStringLiteral("4"));
    }

    void anAdminEditsThePolicy()
    {
        const HttpClient::Headers admin{{"Authorization", "Bearer " + m_admin},
                                        {"Content-Type", "application/json"}};
        auto put = [&](const QByteArray &body, const QString &test = QStringLiteral("edited")) {
            return f->http().send("PUT", f->url(QStringLiteral("/api/v1/tests/%1/attempt-policy").arg(test)),
                                  body, admin, 10000);
        };
        QCOMPARE(put(R"({"maxAttempts":0})").status, 400);
        QCOMPARE(put(R"({"maxAttempts":0})").json().value("error").toObject().value("field").toString(),
                 QStringLiteral("/maxAttempts"));
        QCOMPARE(put(R"({"disclosure":"everything"})").status, 400);
        QCOMPARE(put(R"({"maxAttempts":1})", QStringLiteral("nosuch")).status, 404);
        const HttpResult r = put(R"({"maxAttempts":1,"disclosure":"score"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("maxAttempts").toInt(), 1);
        QCOMPARE(
            f->db().scalar(
                "SELECT count(*) FROM audit_log WHERE action = 'test.policy' AND target = 'test:edited'"),
            QStringLiteral("1"));
        // Applied at once: one attempt, and the score is disclosed.
        const QJsonObject body = startBody("edited", "Правкин", fresh());
        const StartedSession s = session(start(body));
        const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 2));
        QCOMPARE(result.json().value("score").toInt(), 50);
        QCOMPARE(result.json().value("attemptsLeft").toInt(), 0);
        QCOMPARE(start(body).status, 409);
        // A proctor may not.
        QVERIFY(f->createAdmin("proctor@example.org", "proctor", kPassword) > 0);
        const QByteArray proctor = f->login("proctor@example.org", kPassword);
        QCOMPARE(f->http()
                     .send("PUT", f->url("/api/v1/tests/edited/attempt-policy"), R"({"maxAttempts":5})",
                           {{"Authorization", "Bearer " + proctor}, {"Content-Type", "application/json"}},
                           10000)
                     .status,
                 403);
    }

    // (e) Revoking a page key refuses its sessions' tokens at once.
    void revokedKeysTokensAreRefused()
    {
        const HttpClient::Headers admin{{"Authorization", "Bearer " + m_admin},
                                        {"Content-Type", "application/json"}};
        const HttpResult created =
            f->http().send("POST", f->url("/api/v1/apikeys"),
                           R"({"name":"kiosk","scopes":["tests:read","sessions:write"]})", admin, 10000);
        QCOMPARE(created.status, 201);
        const QByteArray key = created.json().value("key").toString().toLatin1();
        const qint64 id = qint64(created.json().value("id").toDouble());
        QVERIFY(!key.isEmpty());
        const StartedSession s = session(start(startBody("scored", "Отозванов", fresh()), key));
        QVERIFY(!s.id.isEmpty());
        QCOMPARE(f->postEvents(s, QJsonArray{HotPathFixture::event(0)}).status, 200);
        QCOMPARE(f->http()
                     .send("DELETE", f->url(QStringLiteral("/api/v1/apikeys/%1").arg(id)), {}, admin, 10000)
                     .status,
                 204);
        QCOMPARE(f->postEvents(s, QJsonArray{HotPathFixture::event(1)}).status, 401);
        const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 4));
        QCOMPARE(result.status, 401);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(s.id)),
                 QStringLiteral("in_progress"));
    }

    void cleanupTestCase() { f.reset(); }
};

QTEST_MAIN(TestAttempts)
#include "tst_attempts.moc"
