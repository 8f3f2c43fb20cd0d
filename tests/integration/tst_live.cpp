// SPDX-License-Identifier: MIT
// Live updates across instances: two collectors on one database and one Redis; a WebSocket client on B
// sees what is posted to A within a second. Also: the token check before the handshake, slow clients
// dropped instead of buffered, and ingest plus live updates surviving a Redis restart.
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

#include "hotpathfixture.h"
#include "redisserver.h"

using namespace Proctor::Testing;

namespace {

const QByteArray kPassword = "live password 1";

// A WebSocket client that keeps every message it receives.
class LiveClient
{
public:
    bool open(quint16 port, const QByteArray &token, bool inQuery = false, int timeoutMs = 5000)
    {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(port));
        if (inQuery)
            url.setQuery(QStringLiteral("token=") + QString::fromLatin1(token));
        QNetworkRequest request(url);
        if (!inQuery && !token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &m) {
            m_messages.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        QObject::connect(&m_socket, &QWebSocket::disconnected, [this] { m_disconnected = true; });
        m_socket.open(request);
        QElapsedTimer t;
        t.start();
        while (m_socket.state() != QAbstractSocket::ConnectedState && !m_disconnected &&
               t.elapsed() < timeoutMs) {
            QTest::qWait(10);
            if (m_socket.state() == QAbstractSocket::UnconnectedState && t.elapsed() > 100)
                break;
        }
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }

    // The first message (from index `from` on) that `match` accepts, waiting up to `timeoutMs`.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs,
                        qsizetype from = 0)
    {
        QElapsedTimer t;
        t.start();
        do {
            for (qsizetype i = from; i < m_messages.size(); ++i)
                if (match(m_messages[i]))
                    return m_messages[i];
            QTest::qWait(5);
        } while (t.elapsed() < timeoutMs);
        return {};
    }

    qsizetype count() const { return m_messages.size(); }
    const QList<QJsonObject> &messages() const { return m_messages; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState && !m_disconnected; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    bool m_disconnected = false;
};

// The WebSocket handshake by hand, to read the HTTP status of a refusal. The socket is left open.
int handshake(QTcpSocket &s, quint16 port, const QByteArray &target, const QByteArray &authorization)
{
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return 0;
    QByteArray request = "GET " + target +
                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    s.write(request + "\r\n");
    QByteArray head;
    while (!head.contains("\r\n\r\n")) {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(5000))
            break;
        head += s.read(1); // byte by byte: nothing after the head may be consumed
    }
    return head.split(' ').value(1).toInt();
}

// PUBLISH through a raw RESP connection (the test has no Redis client library).
bool publish(quint16 redisPort, const QByteArray &channel, const QList<QByteArray> &payloads)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, redisPort);
    if (!s.waitForConnected(5000))
        return false;
    auto bulk = [](const QByteArray &b) { return "$" + QByteArray::number(b.size()) + "\r\n" + b + "\r\n"; };
    for (const QByteArray &p : payloads)
        s.write("*3\r\n" + bulk("PUBLISH") + bulk(channel) + bulk(p));
    int replies = 0;
    QByteArray in;
    while (replies < payloads.size() && s.waitForReadyRead(10000)) {
        in += s.readAll();
        replies = int(in.count("\r\n"));
    }
    return replies >= payloads.size();
}

} // namespace

class TestLive : public QObject
{
    Q_OBJECT

private:
    RedisServer m_redis;               // private: this test stops and restarts it
    std::unique_ptr<HotPathFixture> f; // instance A
    std::unique_ptr<CollectorProcess> b;
    QByteArray m_token;

