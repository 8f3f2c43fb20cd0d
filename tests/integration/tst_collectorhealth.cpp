// SPDX-License-Identifier: MIT
// The real collector binary on an ephemeral port: readiness follows its dependencies, metrics parse as
// Prometheus text, request ids are kept or made, and a bad configuration stops start-up naming the variable.
#include <QRegularExpression>
#include <QtTest>

#include "collectorprocess.h"
#include "httpclient.h"
#include "redisserver.h"
#include "testdatabase.h"

using namespace Proctor::Testing;

class TestCollectorHealth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<RedisServer> m_redis;
    std::unique_ptr<CollectorProcess> m_collector;
    std::unique_ptr<CollectorProcess> m_scraped; // with PROCTOR_METRICS_TOKEN, started by metricsScrapeToken
    HttpClient m_http;

    QString url(const char *path) const { return m_collector->baseUrl() + QLatin1String(path); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!CollectorProcess::binary().isEmpty(), "PROCTOR_COLLECTOR_BIN not set");
        m_db = std::make_unique<TestDatabase>(QStringLiteral("health"));
        QVERIFY2(m_db->error().isEmpty(), qPrintable(m_db->error()));
        m_redis = std::make_unique<RedisServer>();
        QVERIFY(m_redis->start());
        m_collector = std::make_unique<CollectorProcess>(
            QMap<QString, QString>{{QStringLiteral("PROCTOR_DATABASE_URL"), m_db->url()},
                                   {QStringLiteral("PROCTOR_REDIS_URL"), m_redis->url()}});
        QCOMPARE(m_collector->run({QStringLiteral("migrate")}), 0);
        QVERIFY2(m_collector->start(), m_collector->log().constData());
    }

    void healthzAnswers()
    {
        const HttpResult r = m_http.get(url("/healthz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("ok"));
    }

    void readyWhenBothDependenciesAnswer()
    {
        const HttpResult r = m_http.get(url("/readyz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("postgres").toString(), QStringLiteral("ok"));
        QCOMPARE(r.json().value("redis").toString(), QStringLiteral("ok"));
    }

    void notReadyNamingRedisWhenItStops()
    {
        m_redis->stop();
        HttpResult r;
        for (int i = 0; i < 50 && r.status != 503; ++i) {
            r = m_http.get(url("/readyz"));
            if (r.status != 503)
                QTest::qWait(100);
        }
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value("redis").toString(), QStringLiteral("down"));
        QCOMPARE(r.json().value("postgres").toString(), QStringLiteral("ok"));
        QVERIFY(!r.header("Retry-After").isEmpty());

        // And ready again once Redis is back: the client reconnects by itself.
        QVERIFY(m_redis->start());
        for (int i = 0; i < 100 && r.status != 200; ++i) {
            QTest::qWait(100);
            r = m_http.get(url("/readyz"));
        }
        QCOMPARE(r.status, 200);
    }

    void readinessReusesItsDatabaseConnection()
    {
        QCOMPARE(m_http.get(url("/readyz")).status, 200); // the first check opens the connection
        // Sessions ever opened on the collector's database (this query's own connection counts too).
        auto sessions = [this] {
            return m_db
                ->scalar(QStringLiteral(
                    "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"))
                .toLongLong();
        };
        const qint64 before = sessions();
        // Longer than a second, so the status is refreshed at least once on the way.
        for (int i = 0; i < 30; ++i) {
            const HttpResult r = m_http.get(url("/readyz"));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value("postgres").toString(), QStringLiteral("ok"));
            QTest::qWait(50);
        }
        const qint64 opened = sessions() - before;
        QVERIFY2(opened <= 2,
                 qPrintable(QStringLiteral("%1 new sessions for 30 readiness checks").arg(opened)));
    }

    void metricsScrapeToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        const QByteArray token = "scrape-token-0123456789";
        QTest::newRow("the token") << "Bearer " + token << 200;
        QTest::newRow("no header") << QByteArray() << 401;
        QTest::newRow("another token of the same length") << "Bearer " + QByteArray(token.size(), 'x') << 401;
        QTest::newRow("a prefix of the token") << "Bearer " + token.left(token.size() - 1) << 401;
        QTest::newRow("the token and more") << "Bearer " + token + "0" << 401;
        QTest::newRow("the token without the scheme") << token << 401;
        QTest::newRow("another scheme") << "Basic " + token << 401;
    }
    void metricsScrapeToken()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        if (!m_scraped) {
            m_scraped = std::make_unique<CollectorProcess>(QMap<QString, QString>{
                {QStringLiteral("PROCTOR_DATABASE_URL"), m_db->url()},
                {QStringLiteral("PROCTOR_REDIS_URL"), m_redis->url()},
                {QStringLiteral("PROCTOR_METRICS_TOKEN"), QStringLiteral("scrape-token-0123456789")}});
            QVERIFY2(m_scraped->start(), m_scraped->log().constData());
        }
        HttpClient::Headers headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r = m_http.get(m_scraped->baseUrl() + QStringLiteral("/metrics"), headers);
        QCOMPARE(r.status, status);
        if (status == 200)
            QVERIFY(r.body.contains("proctor_build_info{"));
        else
            QCOMPARE(r.errorCode(), QStringLiteral("missing_token"));
    }

    void metricsAreValidPrometheusText()
    {
        m_http.get(url("/healthz"));
        const HttpResult r = m_http.get(url("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        // Every line is a comment (# HELP / # TYPE) or `name{labels} value`.
        static const QRegularExpression sample(QStringLiteral(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*\\})? "
            "(-?[0-9.eE+-]+|NaN|[+-]Inf)$"));
        int samples = 0;
        for (const QByteArray &line : r.body.split('\n')) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                continue;
            QVERIFY2(sample.match(QString::fromUtf8(line)).hasMatch(), line.constData());
            ++samples;
        }
        QVERIFY(samples > 0);
        QVERIFY(
            r.body.contains("proctor_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"));
        QVERIFY(r.body.contains("proctor_http_request_duration_seconds_bucket"));
        QVERIFY(r.body.contains("proctor_build_info{"));
    }

    void requestIdIsKeptOrMade()
    {
        HttpResult r = m_http.get(url("/healthz"), {{"X-Request-Id", "trace-42"}});
        QCOMPARE(r.header("X-Request-Id"), QByteArray("trace-42"));
        r = m_http.get(url("/healthz"), {{"X-Request-Id", "bad id with spaces"}});
        QVERIFY(!r.header("X-Request-Id").isEmpty());
        QVERIFY(r.header("X-Request-Id") != "bad id with spaces");
    }

    void unknownRouteIsJson404()
    {
        const HttpResult r = m_http.get(url("/api/v1/nothing-here"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    }

    void oversizedBodyIs413()
    {
        const HttpResult r = m_http.post(url("/healthz"), QByteArray(9 * 1024 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    }

    void badConfigurationStopsStartNamingTheVariable()
    {
        CollectorProcess bad({{QStringLiteral("PROCTOR_DATABASE_URL"), m_db->url()},
                              {QStringLiteral("PROCTOR_REDIS_URL"), m_redis->url()},
                              {QStringLiteral("PROCTOR_MAX_BODY_BYTES"), QStringLiteral("lots")}});
        QCOMPARE(bad.run({QStringLiteral("serve")}), 2);
        QVERIFY2(bad.lastOutput().contains("PROCTOR_MAX_BODY_BYTES"), bad.lastOutput().constData());
    }

    void cleanupTestCase()
    {
        if (m_scraped)
            m_scraped->stop();
        if (m_collector)
            m_collector->stop();
    }
};

QTEST_GUILESS_MAIN(TestCollectorHealth)
#include "tst_collectorhealth.moc"
