// SPDX-License-Identifier: MIT
// The production abuse limits through the real collector: session starts per client address and per device
// (fingerprint hash and persistent id), certificate lookups per address, IPv6 clients counted by their /64,
// each answered with 429 and a Retry-After that is enough to wait, each configurable; and the defaults, which
// must let an office behind one address start a test together.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUuid>
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

// The limits of the configured collector (small, so a test reaches them in a few requests).
constexpr int kStartsPerAddress = 4;
constexpr int kStartsPerAddressPerMinute = 12; // one every 5 s
constexpr int kStartsPerDevice = 3;
constexpr int kStartsPerDevicePerHour = 2; // one every 30 min
constexpr int kLookupsPerAddress = 5;
constexpr int kLookupsPerAddressPerMinute = 6; // one every 10 s

QHostAddress randomLoopback()
{
    auto *rng = QRandomGenerator::global();
    return QHostAddress(QStringLiteral("127.%1.%2.%3")
                            .arg(rng->bounded(1, 255))
                            .arg(rng->bounded(0, 256))
                            .arg(rng->bounded(2, 255)));
}

// A device as the page describes it: the hash of its attributes and the browser's persistent id.
struct Device
{
    QString fingerprintHash;
    QString persistentId;

    static Device fresh()
    {
        return Device{QString::fromLatin1(QCryptographicHash::hash(QUuid::createUuid().toByteArray(),
                                                                   QCryptographicHash::Sha256)
                                              .toHex()),
                      QUuid::createUuid().toString(QUuid::WithoutBraces)};
    }
};

