// SPDX-License-Identifier: MIT
// Faults injected under load, on loopback: PostgreSQL restarted, Redis stopped, the database made slow.
// What must hold: nothing acknowledged that is not committed, no event stored twice after client retries,
// 503 with Retry-After while a dependency is missing, recovery within seconds, memory bounded.
#include <QtTest>

#include "collectorprocess.h"
#include "httpclient.h"
#include "loaddriver.h"
#include "postgresserver.h"
#include "processstats.h"
#include "redisserver.h"
#include "testdatabase.h"

#include <pqxx/pqxx>

using namespace Proctor::Testing;

namespace {

struct Stack
{
    std::unique_ptr<CollectorProcess> collector;
    QByteArray apiKey;
    QString sessionId;
    QByteArray token;
    QString error;
};

// Migrates `databaseUrl`, imports a sample test, creates a page key, starts the collector and one session.
Stack startStack(const QString &databaseUrl, const QString &redisUrl, QMap<QString, QString> env = {})
{
    Stack s;
    env.insert(QStringLiteral("PROCTOR_DATABASE_URL"), databaseUrl);
    env.insert(QStringLiteral("PROCTOR_REDIS_URL"), redisUrl);
    // Sixteen clients on one address post as fast as the collector answers; the limits are not under test.
    env.insert(QStringLiteral("PROCTOR_RATE_LIMIT_PER_ADDRESS"), QStringLiteral("100000000"));
    env.insert(QStringLiteral("PROCTOR_RATE_LIMIT_PER_KEY"), QStringLiteral("100000000"));
    s.collector = std::make_unique<CollectorProcess>(env);
    const QString seed =
        qEnvironmentVariable("PROCTOR_SOURCE_DIR") + QStringLiteral("/db/seed/infosec-basics.json");
    if (s.collector->run({"migrate"}) != 0 || s.collector->run({"import-test", seed}) != 0 ||
        s.collector->run({"create-apikey", "--name", "page", "--scopes", "tests:read,sessions:write"}) != 0) {
        s.error = QString::fromUtf8(s.collector->lastOutput());
        return s;
    }
    s.apiKey = s.collector->lastStdout().trimmed();
    if (!s.collector->start()) {
        s.error = QString::fromUtf8(s.collector->log());
        return s;
    }
    HttpClient http;
    const HttpResult r = http.post(s.collector->baseUrl() + "/api/v1/sessions",
                                   R"({"testId":"infosec-basics","kind":"test","locale":"ru",
        "candidate":{"lastName":"Отказов","firstName":"Тест","position":"Консультант"},"persistentId":"fa017e57-0000-4000-8000-000000000001",
        "fingerprint":{"privacySafeHash":"0000000000000000000000000000000000000000000000000000000000000000","attributes":{}}})",
                                   {{"X-API-Key", s.apiKey}});
    if (r.status != 201) {
        s.error = QStringLiteral("session start: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body));
        return s;
    }
    s.sessionId = r.json().value("sessionId").toString();
    s.token = r.json().value("token").toString().toLatin1();
    return s;
}

