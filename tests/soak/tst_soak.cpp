// SPDX-License-Identifier: MIT
// Soak: mixed realistic traffic for PROCTOR_SOAK_SECONDS (candidates starting sessions, sending event batches
// and results, proctors reading results and the dashboard, live WebSocket clients) while the collector's RSS
// and open (non-socket) file descriptors are sampled. Both must stay flat; a JSON report goes to
// PROCTOR_ARTIFACTS_DIR.
#include <algorithm>

#include <QDir>
#include <QNetworkReply>
#include <QWebSocket>
#include <QtTest>

#include "hotpathfixture.h"
#include "processstats.h"

using namespace Proctor::Testing;

namespace {

struct Sample
{
    double atSeconds;
    qint64 rssKb;
    int fds;
};

template <typename T> double median(std::vector<T> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[v.size() / 2]);
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_adminToken;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
    QMap<int, int> m_statuses;
    int m_sessions = 0, m_eventBatches = 0, m_events = 0, m_results = 0, m_adminReads = 0, m_liveMessages = 0;
    bool m_running = true;

    QNetworkReply *post(int lane, const QString &path, const QByteArray &body, const QByteArray &header,
                        const QByteArray &value)
    {
        QNetworkRequest req(QUrl(f->url(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        req.setRawHeader(header, value);
        req.setTransferTimeout(10000);
        return m_nams[size_t(lane) % m_nams.size()]->post(req, body);
    }

    void count(QNetworkReply *r)
    {
        ++m_statuses[r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
    }

    // One candidate: start, 8 batches of 5 events 150 ms apart, result, again.
    void candidateLoop(int lane, int round)
    {
        if (!m_running)
            return;
        const QJsonObject body = HotPathFixture::sessionStartBody(
            QStringLiteral("Нагрузка%1").arg(lane),
            QStringLiteral("50a50a50-0000-4000-8000-%1").arg(lane, 12, 10, QLatin1Char('0')));
        QNetworkReply *r = post(lane, QStringLiteral("/api/v1/sessions"), QJsonDocument(body).toJson(),
                                "X-API-Key", f->apiKey());
        connect(r, &QNetworkReply::finished, this, [this, r, lane, round] {
            r->deleteLater();
            count(r);
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
                QTimer::singleShot(500, this, [this, lane, round] { candidateLoop(lane, round + 1); });
                return;
            }
            ++m_sessions;
            const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
            StartedSession s{o.value("sessionId").toString(), o.value("token").toString().toLatin1(),
                             o.value("test").toObject().value("questions").toArray()};
            sendBatch(lane, round, s, 0);
        });
    }

    void sendBatch(int lane, int round, const StartedSession &s, int batch)
    {
        if (batch == 8 || !m_running) {
            const QJsonObject result{{"answers", HotPathFixture::answers(s, (lane + round) % 11)},
                                     {"telemetry", HotPathFixture::telemetry()}};
            QNetworkReply *r = post(lane, QStringLiteral("/api/v1/sessions/%1/result").arg(s.id),
                                    QJsonDocument(result).toJson(), "X-Session-Token", s.token);
            connect(r, &QNetworkReply::finished, this, [this, r, lane, round] {
                r->deleteLater();
                count(r);
                ++m_results;
                candidateLoop(lane, round + 1);
            });
            return;
        }
        QJsonArray events;
        for (int i = 0; i < 5; ++i)
            events.append(
                HotPathFixture::event(batch * 5 + i, i == 0 ? "focus_loss" : "focus_gain",
                                      i == 0 ? QJsonObject{} : QJsonObject{{"durationMs", 100 * i}}));
        QNetworkReply *r = post(lane, QStringLiteral("/api/v1/events"),
                                QJsonDocument(QJsonObject{{"sessionId", s.id}, {"events", events}}).toJson(),
                                "X-Session-Token", s.token);
        connect(r, &QNetworkReply::finished, this, [this, r, lane, round, s, batch] {
            r->deleteLater();
            count(r);
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
                ++m_eventBatches;
                m_events += 5;
            }
            QTimer::singleShot(150, this,
                               [this, lane, round, s, batch] { sendBatch(lane, round, s, batch + 1); });
        });
    }

    void adminLoop()
    {
        if (!m_running)
            return;
        for (const char *path : {"/api/v1/results?limit=50", "/api/v1/dashboard"}) {
            QNetworkRequest req(QUrl(f->url(QLatin1String(path))));
            req.setRawHeader("Authorization", "Bearer " + m_adminToken);
            QNetworkReply *r = m_nams.front()->get(req);
            connect(r, &QNetworkReply::finished, this, [this, r] {
                r->deleteLater();
                count(r);
                ++m_adminReads;
            });
        }
        QTimer::singleShot(1000, this, [this] { adminLoop(); });
    }

private slots:
    void mixedTrafficKeepsMemoryAndDescriptorsFlat()
    {
        const int seconds = qEnvironmentVariableIntValue("PROCTOR_SOAK_SECONDS") > 0
                                ? qEnvironmentVariableIntValue("PROCTOR_SOAK_SECONDS")
                                : 40;
        const int candidates = 24;
        f = std::make_unique<HotPathFixture>(QStringLiteral("soak"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QCOMPARE(f->collector().run({"create-admin", "--email", "soak@example.org", "--role", "proctor"},
                                    "soak-password-123456\n"),
                 0);
        const HttpResult login =
            f->http().post(f->url("/api/v1/auth/login"),
                           R"({"email":"soak@example.org","password":"soak-password-123456"})");
        QCOMPARE(login.status, 200);
        m_adminToken = login.json().value("token").toString().toLatin1();
        for (int i = 0; i < 6; ++i)
            m_nams.push_back(std::make_unique<QNetworkAccessManager>());

        std::vector<std::unique_ptr<QWebSocket>> live;
        for (int i = 0; i < 3; ++i) {
            live.push_back(std::make_unique<QWebSocket>());
            connect(live.back().get(), &QWebSocket::textMessageReceived, this, [this] { ++m_liveMessages; });
            QNetworkRequest request(
                QUrl(f->url("/api/v1/live").replace(QLatin1String("http://"), QLatin1String("ws://"))));
            request.setRawHeader("Authorization", "Bearer " + m_adminToken);
            live.back()->open(request);
        }

        const qint64 pid = f->collector().pid();
        std::vector<Sample> samples;
        QElapsedTimer clock;
        clock.start();
        for (int lane = 0; lane < candidates; ++lane)
            QTimer::singleShot(lane * 40, this, [this, lane] { candidateLoop(lane, 0); });
        adminLoop();
        while (clock.elapsed() < seconds * 1000) {
            QTest::qWait(2000);
            samples.push_back({clock.elapsed() / 1000.0, residentKb(pid), openNonSocketFds(pid)});
        }
        m_running = false;
        QTest::qWait(2500); // let in-flight requests finish

        // Flat: the last quarter against the second (the first is warm-up: pools, caches, partitions).
        const size_t n = samples.size();
        QVERIFY(n >= 8);
        std::vector<qint64> rssEarly, rssLate;
        std::vector<int> fdEarly, fdLate;
        for (size_t i = n / 4; i < n / 2; ++i) {
            rssEarly.push_back(samples[i].rssKb);
            fdEarly.push_back(samples[i].fds);
        }
        for (size_t i = 3 * n / 4; i < n; ++i) {
            rssLate.push_back(samples[i].rssKb);
            fdLate.push_back(samples[i].fds);
        }
        const double rssGrowthKb = median(rssLate) - median(rssEarly);
        const double fdGrowth = median(fdLate) - median(fdEarly);
        int serverErrors = 0;
        for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
            if (it.key() >= 500 || it.key() == 0)
                serverErrors += it.value();
        QJsonObject statuses;
        for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
            statuses.insert(QString::number(it.key()), it.value());
        QJsonArray series;
        for (const Sample &s : samples)
            series.append(QJsonArray{s.atSeconds, double(s.rssKb), s.fds});
        const QJsonObject report{
            {"seconds", seconds},
            {"candidates", candidates},
            {"sessions", m_sessions},
            {"eventBatches", m_eventBatches},
            {"events", m_events},
            {"results", m_results},
            {"adminReads", m_adminReads},
            {"liveClients", 3},
            {"liveMessages", m_liveMessages},
            {"statuses", statuses},
            {"rssKb",
             QJsonObject{{"first", double(samples.front().rssKb)},
                         {"last", double(samples.back().rssKb)},
                         {"max", double(std::max_element(samples.begin(), samples.end(),
                                                         [](auto &a, auto &b) { return a.rssKb < b.rssKb; })
                                            ->rssKb)},
                         {"growthSecondToLastQuarterKb", rssGrowthKb}}},
            {"nonSocketFds", QJsonObject{{"first", samples.front().fds},
                                         {"last", samples.back().fds},
                                         {"growthSecondToLastQuarter", fdGrowth}}},
            {"samples [s, rssKb, nonSocketFds]", series}};
        const QByteArray json = QJsonDocument(report).toJson(QJsonDocument::Compact);
        QString dir = qEnvironmentVariable("PROCTOR_ARTIFACTS_DIR");
        if (!dir.isEmpty()) {
            QFile out(dir + QStringLiteral("/soak-report-%1s.json").arg(seconds));
            if (out.open(QIODevice::WriteOnly))
                out.write(json);
        }
        qInfo("%s", json.constData());

        QCOMPARE(serverErrors, 0);
        QVERIFY(m_sessions >= candidates);
        QVERIFY(m_results > 0);
        QVERIFY(m_liveMessages > 0);
        QVERIFY2(rssGrowthKb < std::max(16.0 * 1024, 0.15 * median(rssEarly)),
                 qPrintable(QString::number(rssGrowthKb)));
        QVERIFY2(fdGrowth <= 2, qPrintable(QString::number(fdGrowth)));
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