QByteArray startBody(const Device &device)
{
    QJsonObject body = HotPathFixture::sessionStartBody(QStringLiteral("Лимитов"), device.persistentId);
    QJsonObject fingerprint = body.value("fingerprint").toObject();
    fingerprint.insert("privacySafeHash", device.fingerprintHash);
    body.insert("fingerprint", fingerprint);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRateLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;

    // POST /api/v1/sessions on `c` (kept alive) for `device`; `forwardedFor` is what the trusted proxy says.
    RawResponse start(RawConnection &c, HotPathFixture &fx, const Device &device,
                      const QByteArray &forwardedFor = {})
    {
        QByteArray headers = "X-API-Key: " + fx.apiKey() + "\r\n";
        if (!forwardedFor.isEmpty())
            headers += "X-Forwarded-For: " + forwardedFor + "\r\n";
        c.send(rawPost("/api/v1/sessions", startBody(device), headers));
        const RawResponse r = c.read(15000);
        // The reads block without an event loop: let the fixture drain the collector's log pipe now, or
        // after a few hundred requests the collector blocks writing its request log.
        QCoreApplication::processEvents();
        return r;
    }

    RawResponse startFrom(const QHostAddress &from, HotPathFixture &fx, const Device &device,
                          const QByteArray &forwardedFor = {})
    {
        RawConnection c;
        if (!c.connect(fx.collector().port(), from))
            return {};
        return start(c, fx, device, forwardedFor);
    }

    RawResponse lookup(RawConnection &c, int n)
    {
        c.send(rawGet(
            QStringLiteral("/api/v1/certificates/99%2F01-%1").arg(n, 4, 10, QLatin1Char('0')).toLatin1()));
        const RawResponse r = c.read(15000);
        QCoreApplication::processEvents();
        return r;
    }

    int sessionsFor(const Device &device)
    {
        return f->db()
            .scalar(QStringLiteral("SELECT count(*) FROM sessions WHERE fingerprint_hash = '%1'")
                        .arg(device.fingerprintHash))
            .toInt();
    }

    static QString describe(const RawResponse &r)
    {
        return QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("ratelimits"),
            QMap<QString, QString>{
                {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST", QString::number(kStartsPerAddress)},
                {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE",
                 QString::number(kStartsPerAddressPerMinute)},
                {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST", QString::number(kStartsPerDevice)},
                {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR",
                 QString::number(kStartsPerDevicePerHour)},
                {"PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_BURST", QString::number(kLookupsPerAddress)},
                {"PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_PER_MINUTE",
                 QString::number(kLookupsPerAddressPerMinute)},
                // 127.0.0.1 plays nginx: its X-Forwarded-For names the client (the IPv6 rows need that).
                {"PROCTOR_TRUSTED_PROXIES", "127.0.0.1"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
    }

    void sessionStartsAreLimitedPerAddress()
    {
        const QHostAddress office = randomLoopback();
        RawConnection c;
        QVERIFY(c.connect(f->collector().port(), office));
        for (int i = 0; i < kStartsPerAddress; ++i) {
            const RawResponse r = start(c, *f, Device::fresh());
            QVERIFY2(r.status == 201 || r.status == 200,
                     qPrintable(describe(r))); // 200: the same candidate resumes
        }
        const Device late = Device::fresh();
        const RawResponse refused = start(c, *f, late);
        QVERIFY2(refused.status == 429, qPrintable(describe(refused)));
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = refused.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60 / kStartsPerAddressPerMinute, refused.head.constData());
        QCOMPARE(sessionsFor(late), 0); // refused before anything was written
        // Another address is not affected.
        QCOMPARE(startFrom(randomLoopback(), *f, Device::fresh()).status, 201);
        // Waiting as told is enough.
        QTest::qWait(retryAfter * 1000 + 100);
        const RawResponse again = start(c, *f, late);
        QVERIFY2(again.status == 201 || again.status == 200, qPrintable(describe(again)));
        QCOMPARE(sessionsFor(late), 1);
    }

    void sessionStartsAreLimitedPerDevice()
    {
        // One browser moving between addresses (a phone on mobile data, a script behind proxies).
        const Device device = Device::fresh();
        for (int i = 0; i < kStartsPerDevice; ++i) {
            const RawResponse r = startFrom(randomLoopback(), *f, device);
            QVERIFY2(r.status == 201 || r.status == 200,
                     qPrintable(describe(r))); // 200: the same candidate resumes
        }
        const RawResponse refused = startFrom(randomLoopback(), *f, device);
        QVERIFY2(refused.status == 429, qPrintable(describe(refused)));
        const int retryAfter = refused.header("Retry-After").toInt();
        // One start every 30 minutes after the burst.
        QVERIFY2(retryAfter > 1500 && retryAfter <= 3600 / kStartsPerDevicePerHour, refused.head.constData());
        // Every allowed start was the same candidate, so each resumed the one attempt (issue 13).
        QCOMPARE(sessionsFor(device), 1);
        // The same computer model in another browser (a uniform office fleet hashes alike) is another device.
        const Device sibling{device.fingerprintHash, QUuid::createUuid().toString(QUuid::WithoutBraces)};
        QCOMPARE(startFrom(randomLoopback(), *f, sibling).status, 201);
        QCOMPARE(sessionsFor(device), 2);
    }

    void ipv6ClientsCountByTheirSlash64()
    {
        // Through the trusted proxy (127.0.0.1), whose X-Forwarded-For names IPv6 clients.
        const QString net = QStringLiteral("2001:db8:%1:%2")
                                .arg(QRandomGenerator::global()->bounded(1, 0xffff), 0, 16)
                                .arg(QRandomGenerator::global()->bounded(1, 0xffff), 0, 16);
        for (int i = 0; i < kStartsPerAddress; ++i) {
            // A host picks a new address inside its /64 for every request.
            const QByteArray client =
                QStringLiteral("%1:%2::%3").arg(net).arg(i + 1, 0, 16).arg(i + 7).toLatin1();
            const RawResponse r = startFrom(QHostAddress::LocalHost, *f, Device::fresh(), client);
            QVERIFY2(r.status == 201 || r.status == 200,
                     qPrintable(describe(r))); // 200: the same candidate resumes
        }
        const RawResponse refused = startFrom(QHostAddress::LocalHost, *f, Device::fresh(),
                                              (net + ":ffff:ffff:ffff:fffe").toLatin1());
        QVERIFY2(refused.status == 429, qPrintable(describe(refused)));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        // The neighbouring /64 is somebody else.
        const QString neighbour = net.left(net.lastIndexOf(QLatin1Char(':'))) + QStringLiteral(":0");
        const RawResponse other =
            startFrom(QHostAddress::LocalHost, *f, Device::fresh(), (neighbour + "::1").toLatin1());
        QVERIFY2(other.status == 201 || other.status == 200, qPrintable(describe(other)));
        // The stored address is the client's own, not its /64.
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM sessions WHERE client_ip = '%1:1::7'").arg(net)),
                 QStringLiteral("1"));
    }

    void certificateLookupsAreLimitedPerAddress()
    {
        RawConnection c;
        QVERIFY(c.connect(f->collector().port(), randomLoopback()));
        for (int i = 0; i < kLookupsPerAddress; ++i)
            QCOMPARE(lookup(c, i).status, 404);
        const RawResponse refused = lookup(c, kLookupsPerAddress);
        QVERIFY2(refused.status == 429, qPrintable(describe(refused)));
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = refused.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60 / kLookupsPerAddressPerMinute, refused.head.constData());
        RawConnection other;
        QVERIFY(other.connect(f->collector().port(), randomLoopback()));
        QCOMPARE(lookup(other, 1).status, 404);
        QVERIFY(collectorServes(*f));
    }

    void defaultsLetAnOfficeStartTogether()
    {
        // The collector's own defaults (an empty value overrides the fixture's generous ones): 300 people
        // behind one NAT address start at once, the rest follow at two a second; one browser gets 10.
        HotPathFixture d(QStringLiteral("ratelimitdefaults"),
                         {{"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST", ""},
                          {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE", ""},
                          {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST", ""},
                          {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR", ""}});
        QVERIFY2(d.error().isEmpty(), qPrintable(d.error()));
        const QHostAddress office = randomLoopback();
        RawConnection c;
        QVERIFY(c.connect(d.collector().port(), office));
        QElapsedTimer t;
        t.start();
        int started = 0;
        RawResponse refused;
        while (started < 1000) {
            const RawResponse r = start(c, d, Device::fresh());
            if (r.status != 201) {
                refused = r;
                break;
            }
            ++started;
        }
        const double seconds = double(t.elapsed()) / 1000.0;
        QVERIFY2(refused.status == 429, qPrintable(describe(refused)));
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        // At least the burst, and no more than the burst plus two a second for the time it took.
        QVERIFY2(started >= 300 && started <= 300 + int(2 * seconds) + 1,
                 qPrintable(QStringLiteral("%1 starts in %2 s").arg(started).arg(seconds)));
        qInfo("default per-address limit: %d starts from one address in %.1f s before the first 429", started,
              seconds);

        const Device browser = Device::fresh();
        for (int i = 0; i < 10; ++i) {
            const RawResponse r = startFrom(randomLoopback(), d, browser);
            QVERIFY2(r.status == 201 || r.status == 200,
                     qPrintable(describe(r))); // 200: the same candidate resumes
        }
        const RawResponse eleventh = startFrom(randomLoopback(), d, browser);
        QVERIFY2(eleventh.status == 429, qPrintable(describe(eleventh)));
        const int retryAfter = eleventh.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 300 && retryAfter <= 360, eleventh.head.constData()); // ten an hour
    }
};

QTEST_GUILESS_MAIN(TestRateLimits)
#include "tst_ratelimits.moc"
