// SPDX-License-Identifier: MIT
// Session tokens: round trip, expiry, and every tampering refused.
#include <QtTest>

#include "auth/sessiontoken.h"

using namespace Proctor::Collector::Auth;
using Proctor::ErrorCode;

class TestSessionToken : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_secret = QByteArray(32, 's');
    SessionClaims claims() const
    {
        SessionClaims c;
        c.sessionId = QUuid(QStringLiteral("7d3c4a9e-1b2f-4c3d-8e4f-5a6b7c8d9e0f"));
        c.startedAtMs = 1764064800123;
        c.expiresAtSec = 2000000000;
        c.apiKeyId = 42;
        return c;
    }

private slots:
    void roundTrip()
    {
        const SessionTokenSigner signer(m_secret);
        const QByteArray token = signer.issue(claims());
        const auto back = signer.verify(token, 1900000000);
        QVERIFY(back);
        QCOMPARE(back->sessionId, claims().sessionId);
        QCOMPARE(back->startedAtMs, claims().startedAtMs);
        QCOMPARE(back->expiresAtSec, claims().expiresAtSec);
        QCOMPARE(back->apiKeyId, qint64(42));
    }

    void expiredIsRefused()
    {
        const SessionTokenSigner signer(m_secret);
        const auto r = signer.verify(signer.issue(claims()), 2000000000);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::ExpiredToken);
    }

    void tamperingIsRefused_data()
    {
        QTest::addColumn<int>("position"); // byte to flip, counted from the start; -1: other secret
        QTest::newRow("version byte") << 0;
        QTest::newRow("payload: session id") << 5;
        QTest::newRow("payload: expiry") << 40;
        QTest::newRow("signature") << -2;
        QTest::newRow("signed with another secret") << -1;
    }
    void tamperingIsRefused()
    {
        QFETCH(int, position);
        const SessionTokenSigner signer(m_secret);
        QByteArray token;
        if (position == -1) {
            token = SessionTokenSigner(QByteArray(32, 'x')).issue(claims());
        } else {
            token = signer.issue(claims());
            const int at = position >= 0 ? position : int(token.size()) + position;
            token[at] = token.at(at) == 'A' ? 'B' : 'A';
        }
        const auto r = signer.verify(token, 1900000000);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidToken);
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no dots") << QByteArray("v1abc");
        QTest::newRow("only prefix") << QByteArray("v1.");
        QTest::newRow("bad base64") << QByteArray("v1.!!!.???");
        QTest::newRow("huge") << QByteArray(10000, 'v');
    }
    void garbageIsRefused()
    {
        QFETCH(QByteArray, token);
        const auto r = SessionTokenSigner(m_secret).verify(token, 1900000000);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidToken);
    }
};

QTEST_GUILESS_MAIN(TestSessionToken)
#include "tst_sessiontoken.moc"
