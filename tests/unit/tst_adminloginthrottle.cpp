// SPDX-License-Identifier: MIT
// AdminLoginThrottle's rules on its per-process counters (what applies while Redis is down; the Redis script
// follows the same rules and is exercised through the real collector by tst_adminauth and tst_adminabuse).
#include <QtTest>

#include "auth/adminloginthrottle.h"
#include "redis/redisclient.h"

using namespace Proctor::Collector;
using Auth::AdminLoginThrottle;
using Auth::LoginFailureCount;
using Auth::LoginRefusal;

namespace {

const QHostAddress kA(QStringLiteral("198.51.100.7"));
const QHostAddress kB(QStringLiteral("203.0.113.9"));
const QString kEmail = QStringLiteral("owner@example.org");

} // namespace

class TestAdminLoginThrottle : public QObject
{
    Q_OBJECT

private:
    Redis::RedisClient m_redis{RedisEndpoint{}}; // never started: the throttle keeps its own counters

    std::optional<LoginRefusal> check(AdminLoginThrottle &t, const QString &email, const QHostAddress &from)
    {
        std::optional<LoginRefusal> out;
        bool called = false;
        t.check(email, from, [&](std::optional<LoginRefusal> r) {
            out = r;
            called = true;
        });
        [&] { QVERIFY(called); }();
        return out;
    }

    // One checked attempt that fails.
    LoginFailureCount fail(AdminLoginThrottle &t, const QString &email, const QHostAddress &from)
    {
        [&] { QVERIFY(!check(t, email, from)); }();
        LoginFailureCount out;
        t.recordFailure(email, from, [&](LoginFailureCount c) { out = c; });
        return out;
    }

private slots:
    void delaysDoubleUpToTheCap()
    {
        AdminLoginThrottle t(m_redis, {3, 100, 900, 8});
        QCOMPARE(t.delayMs(0), qint64(0));
        QCOMPARE(t.delayMs(2), qint64(0));
        QCOMPARE(t.delayMs(3), qint64(1000));
        QCOMPARE(t.delayMs(4), qint64(2000));
        QCOMPARE(t.delayMs(5), qint64(4000));
        QCOMPARE(t.delayMs(6), qint64(8000));
        QCOMPARE(t.delayMs(7), qint64(8000));
        QCOMPARE(t.delayMs(1000), qint64(8000));
    }

    void failuresDelayOnlyTheFailingAddress()
    {
        AdminLoginThrottle t(m_redis, {3, 100, 900, 60});
        QVERIFY(!fail(t, kEmail, kA).accountStartsDelay);
        QVERIFY(!fail(t, kEmail, kA).accountStartsDelay);
        const LoginFailureCount third = fail(t, kEmail, kA);
        QVERIFY(third.accountStartsDelay);
        QCOMPARE(third.accountFailures, 3);
        QCOMPARE(third.delaySeconds, 1);
        QVERIFY(!third.addressBecameBlocked);

        const auto refused = check(t, kEmail, kA);
        QVERIFY(refused);
        QCOMPARE(refused->scope, LoginRefusal::Scope::Account);
        QCOMPARE(refused->retryAfterSeconds, 1);
        QCOMPARE(refused->failures, 3);
        QVERIFY(refused->audit);
        // Refused again at the same count: counted, not audited again.
        for (int i = 0; i < 5; ++i)
            QVERIFY(!check(t, kEmail, kA)->audit);
        // The owner elsewhere is not affected, nor another account from the failing address.
        QVERIFY(!check(t, kEmail, kB));
        t.recordSuccess(kEmail, kB);
        QVERIFY(!check(t, QStringLiteral("other@example.org"), kA));
        t.release(QStringLiteral("other@example.org"), kA);

        // After the delay one more guess is looked at; it doubles the delay, and that refusal is audited with
        // the count of the unaudited ones before it.
        QTest::qWait(1100);
        const LoginFailureCount fourth = fail(t, kEmail, kA);
        QVERIFY(!fourth.accountStartsDelay);
        QCOMPARE(fourth.delaySeconds, 2);
        const auto longer = check(t, kEmail, kA);
        QVERIFY(longer);
        QCOMPARE(longer->retryAfterSeconds, 2);
        QVERIFY(longer->audit);
        QCOMPARE(longer->unauditedBefore, 5);
    }

    void successClearsTheAccountButNotTheAddress()
    {
        AdminLoginThrottle t(m_redis, {2, 3, 900, 60});
        fail(t, kEmail, kA);
        fail(t, kEmail, kA);
        QVERIFY(check(t, kEmail, kA));
        QTest::qWait(1100);
        QVERIFY(!check(t, kEmail, kA)); // the right password, after the delay
        t.recordSuccess(kEmail, kA);
        QVERIFY(!check(t, kEmail, kA)); // no delay any more
        t.release(kEmail, kA);
        // The address still carries its two failures: one more anywhere from there blocks it.
        const LoginFailureCount c = fail(t, QStringLiteral("x@example.org"), kA);
        QCOMPARE(c.addressFailures, 3);
        QVERIFY(c.addressBecameBlocked);
    }

    void sprayingBlocksTheAddress()
    {
        AdminLoginThrottle t(m_redis, {5, 4, 900, 60});
        for (int i = 0; i < 3; ++i)
            QVERIFY(!fail(t, QStringLiteral("victim%1@example.org").arg(i), kA).addressBecameBlocked);
        const LoginFailureCount fourth = fail(t, QStringLiteral("victim3@example.org"), kA);
        QVERIFY(fourth.addressBecameBlocked);
        QVERIFY(fourth.addressBlockSeconds > 890 && fourth.addressBlockSeconds <= 900);
        const auto refused = check(t, kEmail, kA);
        QVERIFY(refused);
        QCOMPARE(refused->scope, LoginRefusal::Scope::Address);
        QVERIFY(refused->retryAfterSeconds > 890);
        QVERIFY(refused->audit);
        QVERIFY(!check(t, kEmail, kA)->audit); // once per window
        QVERIFY(!check(t, kEmail, kB));        // other addresses go on
    }

    void attemptsInProgressCountAgainstTheLimit()
    {
        // Guesses sent together must not all pass before the first failure is counted.
        AdminLoginThrottle t(m_redis, {2, 100, 900, 60});
        QVERIFY(!check(t, kEmail, kA));
        QVERIFY(!check(t, kEmail, kA));
        const auto third = check(t, kEmail, kA);
        QVERIFY(third);
        QCOMPARE(third->retryAfterSeconds, 1);
        t.release(kEmail, kA); // the database was down for one of them: no verdict
        QVERIFY(!check(t, kEmail, kA));
    }

    void ipv6CountsByItsSlash64()
    {
        AdminLoginThrottle t(m_redis, {2, 100, 900, 60});
        fail(t, kEmail, QHostAddress(QStringLiteral("2001:db8:7:7::1")));
        fail(t, kEmail, QHostAddress(QStringLiteral("2001:db8:7:7::2")));
        QVERIFY(check(t, kEmail, QHostAddress(QStringLiteral("2001:db8:7:7:abcd::9"))));
        QVERIFY(!check(t, kEmail, QHostAddress(QStringLiteral("2001:db8:7:8::1"))));
    }
};

QTEST_GUILESS_MAIN(TestAdminLoginThrottle)
#include "tst_adminloginthrottle.moc"
