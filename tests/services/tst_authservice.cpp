// SPDX-License-Identifier: MIT
// AuthService against the real PostgreSQL, with the throttle on its per-process counters (no Redis): a
// login writes its token and audit row; wrong passwords delay only the failing address, are audited and
// announced once the delay starts; refused attempts are audited without checking the password; logout
// revokes the token.
#include <QCryptographicHash>
#include <QtTest>

#include "auth/adminloginthrottle.h"
#include "auth/passwordhasher.h"
#include "redis/redisclient.h"
#include "servicefixture.h"
#include "services/authservice.h"
#include "storage/adminrepository.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;

namespace {

const QByteArray kPassword = "auth service password";
const QHostAddress kAttacker(QStringLiteral("198.51.100.66"));
const QHostAddress kOwner(QStringLiteral("203.0.113.10"));

// login() finishes on the throttle's (this) thread: wait with the event loop running.
template <typename T> Expected<T> settle(QFuture<Expected<T>> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        return makeError(ErrorCode::Internal, QStringLiteral("no answer within 20 s"));
    return future.result();
}

} // namespace

class TestAuthService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    Redis::RedisClient m_redis{RedisEndpoint{}}; // never started
    std::unique_ptr<Auth::AdminLoginThrottle> m_throttle;
    std::unique_ptr<Services::AuthService> m_auth;
    qint64 m_adminId = 0;

    Expected<Services::SignedIn> login(const QString &email, const QByteArray &password,
                                       const QHostAddress &from)
    {
        return settle(m_auth->login({email, password, from}));
    }
    QString rows(const QString &action) const
    {
        return f->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'").arg(action));
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("authservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        pqxx::connection c(f->database().url().toStdString());
        pqxx::work tx(c);
        const auto admin = Storage::AdminRepository::insert(tx, QStringLiteral("owner@example.org"),
                                                            Auth::PasswordHasher().hash(kPassword),
                                                            Auth::AdminRole::Admin, QStringLiteral("Owner"));
        QVERIFY(admin);
        tx.commit();
        m_adminId = admin->identity.id;
        m_throttle =
            std::make_unique<Auth::AdminLoginThrottle>(m_redis, Auth::LoginThrottleLimits{3, 10, 900, 60});
        m_auth = std::make_unique<Services::AuthService>(f->pool(), *m_throttle, f->announcer(), 3600);
    }

    void loginStoresATokenAndAnAuditRow()
    {
        const auto in = login(QStringLiteral("  OWNER@example.org "), kPassword, kOwner);
        QVERIFY2(in, in ? "" : qPrintable(in.error().message));
        QCOMPARE(in->admin.id, m_adminId);
        QCOMPARE(in->admin.email, QStringLiteral("owner@example.org"));
        QVERIFY(in->expiresAt > QDateTime::currentDateTimeUtc().addSecs(3500));
        QCOMPARE(f->scalar(QStringLiteral(
                               "SELECT count(*) FROM admin_tokens WHERE token_hash = sha256('%1'::bytea)")
                               .arg(QString::fromLatin1(in->token))),
                 QStringLiteral("1"));
        QCOMPARE(
            f->scalar("SELECT actor || ' ' || target || ' ' || host(client_ip) FROM audit_log WHERE action = "
                      "'auth.login'"),
            QStringLiteral("owner@example.org admin:%1 %2").arg(m_adminId).arg(kOwner.toString()));

        const Services::Actor actor = Services::Actor::fromAdmin(
            Auth::AdminIdentity{in->admin.id, in->admin.email, in->admin.displayName, in->admin.role,
                                QCryptographicHash::hash(in->token, QCryptographicHash::Sha256)},
            kOwner);
        QCOMPARE(Services::AuthService::me(actor)->email, QStringLiteral("owner@example.org"));
        QCOMPARE(Services::AuthService::me(Services::Actor::commandLine()).error().code,
                 ErrorCode::InvalidToken);
        QVERIFY(settle(m_auth->logout(actor)));
        QCOMPARE(
            f->scalar(QStringLiteral("SELECT revoked_at IS NOT NULL FROM admin_tokens WHERE token_hash = "
                                     "sha256('%1'::bytea)")
                          .arg(QString::fromLatin1(in->token))),
            QStringLiteral("t"));
        QCOMPARE(rows("auth.logout"), QStringLiteral("1"));
    }

    void wrongPasswordsDelayOnlyTheFailingAddress()
    {
        f->announcer().clear();
        for (int i = 0; i < 3; ++i) {
            const auto out = login(QStringLiteral("owner@example.org"), "wrong password", kAttacker);
            QVERIFY(!out);
            QCOMPARE(out.error().code, ErrorCode::InvalidCredentials);
        }
        QCOMPARE(rows("auth.login_failed"), QStringLiteral("3"));
        // The third failure started the delay: the administrators are told.
        const auto messages = f->announcer().messages();
        QCOMPARE(messages.size(), 1);
        const auto *alert = std::get_if<Contract::LoginThrottled>(&messages.front());
        QVERIFY(alert);
        QCOMPARE(alert->email, QStringLiteral("owner@example.org"));
        QCOMPARE(alert->address, kAttacker.toString());
        QCOMPARE(alert->failures, 3);
        QCOMPARE(alert->delaySeconds, 1);

        // From there the right password waits and is not checked; the refusal is audited once.
        for (int i = 0; i < 3; ++i) {
            const auto refused = login(QStringLiteral("owner@example.org"), kPassword, kAttacker);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::RateLimited);
            QCOMPARE(refused.error().retryAfterSeconds, 1);
        }
        QCOMPARE(rows("auth.login_throttled"), QStringLiteral("1"));
        QCOMPARE(
            f->scalar("SELECT details->>'scope' || ' ' || (details->>'retryAfter') || ' ' || host(client_ip) "
                      "FROM audit_log WHERE action = 'auth.login_throttled'"),
            QStringLiteral("account 1 %1").arg(kAttacker.toString()));
        QCOMPARE(rows("auth.login"), QStringLiteral("1"));

        // The owner elsewhere signs in at once.
        QVERIFY(login(QStringLiteral("owner@example.org"), kPassword, kOwner));
        QCOMPARE(f->announcer().messages().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
