// SPDX-License-Identifier: MIT
// The client address behind a trusted proxy: only the proxy-appended part of X-Forwarded-For is believed. And
// the group an address's limits count under: IPv4 as it is, IPv6 by its /64.
#include <QtTest>

#include "auth/ratelimiter.h"
#include "http/httpserver.h"
#include "http/routes/pageguard.h"

using Proctor::Collector::Auth::RateLimiter;
using Proctor::Collector::Http::clientAddress;
using Proctor::Collector::Http::PageGuard;

class TestClientAddress : public QObject
{
    Q_OBJECT

private slots:
    void resolves_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no proxy configured for this peer")
            << "203.0.113.9" << QByteArray("1.2.3.4") << "203.0.113.9";
        QTest::newRow("trusted proxy, one hop")
            << "127.0.0.1" << QByteArray("198.51.100.7") << "198.51.100.7";
        QTest::newRow("client-forged left part ignored")
            << "127.0.0.1" << QByteArray("6.6.6.6, 198.51.100.7") << "198.51.100.7";
        QTest::newRow("chain of trusted proxies")
            << "127.0.0.1" << QByteArray("198.51.100.7, 10.1.2.3") << "198.51.100.7";
        QTest::newRow("trusted proxy without header") << "127.0.0.1" << QByteArray() << "127.0.0.1";
        QTest::newRow("garbage hop") << "127.0.0.1" << QByteArray("not-an-ip") << "127.0.0.1";
        QTest::newRow("ipv6 client") << "127.0.0.1" << QByteArray("2001:db8::1") << "2001:db8::1";
    }
    void resolves()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, expected);
        const QList<QPair<QHostAddress, int>> trusted{
            QHostAddress::parseSubnet(QStringLiteral("127.0.0.1/32")),
            QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8"))};
        QCOMPARE(clientAddress(QHostAddress(peer), forwardedFor, trusted), QHostAddress(expected));
    }

    void limitsCountIpv6ByItsSlash64_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QByteArray>("group");
        QTest::newRow("ipv4") << "198.51.100.7" << QByteArray("198.51.100.7");
        QTest::newRow("ipv4 neighbour is another group") << "198.51.100.8" << QByteArray("198.51.100.8");
        QTest::newRow("ipv4-mapped ipv6 counts as ipv4")
            << "::ffff:198.51.100.7" << QByteArray("198.51.100.7");
        QTest::newRow("ipv6") << "2001:db8:1:2::1" << QByteArray("2001:db8:1:2::/64");
        QTest::newRow("ipv6, another host of the same /64")
            << "2001:db8:1:2:ffff:ffff:ffff:ffff" << QByteArray("2001:db8:1:2::/64");
        QTest::newRow("ipv6, the next /64") << "2001:db8:1:3::1" << QByteArray("2001:db8:1:3::/64");
        QTest::newRow("ipv6 with a scope") << "fe80::1%eth0" << QByteArray("fe80::/64");
        QTest::newRow("ipv6 loopback") << "::1" << QByteArray("::/64");
    }
    void limitsCountIpv6ByItsSlash64()
    {
        QFETCH(QString, address);
        QFETCH(QByteArray, group);
        QCOMPARE(RateLimiter::addressGroup(QHostAddress(address)), group);
        QCOMPARE(PageGuard::addressBucket(QHostAddress(address)), "a:" + group);
    }

    void deviceIsFingerprintAndPersistentIdTogether()
    {
        const QString hash(64, QLatin1Char('a'));
        const QString id = QStringLiteral("0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d11");
        QCOMPARE(PageGuard::deviceBucket(hash, id), PageGuard::deviceBucket(hash.toUpper(), id.toUpper()));
        QVERIFY(PageGuard::deviceBucket(hash, id) !=
                PageGuard::deviceBucket(hash, QStringLiteral("0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d12")));
        QVERIFY(PageGuard::deviceBucket(hash, id) !=
                PageGuard::deviceBucket(QString(64, QLatin1Char('b')), id));
        QCOMPARE(PageGuard::deviceBucket(hash, id).size(), 5 + 32); // fixed size whatever the client sent
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
