// SPDX-License-Identifier: MIT
// The client address behind a trusted proxy: only the proxy-appended part of X-Forwarded-For is believed.
#include <QtTest>

#include "http/httpserver.h"

using Proctor::Collector::Http::clientAddress;

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
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
