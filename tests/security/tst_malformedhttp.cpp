// SPDX-License-Identifier: MIT
// Malformed and hostile HTTP/1.1 on raw sockets against the real collector: garbage request lines, oversized
// heads, lying or impossible lengths, broken chunking, request smuggling, slow clients, idle keep-alive,
// pipelining, 100-continue and a burst of connections. After every row the collector still serves and the
// database is exactly as before.
#include <QElapsedTimer>
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

// A byte string literal that may hold NUL bytes.
#define BYTES(literal) QByteArray(literal, sizeof(literal) - 1)

namespace {

constexpr int kRequestTimeoutMs = 1500;
constexpr int kIdleTimeoutMs = 4000; // longer than a request may take: a slow client must not live on it
constexpr int kMaxBodyBytes = 64 * 1024;
constexpr int kMaxConnections = 200;
// Timers fire late on a loaded two-core machine; this is what a bound may overshoot by.
constexpr int kSlackMs = 1500;

QByteArray sessionBody()
{
    return QJsonDocument(HotPathFixture::sessionStartBody()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestMalformedHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QString m_before;

    quint16 port() const { return f->collector().port(); }
    QByteArray keyHeader() const { return "X-API-Key: " + f->apiKey() + "\r\n"; }

    // Every row ends here: the collector is alive, serving, and the database unchanged.
    void expectUnharmed(const QString &before)
    {
        QVERIFY2(collectorServes(*f), f->collector().log().right(2000).constData());
        QCOMPARE(databaseFingerprint(f->db()), before);
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("malformed"),
            QMap<QString, QString>{{"PROCTOR_HTTP_REQUEST_TIMEOUT_MS", QString::number(kRequestTimeoutMs)},
                                   {"PROCTOR_HTTP_IDLE_TIMEOUT_MS", QString::number(kIdleTimeoutMs)},
                                   {"PROCTOR_MAX_BODY_BYTES", QString::number(kMaxBodyBytes)},
                                   {"PROCTOR_MAX_CONNECTIONS", QString::number(kMaxConnections)}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        // Positive control: the raw client and the request builders do reach the database.
        const RawResponse r = rawExchange(port(), rawPost("/api/v1/sessions", sessionBody(), keyHeader()));
        QCOMPARE(r.status, 201);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM sessions"), QStringLiteral("1"));
    }

    void init() { m_before = databaseFingerprint(f->db()); }

    void malformedRequestIsRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray key = "X-API-Key: " + QByteArray("%KEY%") + "\r\n";
        const QByteArray body = sessionBody();
        const QByteArray post =
            "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + key;

        QTest::newRow("TLS hello on the plain port")
            << BYTES("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("request line garbage")
            << QByteArray("%%%% ^^^^ &&&&\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("unknown method")
            << QByteArray("BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("bad HTTP version")
            << QByteArray("GET /healthz HTTP/9.Z\r\nHost: x\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("NUL in the request target")
            << BYTES("GET /heal\0thz HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("header line without a colon")
            << QByteArray("GET /healthz HTTP/1.1\r\nNoColonHere\r\n\r\n") << 400 << "bad_parameter";
        QTest::newRow("20 KB header") << rawGet("/healthz", "X-Big: " + QByteArray(20 * 1024, 'a') + "\r\n")
                                      << 431 << "headers_too_large";
        QTest::newRow("20 KB request target")
            << rawGet("/healthz?" + QByteArray(20 * 1024, 'a')) << 431 << "headers_too_large";
        QByteArray many;
        for (int i = 0; i < 10000; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("10 000 headers") << rawGet("/healthz", many) << 431 << "headers_too_large";
        // 4 bytes on the wire each, one of them counted: the limit is on the head, not on the names.
        QByteArray manyEmpty;
        for (int i = 0; i < 10000; ++i)
            manyEmpty += "a:\r\n";
        QTest::newRow("10 000 empty headers (40 KB head)")
            << rawGet("/healthz", manyEmpty) << 431 << "headers_too_large";
        QTest::newRow("negative Content-Length")
            << post + "Content-Length: -5\r\n\r\n" + body << 400 << "bad_parameter";
        QTest::newRow("non-numeric Content-Length")
            << post + "Content-Length: 12abc\r\n\r\n" + body << 400 << "bad_parameter";
        QTest::newRow("Content-Length beyond 64 bits")
            << post + "Content-Length: 99999999999999999999999\r\n\r\n" + body << 400 << "bad_parameter";
        QTest::newRow("two different Content-Lengths")
            << post + "Content-Length: " + QByteArray::number(body.size()) + "\r\nContent-Length: 5\r\n\r\n" +
                   body
            << 400 << "bad_parameter";
        // Request smuggling: a front proxy honouring Content-Length would see one request, we might see two.
        const QByteArray smuggled = "0\r\n\r\n" + rawPost("/api/v1/sessions", body, key);
        QTest::newRow("Content-Length with chunked (smuggling)")
            << post + "Content-Length: " + QByteArray::number(smuggled.size()) +
                   "\r\nTransfer-Encoding: chunked\r\n\r\n" + smuggled
            << 400 << "bad_parameter";
        QTest::newRow("chunk size not hex")
            << post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n"
            << 400 << "bad_parameter";
        QTest::newRow("chunk size beyond 64 bits")
            << post + "Transfer-Encoding: chunked\r\n\r\n1ffffffffffffffffff\r\n" + body + "\r\n0\r\n\r\n"
            << 400 << "bad_parameter";
        QTest::newRow("negative chunk size")
            << post + "Transfer-Encoding: chunked\r\n\r\n-10\r\n" + body + "\r\n0\r\n\r\n"
            << 400 << "bad_parameter";
        QTest::newRow("chunk longer than its size")
            << post + "Transfer-Encoding: chunked\r\n\r\n3\r\n" + body + "\r\n0\r\n\r\n"
            << 400 << "bad_parameter";
        QTest::newRow("declared body over the limit, body not sent")
            << post + "Content-Length: " + QByteArray::number(kMaxBodyBytes + 1) + "\r\n\r\n"
            << 413 << "payload_too_large";
        QTest::newRow("declared body over the limit with 100-continue")
            << post + "Expect: 100-continue\r\nContent-Length: 1000000000\r\n\r\n"
            << 413 << "payload_too_large";
        QByteArray chunks;
        for (int i = 0; i < 20; ++i)
            chunks += "1000\r\n" + QByteArray(0x1000, ' ') + "\r\n";
        QTest::newRow("chunked body over the limit")
            << post + "Transfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n"
            << 413 << "payload_too_large";
        QTest::newRow("one chunk declared over the limit")
            << post + "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(kMaxBodyBytes * 4, 16) +
                   "\r\n" + QByteArray(kMaxBodyBytes + 10, ' ')
            << 413 << "payload_too_large";
    }
    void malformedRequestIsRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        request.replace("%KEY%", f->apiKey());
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send(request);
        const RawResponse r = c.read(5000);
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("status %1, head: %2")
                                                    .arg(r.status)
                                                    .arg(QString::fromLatin1(r.head.left(300)))));
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(!r.head.startsWith("HTTP/1.1 100"), "100 Continue sent for a refused body");
        // A request that could not be read to its end leaves nothing reusable: the server closes.
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(c.waitClosed(kSlackMs + 2000));
        // Nothing behind the refused request was answered (no smuggled second response).
        QVERIFY2(!c.pending().contains("HTTP/1.1"), c.pending().left(200).constData());
        expectUnharmed(m_before);
    }

    void unusualButValidRequestsAreAnsweredAtOnce_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("bytewise"); // one write per byte, as fast as they go
        QTest::newRow("bare LF line endings") << QByteArray("GET /healthz HTTP/1.1\nHost: x\n\n") << false;
        QTest::newRow("mixed line endings") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\n\r\n") << false;
        QTest::newRow("HTTP/1.0 without Host") << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("head split into single bytes") << rawGet("/healthz") << true;
    }
    void unusualButValidRequestsAreAnsweredAtOnce()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, bytewise);
        RawConnection c;
        QVERIFY(c.connect(port()));
        QElapsedTimer clock;
        clock.start();
        if (bytewise) {
            for (char ch : request) {
                c.socket().write(&ch, 1);
                c.socket().flush();
            }
        } else {
            c.send(request);
        }
        const RawResponse r = c.read(kRequestTimeoutMs + kSlackMs);
        QCOMPARE(r.status, 200);
        QVERIFY2(clock.elapsed() < kRequestTimeoutMs,
                 qPrintable(QStringLiteral("answered after %1 ms").arg(clock.elapsed())));
        expectUnharmed(m_before);
    }

    void truncatedBody_data()
    {
        QTest::addColumn<bool>("closeAfterSending");
        QTest::newRow("client closes after a short body") << true;
        QTest::newRow("client keeps the short body waiting") << false;
    }
    void truncatedBody()
    {
        QFETCH(bool, closeAfterSending);
        const QByteArray body = sessionBody();
        RawConnection c;
        QVERIFY(c.connect(port()));
        QElapsedTimer clock;
        clock.start();
        // A complete, valid session start that claims 100 bytes more than it has.
        c.send("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
               keyHeader() + "Content-Length: " + QByteArray::number(body.size() + 100) + "\r\n\r\n" + body);
        if (closeAfterSending) {
            c.socket().disconnectFromHost();
            QTest::qWait(300);
        } else {
            const RawResponse r = c.read(kRequestTimeoutMs + kSlackMs + 1000);
            QCOMPARE(r.status, 408);
            QCOMPARE(r.errorCode(), QStringLiteral("request_timeout"));
            QVERIFY2(clock.elapsed() < kRequestTimeoutMs + kSlackMs,
                     qPrintable(QString::number(clock.elapsed())));
            QVERIFY(c.waitClosed(kSlackMs + 2000));
        }
        expectUnharmed(m_before);
    }

    void slowClientIsCutOff_data()
    {
        QTest::addColumn<QByteArray>("prelude"); // sent at once
        QTest::addColumn<QByteArray>("trickle"); // then one byte per second
        QTest::addColumn<int>("answersBefore");  // complete responses the prelude earns
        const QByteArray head = "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                "application/json\r\nContent-Length: 400\r\n";
        QTest::newRow("header bytes, first request of a connection")
            << QByteArray("GET /healthz HTTP/1.1\r\n") << QByteArray(30, 'X') << 0;
        QTest::newRow("header bytes, second request of a kept-alive connection")
            << rawGet("/healthz") + "GET /healthz HTTP/1.1\r\n"
            << QByteArray(30, 'X') << 1;
        QTest::newRow("body bytes") << head + "\r\n" << QByteArray(30, ' ') << 0;
    }
    void slowClientIsCutOff()
    {
        QFETCH(QByteArray, prelude);
        QFETCH(QByteArray, trickle);
        QFETCH(int, answersBefore);
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send(prelude);
        for (int i = 0; i < answersBefore; ++i)
            QCOMPARE(c.read(5000).status, 200);
        QElapsedTimer clock;
        clock.start();
        // The slowloris pattern: every byte arrives before any timeout measured from the previous one.
        bool cut = false;
        for (qsizetype i = 0; i < trickle.size() && !cut; ++i) {
            if (c.socket().state() != QAbstractSocket::ConnectedState) {
                cut = true;
                break;
            }
            c.send(trickle.mid(i, 1));
            cut = c.waitClosed(1000) || c.pending().contains("HTTP/1.1 408");
        }
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(cut, qPrintable(
                          QStringLiteral("still connected after %1 ms of one byte per second").arg(elapsed)));
        QVERIFY2(elapsed < kRequestTimeoutMs + kSlackMs,
                 qPrintable(QStringLiteral("cut after %1 ms; the request timeout is %2 ms")
                                .arg(elapsed)
                                .arg(kRequestTimeoutMs)));
        // When the server still could, it said why.
        if (!c.pending().isEmpty())
            QVERIFY2(c.pending().startsWith("HTTP/1.1 408"), c.pending().left(200).constData());
        expectUnharmed(m_before);
    }

    void idleKeepAliveIsClosed()
    {
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send(rawGet("/healthz"));
        const RawResponse r = c.read(5000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), QByteArray("keep-alive"));
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(!c.waitClosed(kIdleTimeoutMs / 2), "closed well before the idle timeout");
        QVERIFY2(c.waitClosed(kIdleTimeoutMs + kSlackMs),
                 "idle connection still open after the idle timeout");
        QVERIFY2(clock.elapsed() < kIdleTimeoutMs + kSlackMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(c.pending().isEmpty()); // closed without a word: nothing was asked
        expectUnharmed(m_before);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawConnection c;
        QVERIFY(c.connect(port()));
        const QByteArray id = "X-Request-Id: p";
        // Fast and slow handlers mixed: a database write between two in-memory answers.
        c.send(rawGet("/healthz", id + "1\r\n") + rawGet("/nope", id + "2\r\n") +
               rawPost("/api/v1/sessions", sessionBody(), keyHeader() + id + "3\r\n") +
               rawGet("/readyz", id + "4\r\n") + "HEAD /healthz HTTP/1.1\r\nHost: x\r\n" + id + "5\r\n\r\n" +
               rawGet("/api/v1/tests", keyHeader() + id + "6\r\n"));
        const int expected[] = {200, 404, 201, 200, 200, 200};
        for (int i = 0; i < 6; ++i) {
            const RawResponse r = c.read(10000, i == 4);
            QCOMPARE(r.status, expected[i]);
            QCOMPARE(r.header("X-Request-Id"), "p" + QByteArray::number(i + 1));
        }
        QVERIFY(c.isOpen());
        QCOMPARE(f->db().scalar("SELECT count(*) FROM sessions"), QStringLiteral("2"));
        QVERIFY(collectorServes(*f));
    }

    void nothingBehindARefusedPipelinedRequestRuns()
    {
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send(rawGet("/healthz") + "GET /x HTTP/1.1\r\nContent-Length: zz\r\n\r\n" +
               rawPost("/api/v1/sessions", sessionBody(), keyHeader()));
        QCOMPARE(c.read(5000).status, 200);
        const RawResponse refused = c.read(5000);
        QCOMPARE(refused.status, 400);
        QVERIFY(c.waitClosed(kSlackMs + 2000));
        QVERIFY2(!c.pending().contains("HTTP/1.1"), c.pending().left(200).constData());
        expectUnharmed(m_before);
    }

    void expectContinueIsAnswered()
    {
        const QByteArray body = sessionBody();
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send("POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
               keyHeader() + "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n");
        const RawResponse interim = c.read(5000, true);
        QCOMPARE(interim.head, QByteArray("HTTP/1.1 100 Continue"));
        c.send(body);
        const RawResponse r = c.read(10000);
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json().value("sessionId").toString().isEmpty());
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE id = '%1'")
                                    .arg(r.json().value("sessionId").toString())),
                 QStringLiteral("1"));
        QVERIFY(collectorServes(*f));
    }

    void manyConnectionsAtOnceAreServedOrRefusedCleanly()
    {
        constexpr int kConnections = 500;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QByteArray> received(kConnections);
        std::vector<bool> done(kConnections, false);
        for (int i = 0; i < kConnections; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = s.get();
            connect(raw, &QTcpSocket::connected, raw,
                    [raw] { raw->write(rawGet("/healthz", "Connection: close\r\n")); });
            connect(raw, &QTcpSocket::readyRead, raw, [raw, &received, i] { received[i] += raw->readAll(); });
            connect(raw, &QTcpSocket::disconnected, raw, [&done, i] { done[i] = true; });
            connect(raw, &QTcpSocket::errorOccurred, raw, [&done, i] { done[i] = true; });
            raw->connectToHost(QHostAddress::LocalHost, port());
            sockets.push_back(std::move(s));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(done.begin(), done.end(), [](bool d) { return d; }), 60000);
        int served = 0, refused = 0;
        QStringList other;
        for (int i = 0; i < kConnections; ++i) {
            const QByteArray &in = received[i];
            if (in.startsWith("HTTP/1.1 200") && in.endsWith("}"))
                ++served;
            else if (in.startsWith("HTTP/1.1 503") && in.contains("Retry-After: 1"))
                ++refused;
            else if (other.size() < 5)
                other.append(QStringLiteral("#%1: %2 '%3'")
                                 .arg(i)
                                 .arg(sockets[size_t(i)]->errorString(), QString::fromLatin1(in.left(40))));
        }
        QVERIFY2(served + refused == kConnections,
                 qPrintable(QStringLiteral("%1 served, %2 refused, the rest broken: %3")
                                .arg(served)
                                .arg(refused)
                                .arg(other.join("; "))));
        QVERIFY(served >= 1);
        qInfo("%d served, %d refused with 503", served, refused);
        sockets.clear();
        expectUnharmed(m_before);
    }
};

QTEST_GUILESS_MAIN(TestMalformedHttp)
#include "tst_malformedhttp.moc"
