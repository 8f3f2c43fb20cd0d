// SPDX-License-Identifier: MIT
// Durability and limits of ingest: every acknowledged event survives SIGKILL of the collector, client retries
// after the restart store nothing twice, and rate limits answer 429 with Retry-After.
#include <QNetworkReply>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

class TestIngestDurability : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedEventsSurviveSigkill()
    {
        HotPathFixture f(QStringLiteral("durable"));
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        const StartedSession s = f.startSession();
        QVERIFY(!s.id.isEmpty());

        // Many batches in flight at once; kill the collector while they are being committed.
        constexpr int kBatches = 300;
        constexpr int kPerBatch = 20;
        QList<QJsonArray> batches;
        for (int b = 0; b < kBatches; ++b) {
            QJsonArray events;
            for (int i = 0; i < kPerBatch; ++i)
                events.append(HotPathFixture::event(b * kPerBatch + i));
            batches.append(events);
        }
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        auto send = [&](const QJsonArray &events) {
            QNetworkRequest req(QUrl(f.url(QStringLiteral("/api/v1/events"))));
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            req.setRawHeader("X-Session-Token", s.token);
            return nam.post(req,
                            QJsonDocument(QJsonObject{{"sessionId", s.id}, {"events", events}}).toJson());
        };
        for (const QJsonArray &b : batches)
            replies.append(send(b));
        // Wait until some, not all, are acknowledged, then SIGKILL.
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(replies.begin(), replies.end(),
                                               [](QNetworkReply *r) { return r->isFinished(); }) >= 20,
                                 30000);
        f.collector().kill();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
            30000);

        QStringList acknowledged;
        int acknowledgedBatches = 0;
        for (int b = 0; b < kBatches; ++b) {
            if (replies[b]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                continue;
            ++acknowledgedBatches;
            for (const auto &e : batches[b])
                acknowledged.append(QLatin1Char('\'') + e.toObject().value("eventId").toString() +
                                    QLatin1Char('\''));
        }
        QVERIFY2(acknowledgedBatches > 0 && acknowledgedBatches < kBatches,
                 qPrintable(QStringLiteral("%1 of %2 batches acknowledged before the kill")
                                .arg(acknowledgedBatches)
                                .arg(kBatches)));
        const QString present = f.db().scalar(
            QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1' AND event_id IN (%2)")
                .arg(s.id, acknowledged.join(QLatin1Char(','))));
        QCOMPARE(present.toInt(), acknowledged.size());

        // The clients retry everything after the restart: all stored, nothing twice.
        QVERIFY2(f.collector().start(), f.collector().log().constData());
        int accepted = 0, duplicates = 0;
        for (const QJsonArray &b : batches) {
            const HttpResult r = f.postEvents(s, b);
            QCOMPARE(r.status, 200);
            accepted += r.json().value("accepted").toInt();
            duplicates += r.json().value("duplicates").toInt();
        }
        QCOMPARE(accepted + duplicates, kBatches * kPerBatch);
        QVERIFY(duplicates >= acknowledged.size());
        QCOMPARE(
            f.db().scalar(
                QStringLiteral(
                    "SELECT count(*) || '/' || count(DISTINCT event_id) FROM events WHERE session_id = '%1'")
                    .arg(s.id)),
            QStringLiteral("%1/%1").arg(kBatches * kPerBatch));
        qDeleteAll(replies);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        HotPathFixture f(QStringLiteral("ratelimit"),
                         {{QStringLiteral("PROCTOR_RATE_LIMIT_PER_ADDRESS"), QStringLiteral("5")}});
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        int ok = 0;
        HttpResult last;
        for (int i = 0; i < 8; ++i) {
            last = f.http().get(f.url("/api/v1/tests"), {{"X-API-Key", f.apiKey()}});
            if (last.status == 200)
                ++ok;
            else
                break;
        }
        QCOMPARE(ok, 5);
        QCOMPARE(last.status, 429);
        QCOMPARE(last.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = last.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, last.header("Retry-After").constData());
    }

    void fullQueueAnswers503()
    {
        // A queue that holds fewer rows than one batch: the writer refuses instead of growing.
        HotPathFixture f(QStringLiteral("queue"),
                         {{QStringLiteral("PROCTOR_EVENT_QUEUE_MAX_ROWS"), QStringLiteral("100")}});
        QVERIFY2(f.error().isEmpty(), qPrintable(f.error()));
        const StartedSession s = f.startSession();
        QJsonArray big;
        for (int i = 0; i < 150; ++i)
            big.append(HotPathFixture::event(i));
        const HttpResult r = f.postEvents(s, big);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), QStringLiteral("unavailable"));
        QVERIFY(!r.header("Retry-After").isEmpty());
        QCOMPARE(
            f.db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestIngestDurability)
#include "tst_ingestdurability.moc"
