// SPDX-License-Identifier: MIT
// HttpRequestParser without sockets: however the bytes are split, the same requests come out; the limits
// refuse oversized bodies before reading them and oversized heads as they arrive; keep-alive, 100-continue,
// pausing.
#include <QtTest>

#include "http/httprequestparser.h"
#include "http/httpresponse.h"

using namespace Proctor::Collector::Http;

namespace {

// What a test compares of a request: everything the parser fills in.
QString describe(const HttpRequest &r)
{
    QStringList lines;
    lines << QString::fromLatin1(r.method + ' ' + r.target + " path=" + r.path + " query=" + r.query);
    for (const auto &h : r.headers)
        lines << QString::fromLatin1(h.first + ": " + h.second);
    lines << QStringLiteral("body=%1").arg(QString::fromLatin1(r.body.toHex()));
    lines << QStringLiteral("keepAlive=%1").arg(r.keepAlive);
    if (r.rejection)
        lines << QStringLiteral("rejected=%1").arg(statusForError(r.rejection->code));
    return lines.join(QLatin1Char('|'));
}

struct Outcome
{
    QStringList requests;
    int continues = 0;
    bool stopped = false;

    friend bool operator==(const Outcome &, const Outcome &) = default;
};

// Drives the parser the way HttpConnection does: after each chunk, take what is queued and resume a paused
// parser.
Outcome run(const QList<QByteArray> &chunks, HttpLimits limits = {})
{
    Outcome out;
    HttpRequestParser parser(limits, QHostAddress(QHostAddress::LocalHost), [&out] { ++out.continues; });
    auto drain = [&] {
        for (;;) {
            parser.parse();
            while (parser.hasRequest())
                out.requests << describe(parser.takeRequest());
            if (!parser.resume())
                break;
        }
    };
    for (const QByteArray &chunk : chunks) {
        parser.append(chunk);
        drain();
    }
    out.stopped = parser.isStopped();
    return out;
}

QList<QByteArray> bytewise(const QByteArray &input)
{
    QList<QByteArray> chunks;
    for (char c : input)
        chunks << QByteArray(1, c);
    return chunks;
}

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxBodyBytes = 100;
    limits.maxHeaderBytes = 200;
    return limits;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void sameRequestsAtEverySplit_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("requests");
        QTest::newRow("two pipelined GETs")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
                          "GET /readyz?x=1 HTTP/1.1\r\nHost: a\r\nX-Request-Id: r1\r\n\r\n")
            << 2;
        QTest::newRow("POST with a body, then GET")
            << QByteArray("POST /api/v1/events HTTP/1.1\r\nContent-Type: application/json\r\n"
                          "Content-Length: 13\r\n\r\n{\"events\":[]}"
                          "GET /healthz HTTP/1.1\r\n\r\n")
            << 2;
        QTest::newRow("chunked POST, then GET")
            << QByteArray("POST /api/v1/events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\nGET / HTTP/1.1\r\n\r\n")
            << 2;
        QTest::newRow("folded header and whitespace trimmed")
            << QByteArray("GET / HTTP/1.1\r\nX-A:   one  \r\nX-B: two\r\n three\r\n\r\n") << 1;
        QTest::newRow("nothing read after Connection: close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET /never HTTP/1.1\r\n\r\n") << 1;
        QTest::newRow("HTTP/1.0 without keep-alive ends the connection")
            << QByteArray("GET / HTTP/1.0\r\n\r\nGET /never HTTP/1.0\r\n\r\n") << 1;
        QTest::newRow("a good request, then garbage")
            << QByteArray("GET / HTTP/1.1\r\n\r\nHELLO\r\n\r\n") << 2;
        QTest::newRow("more than the pipeline holds")
            << QByteArray("GET /1 HTTP/1.1\r\n\r\n").repeated(40) << 40;
        QTest::newRow("pipelined after an Upgrade the server ignores")
            << QByteArray(
                   "GET /a HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\nGET /b HTTP/1.1\r\n\r\n")
            << 2;
    }
    void sameRequestsAtEverySplit()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, requests);
        const Outcome whole = run({input});
        QCOMPARE(whole.requests.size(), requests);
        for (qsizetype i = 1; i < input.size(); ++i) {
            const Outcome split = run({input.left(i), input.mid(i)});
            if (!(split == whole))
                QFAIL(qPrintable(QStringLiteral("split at %1:\n%2\nvs whole:\n%3")
                                     .arg(i)
                                     .arg(split.requests.join(u'\n'), whole.requests.join(u'\n'))));
        }
        const Outcome single = run(bytewise(input));
        QCOMPARE(single.requests, whole.requests);
        QCOMPARE(single.stopped, whole.stopped);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status"); // of the last request out; 0: no rejection
        QTest::addColumn<int>("requests");
        QTest::newRow("body at the limit")
            << (QByteArray("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n") + QByteArray(100, 'x')) << 0
            << 1;
        // Only the head is sent: the 413 must come before a single body byte.
        QTest::newRow("oversized Content-Length refused before the body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n") << 413 << 1;
        QTest::newRow("huge Content-Length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9999999999999\r\n\r\n") << 413 << 1;
        QTest::newRow("Content-Length overflowing 64 bits")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n") << 400 << 1;
        QTest::newRow("chunked body counted over the limit")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" +
                          QByteArray(64, 'a') + "\r\n40\r\n" + QByteArray(64, 'b') + "\r\n0\r\n\r\n")
            << 413 << 1;
        QTest::newRow("chunked body at the limit")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" +
                          QByteArray(50, 'a') + "\r\n32\r\n" + QByteArray(50, 'b') + "\r\n0\r\n\r\n")
            << 0 << 1;
        QTest::newRow("header flood") << (QByteArray("GET / HTTP/1.1\r\n") +
                                          QByteArray("X-Flood: 0123456789\r\n").repeated(20) + "\r\n")
                                      << 431 << 1;
        // Header lines cost their framing too, not only the bytes of names and values.
        QTest::newRow("empty header flood")
            << (QByteArray("GET / HTTP/1.1\r\n") + QByteArray("a:\r\n").repeated(60) + "\r\n") << 431 << 1;
        QTest::newRow("long request line")
            << (QByteArray("GET /") + QByteArray(300, 'a') + " HTTP/1.1\r\n\r\n") << 431 << 1;
        QTest::newRow("one long header value")
            << (QByteArray("GET / HTTP/1.1\r\nCookie: ") + QByteArray(250, 'c') + "\r\n\r\n") << 431 << 1;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400
                                 << 1;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9\r\n\r\n") << 400 << 1;
        QTest::newRow("header line without a colon")
            << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400 << 1;
        QTest::newRow("Content-Length and chunked")
            << QByteArray(
                   "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400 << 1;
        QTest::newRow("two Content-Lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!") << 400
            << 1;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400 << 1;
        QTest::newRow("good request then garbage")
            << QByteArray("GET / HTTP/1.1\r\n\r\n\x01\x02\x03\r\n\r\n") << 400 << 2;
    }
    void limits()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(int, requests);
        HttpRequestParser parser(smallLimits());
        QCOMPARE(parser.feed(input),
                 status ? HttpRequestParser::Progress::Rejected : HttpRequestParser::Progress::Parsed);
        QCOMPARE(parser.queued(), requests);
        HttpRequest last;
        while (parser.hasRequest())
            last = parser.takeRequest();
        QCOMPARE(last.rejection ? statusForError(last.rejection->code) : 0, status);
        if (status) {
            QVERIFY(last.body.size() <= smallLimits().maxBodyBytes);
            QVERIFY(!last.keepAlive);
            QVERIFY(parser.isStopped());
            QVERIFY(!parser.hasBufferedInput());
            // Nothing after a rejection is read.
            QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), HttpRequestParser::Progress::Idle);
            QVERIFY(!parser.hasRequest());
        }
    }

    void keepAlive_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("HTTP/1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
        QTest::newRow("HTTP/1.1 Connection: close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("HTTP/1.1 connection: CLOSE")
            << QByteArray("GET / HTTP/1.1\r\nconnection: CLOSE\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
    }
    void keepAlive()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, keepAlive);
        HttpRequestParser parser(HttpLimits{});
        parser.feed(input + "GET /next HTTP/1.1\r\n\r\n");
        QVERIFY(parser.hasRequest());
        QCOMPARE(parser.takeRequest().keepAlive, keepAlive);
        QCOMPARE(parser.isStopped(), !keepAlive);
        // A request that closes the connection is the last one parsed.
        QCOMPARE(parser.hasRequest(), keepAlive);
    }

    void expectContinue_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("continues");
        QTest::addColumn<int>("status");
        QTest::newRow("asked") << QByteArray(
                                      "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                               << 1 << 0;
        QTest::newRow("case-insensitive")
            << QByteArray("POST / HTTP/1.1\r\nexpect: 100-Continue\r\nContent-Length: 5\r\n\r\n") << 1 << 0;
        QTest::newRow("not asked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n") << 0 << 0;
        QTest::newRow("other expectation")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 200-ok\r\nContent-Length: 5\r\n\r\n") << 0 << 0;
        QTest::newRow("oversized body gets 413 instead")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n") << 0
            << 413;
    }
    void expectContinue()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, continues);
        QFETCH(int, status);
        int signalled = 0;
        HttpRequestParser parser(smallLimits(), {}, [&signalled] { ++signalled; });
        parser.feed(head);
        // Signalled on the head, before the body has arrived.
        QCOMPARE(signalled, continues);
        if (status) {
            QVERIFY(parser.hasRequest());
            QCOMPARE(statusForError(parser.takeRequest().rejection->code), status);
            return;
        }
        QVERIFY(!parser.hasRequest());
        QVERIFY(parser.inMessage());
        parser.feed("hello");
        QCOMPARE(signalled, continues);
        QVERIFY(parser.hasRequest());
        QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
    }

    void pausesWhenThePipelineIsFull()
    {
        HttpLimits limits;
        limits.maxPipelined = 2;
        HttpRequestParser parser(limits);
        parser.feed(QByteArray("GET /x HTTP/1.1\r\n\r\n").repeated(5));
        QCOMPARE(parser.queued(), 2);
        QVERIFY(parser.isPaused());
        QVERIFY(parser.hasBufferedInput());
        QCOMPARE(parser.parse(), HttpRequestParser::Progress::Idle);
        QVERIFY(!parser.resume()); // still full
        parser.takeRequest();
        QVERIFY(parser.resume());
        QCOMPARE(parser.parse(), HttpRequestParser::Progress::Parsed);
        QCOMPARE(parser.queued(), 2);
        parser.takeRequest();
        parser.takeRequest();
        QVERIFY(parser.resume());
        parser.parse();
        QCOMPARE(parser.queued(), 2); // the last two of five
        QVERIFY(!parser.hasBufferedInput());
    }

    void rejectTurnsThePartialRequestIntoTheLast()
    {
        HttpRequestParser parser(HttpLimits{}, QHostAddress(QHostAddress::LocalHost));
        parser.feed("GET /a HTTP/1.1\r\n\r\nPOST /slow HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        QVERIFY(parser.inMessage());
        parser.reject(Proctor::ErrorCode::RequestTimeout, QStringLiteral("request not received in time"));
        QVERIFY(!parser.inMessage());
        QVERIFY(parser.isStopped());
        QCOMPARE(parser.queued(), 2);
        QCOMPARE(parser.takeRequest().target, QByteArray("/a"));
        const HttpRequest r = parser.takeRequest();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(statusForError(r.rejection->code), 408);
        QCOMPARE(r.peer, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!r.keepAlive);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