    bool metricAtLeast(quint16 port, const QByteArray &line, double atLeast)
    {
        const HttpResult r = f->http().get(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
        for (const QByteArray &l : r.body.split('\n'))
            if (l.startsWith(line))
                return l.mid(l.lastIndexOf(' ') + 1).toDouble() >= atLeast;
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_redis.start());
        f = std::make_unique<HotPathFixture>(QStringLiteral("live"),
                                             QMap<QString, QString>{{"PROCTOR_REDIS_URL", m_redis.url()}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        b = std::make_unique<CollectorProcess>(QMap<QString, QString>{{"PROCTOR_DATABASE_URL", f->db().url()},
                                                                      {"PROCTOR_REDIS_URL", m_redis.url()}});
        QVERIFY2(b->start(), b->log().constData());
        QVERIFY(b->port() != f->collector().port());
        QVERIFY(f->createAdmin("watcher@example.org", "proctor", kPassword) > 0);
        m_token = f->login("watcher@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
    }

    void handshakeNeedsAValidToken_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::newRow("no token") << QByteArray("/api/v1/live") << QByteArray() << 401;
        QTest::newRow("unknown token") << QByteArray("/api/v1/live") << QByteArray("Bearer nope") << 401;
        QTest::newRow("unknown token in query")
            << QByteArray("/api/v1/live?token=nope") << QByteArray() << 401;
        QTest::newRow("revoked token") << QByteArray("/api/v1/live") << QByteArray("revoked") << 401;
        QTest::newRow("valid token in header") << QByteArray("/api/v1/live") << QByteArray("valid") << 101;
        QTest::newRow("valid token in query")
            << QByteArray("/api/v1/live?token=valid") << QByteArray() << 101;
        QTest::newRow("other path") << QByteArray("/api/v1/elsewhere") << QByteArray("valid") << 404;
    }
    void handshakeNeedsAValidToken()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        if (authorization == "valid")
            authorization = "Bearer " + m_token;
        if (authorization == "revoked") {
            const QByteArray t = f->login("watcher@example.org", kPassword);
            QCOMPARE(f->http().post(f->url("/api/v1/auth/logout"), {}, HotPathFixture::bearer(t)).status,
                     204);
            authorization = "Bearer " + t;
        }
        target.replace("token=valid", "token=" + m_token);
        QTcpSocket s;
        QCOMPARE(handshake(s, b->port(), target, authorization), status);
    }

    void anEventPostedToAReachesAClientOnBWithinASecond()
    {
        LiveClient onB, onA;
        QVERIFY(onB.open(b->port(), m_token));
        QVERIFY(onA.open(f->collector().port(), m_token, true));

        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        auto isSession = [&](const char *type) {
            return [&s, type](const QJsonObject &m) {
                return m.value("type").toString() == QLatin1String(type) &&
                       m.value("sessionId").toString() == s.id;
            };
        };
        QCOMPARE(onB.waitFor(isSession("session_started"), 1000).value("testId").toString(),
                 QStringLiteral("known"));

        QElapsedTimer t;
        t.start();
        QCOMPARE(f->postEvents(s, {HotPathFixture::event(0, "focus_loss"),
                                   HotPathFixture::event(1, "print_attempt", {{"method", "shortcut"}})})
                     .status,
                 200);
        QJsonObject entry;
        const QJsonObject appended = onB.waitFor(
            [&](const QJsonObject &m) {
                if (m.value("type").toString() != QLatin1String("events_appended"))
                    return false;
                for (const QJsonValue &v : m.value("sessions").toArray())
                    if (v.toObject().value("sessionId").toString() == s.id) {
                        entry = v.toObject();
                        return true;
                    }
                return false;
            },
            1000);
        const qint64 elapsed = t.elapsed();
        QVERIFY2(!appended.isEmpty(),
                 qPrintable(QStringLiteral("no events_appended on B after %1 ms").arg(elapsed)));
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        QCOMPARE(entry.value("count").toInt(), 2);
        QStringList types;
        for (const QJsonValue &v : entry.value("types").toArray())
            types.append(v.toString());
        types.sort();
        QCOMPARE(types, (QStringList{"focus_loss", "print_attempt"}));

        QCOMPARE(f->postResult(s, HotPathFixture::answers(s, 9)).status, 201);
        const QJsonObject saved = onB.waitFor(isSession("result_saved"), 1000);
        QCOMPARE(saved.value("score").toInt(), 90);
        QCOMPARE(saved.value("passed").toBool(), true);
        // A's own clients get the same stream.
        QVERIFY(!onA.waitFor(isSession("result_saved"), 1000).isEmpty());
        QVERIFY(onB.connected() && onA.connected());
    }

    void apiKeyRevocationIsAnnounced()
    {
        QVERIFY(f->createAdmin("boss@example.org", "admin", kPassword) > 0);
        const QByteArray admin = f->login("boss@example.org", kPassword);
        LiveClient onB;
        QVERIFY(onB.open(b->port(), m_token));
        HttpClient::Headers h = HotPathFixture::bearer(admin);
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const HttpResult created =
            f->http().post(f->url("/api/v1/apikeys"), R"({"name":"temp","scopes":["tests:read"]})", h);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value("id").toInteger();
        QCOMPARE(f->http()
                     .send("DELETE", f->url(QStringLiteral("/api/v1/apikeys/%1").arg(id)), {}, h, 10000)
                     .status,
                 204);
        const QJsonObject m = onB.waitFor(
            [id](const QJsonObject &m) {
                return m.value("type").toString() == QLatin1String("apikey_revoked") &&
                       m.value("id").toInteger() == id;
            },
            1000);
        QCOMPARE(m.value("hash").toString().size(), 64);
        // B dropped the key as well.
        QCOMPARE(f->http()
                     .get(QStringLiteral("http://127.0.0.1:%1/api/v1/tests").arg(b->port()),
                          {{"X-API-Key", created.json().value("key").toString().toLatin1()}})
                     .status,
                 401);
    }

    void aSlowClientIsDroppedWhileFastOnesKeepUp()
    {
        LiveClient fast;
        QVERIFY(fast.open(b->port(), m_token));
        QTcpSocket slow;
        QCOMPARE(handshake(slow, b->port(), "/api/v1/live", "Bearer " + m_token), 101);
        slow.setReadBufferSize(1); // stop reading: the kernel buffers fill, then the collector's
        QVERIFY(metricAtLeast(b->port(), "proctor_live_clients ", 2));

        constexpr int kMessages = 200;
        const QByteArray pad(64 * 1024, 'x');
        QList<QByteArray> payloads;
        for (int i = 0; i < kMessages; ++i)
            payloads.append(
                QJsonDocument(QJsonObject{{"type", "padding"}, {"i", i}, {"pad", QString::fromLatin1(pad)}})
                    .toJson(QJsonDocument::Compact));
        const qsizetype before = fast.count();
        // In batches the fast client keeps up with (this test process is on the same loaded machine); the
        // stuck client falls further behind with every batch, 12.8 MB in all.
        constexpr int kBatch = 20;
        for (int i = 0; i < kMessages; i += kBatch) {
            QVERIFY(publish(m_redis.port(), "proctor:live", payloads.mid(i, kBatch)));
            const int last = i + kBatch - 1;
            QVERIFY2(!fast.waitFor(
                              [last](const QJsonObject &m) {
                                  return m.value("type").toString() == QLatin1String("padding") &&
                                         m.value("i").toInt() == last;
                              },
                              15000, before)
                          .isEmpty(),
                     qPrintable(QStringLiteral("fast client missed message %1").arg(last)));
        }
        int padding = 0;
        for (qsizetype i = before; i < fast.count(); ++i)
            padding += fast.messages()[i].value("type").toString() == QLatin1String("padding") ? 1 : 0;
        QCOMPARE(padding, kMessages);
        QVERIFY(fast.connected());
        QTRY_VERIFY_WITH_TIMEOUT(
            metricAtLeast(b->port(), "proctor_live_clients_dropped_total{reason=\"slow client\"}", 1), 5000);
        QVERIFY(metricAtLeast(b->port(), "proctor_live_clients ", 1));
        QVERIFY(!metricAtLeast(b->port(), "proctor_live_clients ", 2));
        // Reading now finds the connection cut.
        slow.setReadBufferSize(0);
        QTRY_VERIFY_WITH_TIMEOUT((slow.readAll(), slow.state() == QAbstractSocket::UnconnectedState), 10000);
    }

    void ingestSurvivesARedisOutageAndLiveResumes()
    {
        LiveClient onB;
        QVERIFY(onB.open(b->port(), m_token));
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        auto appendedFor = [&s](const QJsonObject &m) {
            if (m.value("type").toString() != QLatin1String("events_appended"))
                return false;
            for (const QJsonValue &v : m.value("sessions").toArray())
                if (v.toObject().value("sessionId").toString() == s.id)
                    return true;
            return false;
        };

        LiveClient onA; // on the instance that receives the events
        QVERIFY(onA.open(f->collector().port(), m_token));
        m_redis.stop();
        int seq = 0;
        const qsizetype markA = onA.count();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(f->postEvents(s, {HotPathFixture::event(seq++)}).status, 200);
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("3"));
        QCOMPARE(f->http().get(f->url("/readyz")).status, 503);
        QVERIFY(onB.connected()); // the WebSocket does not depend on Redis
        // Without Redis, updates stay local to the instance instead of stopping.
        QVERIFY2(!onA.waitFor(appendedFor, 2000, markA).isEmpty(),
                 "no local live update while Redis was down");

        QVERIFY(m_redis.start());
        // Both collectors reconnect by themselves; keep posting until the feed carries this session again.
        QElapsedTimer t;
        t.start();
        const qsizetype mark = onB.count();
        QJsonObject seen;
        while (seen.isEmpty() && t.elapsed() < 20000) {
            QCOMPARE(f->postEvents(s, {HotPathFixture::event(seq++)}).status, 200);
            seen = onB.waitFor(appendedFor, 500, mark);
        }
        QVERIFY2(!seen.isEmpty(), "live updates did not resume after Redis came back");
        // And once resumed, the one-second promise holds again.
        const qsizetype mark2 = onB.count();
        QElapsedTimer again;
        again.start();
        QCOMPARE(f->postEvents(s, {HotPathFixture::event(seq++)}).status, 200);
        QVERIFY(!onB.waitFor(appendedFor, 1000, mark2).isEmpty());
        QVERIFY(again.elapsed() < 1000);
        QVERIFY(onB.connected());
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