QString countQuery(const QString &sessionId, const QStringList &ids)
{
    QStringList quoted;
    for (const QString &id : ids)
        quoted.append(QLatin1Char('\'') + id + QLatin1Char('\''));
    return QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1' AND event_id IN (%2)")
        .arg(sessionId, quoted.join(QLatin1Char(',')));
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void postgresRestartUnderLoad()
    {
        PostgresServer pg;
        QVERIFY2(pg.start(), qPrintable(pg.error()));
        Stack s = startStack(pg.url(), qEnvironmentVariable("PROCTOR_TEST_REDIS_URL"));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));

        LoadDriver load(s.collector->baseUrl(), s.sessionId, s.token, 16, 10);
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.acknowledgedEventIds().size() >= 500, 30000);

        QVERIFY2(pg.stop(true), qPrintable(pg.error())); // as abrupt as a crash
        QTest::qWait(1500);
        const int acksDuringOutageStart = load.acknowledgedEventIds().size();
        QTest::qWait(1500);
        // While the database is away nothing is acknowledged (it could not have been committed).
        QCOMPARE(load.acknowledgedEventIds().size(), acksDuringOutageStart);
        QVERIFY(load.statuses().value(503) > 0);
        HttpClient http;
        const HttpResult ready = http.get(s.collector->baseUrl() + "/readyz");
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.json().value("postgres").toString(), QStringLiteral("down"));

        QVERIFY2(pg.start(), qPrintable(pg.error()));
        const qint64 back = LoadDriver::now();
        QTRY_VERIFY_WITH_TIMEOUT(load.lastSuccessMs() > back, 10000);
        const qint64 recoveryMs = load.lastSuccessMs() - back;
        qInfo("recovered %lld ms after PostgreSQL returned; statuses %s", recoveryMs,
              qPrintable(QDebug::toString(load.statuses())));
        QVERIFY2(recoveryMs < 5000, qPrintable(QString::number(recoveryMs)));

        QVERIFY(load.drain(30000));
        QCOMPARE(load.statuses().value(500), 0);
        QVERIFY(!load.sawMissingRetryAfter());
        const QStringList acked = load.acknowledgedEventIds();
        pqxx::connection c(pg.url().toStdString());
        pqxx::nontransaction tx(c);
        QCOMPARE(tx.exec1(countQuery(s.sessionId, acked).toStdString())[0].as<int>(), acked.size());
        // Every batch was retried until acknowledged: all made, each stored once.
        const auto totals =
            tx.exec1("SELECT count(*), count(DISTINCT event_id) FROM events WHERE session_id = '" +
                     s.sessionId.toStdString() + "'");
        QCOMPARE(totals[0].as<int>(), load.eventsMade());
        QCOMPARE(totals[1].as<int>(), load.eventsMade());
    }

    void redisOutageKeepsIngestGoing()
    {
        TestDatabase db(QStringLiteral("fault_redis"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        RedisServer redis;
        QVERIFY(redis.start());
        Stack s = startStack(db.url(), redis.url());
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        HttpClient http;
        const QString base = s.collector->baseUrl();

        redis.stop();
        HttpResult ready;
        QTRY_VERIFY_WITH_TIMEOUT((ready = http.get(base + "/readyz")).status == 503, 5000);
        QCOMPARE(ready.json().value("status").toString(), QStringLiteral("degraded"));
        QCOMPARE(ready.json().value("redis").toString(), QStringLiteral("down"));

        // Ingest goes on: keys come from PostgreSQL, rate limits are per process.
        LoadDriver load(base, s.sessionId, s.token, 4, 10);
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.acknowledgedEventIds().size() >= 200, 20000);
        QCOMPARE(http.get(base + "/api/v1/tests", {{"X-API-Key", s.apiKey}}).status, 200);
        QCOMPARE(http.get(base + "/api/v1/tests", {{"X-API-Key", "pk_unknown"}}).status, 401);

        QVERIFY(redis.start());
        QTRY_COMPARE_WITH_TIMEOUT(http.get(base + "/readyz").status, 200, 10000);
        QVERIFY(load.drain(20000));
        QCOMPARE(load.statuses().value(500), 0);
        QCOMPARE(load.statuses().value(503), 0);
        QCOMPARE(db.scalar(countQuery(s.sessionId, load.acknowledgedEventIds())).toInt(),
                 load.acknowledgedEventIds().size());
    }

    void slowDatabaseGetsBackpressureNotUnboundedMemory()
    {
        TestDatabase db(QStringLiteral("fault_slow"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        Stack s = startStack(db.url(), qEnvironmentVariable("PROCTOR_TEST_REDIS_URL"),
                             {{QStringLiteral("PROCTOR_EVENT_QUEUE_MAX_ROWS"), QStringLiteral("2000")}});
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const qint64 rssBefore = residentKb(s.collector->pid());

        // Hold a lock that blocks every insert into events: the database stops taking rows.
        pqxx::connection blocker(db.url().toStdString());
        pqxx::work lock(blocker);
        lock.exec("LOCK TABLE events IN ACCESS EXCLUSIVE MODE");

        LoadDriver load(s.collector->baseUrl(), s.sessionId, s.token, 32, 100);
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.statuses().value(503) >= 50, 20000);
        QCOMPARE(load.acknowledgedEventIds().size(), 0);
        const qint64 rssDuring = residentKb(s.collector->pid());
        qInfo("RSS before %lld kB, with the queue full %lld kB", rssBefore, rssDuring);
#ifndef PROCTOR_SANITIZED_COLLECTOR
        QVERIFY2(rssDuring - rssBefore < 100 * 1024, "memory grew by more than 100 MB with a bounded queue");
#endif

        lock.abort(); // the database takes rows again
        QTRY_VERIFY_WITH_TIMEOUT(load.acknowledgedEventIds().size() >= 2000, 30000);
        QVERIFY(load.drain(30000));
        QCOMPARE(load.statuses().value(500), 0);
        QVERIFY(!load.sawMissingRetryAfter());
        QCOMPARE(
            db.scalar(
                QStringLiteral(
                    "SELECT count(*) || '/' || count(DISTINCT event_id) FROM events WHERE session_id = '%1'")
                    .arg(s.sessionId)),
            QStringLiteral("%1/%1").arg(load.eventsMade()));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
