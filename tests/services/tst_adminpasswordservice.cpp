// SPDX-License-Identifier: MIT
// Services::AdminPasswordService against the real PostgreSQL: changing one's own password needs the current
// one and signs out the other sessions only; a reset generates a password that works and signs out every
// session; the command line sets one by e-mail; every change is audited and the hash is argon2id.
#include <QtTest>

#include "auth/admintokens.h"
#include "auth/passwordhasher.h"
#include "servicefixture.h"
#include "services/adminpasswordservice.h"
#include "services/adminservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;

class TestAdminPasswordService : public QObject
{
    Q_OBJECT

    qint64 createAdmin(const QString &email, const QByteArray &password)
    {
        Services::AdminService admins(m_fixture->pool());
        const auto created = ServiceFixture::wait(
            admins.create(Services::Actor::commandLine(), {email, password, QStringLiteral("admin"), {}}));
        return created ? created->identity.id : 0;
    }
    // Inserts a live token for `id` and returns its hash.
    QByteArray token(qint64 id, char seed)
    {
        const QByteArray hash(32, seed);
        m_fixture->scalar(QStringLiteral("INSERT INTO admin_tokens (token_hash, admin_id, expires_at) VALUES "
                                         "('\\x%1', %2, now() + interval '1 hour') RETURNING 1")
                              .arg(QString::fromLatin1(hash.toHex()))
                              .arg(id));
        return hash;
    }
    int liveTokens(qint64 id)
    {
        return m_fixture
            ->scalar(
                QStringLiteral("SELECT count(*) FROM admin_tokens WHERE admin_id = %1 AND revoked_at IS NULL")
                    .arg(id))
            .toInt();
    }
    bool passwordIs(qint64 id, const QByteArray &password)
    {
        const QString hash =
            m_fixture->scalar(QStringLiteral("SELECT password_hash FROM admins WHERE id = %1").arg(id));
        return Auth::PasswordHasher().verify(hash.toUtf8(), password);
    }
    Services::Actor actorFor(qint64 id, const QString &email, const QByteArray &tokenHash)
    {
        return Services::Actor::fromAdmin(
            Auth::AdminIdentity{id, email, {}, Auth::AdminRole::Admin, tokenHash},
            QHostAddress(QStringLiteral("192.0.2.9")));
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_adminpassword"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_service = std::make_unique<Services::AdminPasswordService>(m_fixture->pool());
    }

    void changeOwnNeedsTheCurrentPassword()
    {
        const qint64 id = createAdmin(QStringLiteral("own@example.org"), "first password 1");
        QVERIFY(id > 0);
        const QByteArray mine = token(id, 'a');
        token(id, 'b');
        const auto me = actorFor(id, QStringLiteral("own@example.org"), mine);
        const auto wrong =
            ServiceFixture::wait(m_service->changeOwn(me, "not my password", "second password 2"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(wrong.error().field, QStringLiteral("/current"));
        QCOMPARE(ServiceFixture::wait(m_service->changeOwn(me, "first password 1", "short")).error().field,
                 QStringLiteral("/new"));
        QCOMPARE(ServiceFixture::wait(m_service->changeOwn(me, "first password 1", "first password 1"))
                     .error()
                     .field,
                 QStringLiteral("/new"));
        QVERIFY(passwordIs(id, "first password 1"));
        QCOMPARE(liveTokens(id), 2);

        const auto done =
            ServiceFixture::wait(m_service->changeOwn(me, "first password 1", "second password 2"));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->tokensRevoked, 1);
        QVERIFY(done->generatedPassword.isEmpty());
        QVERIFY(passwordIs(id, "second password 2"));
        QVERIFY(!passwordIs(id, "first password 1"));
        // The token in use stays, the other session is signed out.
        QCOMPARE(liveTokens(id), 1);
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT count(*) FROM admin_tokens WHERE admin_id = %1 AND "
                                                  "revoked_at IS NULL AND token_hash = '\\x%2'")
                                       .arg(id)
                                       .arg(QString::fromLatin1(mine.toHex()))),
                 QStringLiteral("1"));
        QCOMPARE(
            m_fixture->scalar(QStringLiteral("SELECT actor || ' ' || target FROM audit_log WHERE action = "
                                             "'admin.password_change'")),
            QStringLiteral("own@example.org admin:%1").arg(id));
        // The hash is never in the audit row.
        QVERIFY(m_fixture
                    ->scalar(QStringLiteral("SELECT details::text FROM audit_log WHERE action = "
                                            "'admin.password_change'"))
                    .indexOf(QStringLiteral("argon2")) < 0);
    }

    void resetGeneratesAWorkingPasswordAndSignsOut()
    {
        const qint64 boss = createAdmin(QStringLiteral("boss@example.org"), "boss password 1");
        const qint64 other = createAdmin(QStringLiteral("other@example.org"), "other password 1");
        token(other, 'c');
        token(other, 'd');
        const auto done = ServiceFixture::wait(
            m_service->reset(actorFor(boss, QStringLiteral("boss@example.org"), token(boss, 'e')), other));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->generatedPassword.size(), Services::AdminPasswordService::kGeneratedLength);
        QVERIFY(passwordIs(other, done->generatedPassword));
        QCOMPARE(done->tokensRevoked, 2);
        QCOMPARE(liveTokens(other), 0);
        QCOMPARE(liveTokens(boss), 1);
        QCOMPARE(m_fixture->scalar(
                     QStringLiteral("SELECT actor FROM audit_log WHERE action = 'admin.password_reset' "
                                    "AND target = 'admin:%1'")
                         .arg(other)),
                 QStringLiteral("boss@example.org"));
        QCOMPARE(ServiceFixture::wait(m_service->reset(Services::Actor::commandLine(), 999999)).error().code,
                 ErrorCode::NotFound);
        // Two resets never give the same password.
        const auto again = ServiceFixture::wait(m_service->reset(Services::Actor::commandLine(), other));
        QVERIFY(again && again->generatedPassword != done->generatedPassword);
    }

    void commandLineSetsByEmail()
    {
        const qint64 id = createAdmin(QStringLiteral("cli@example.org"), "cli password 1");
        token(id, 'f');
        const auto done = ServiceFixture::wait(m_service->set(
            Services::Actor::commandLine(), QStringLiteral(" CLI@example.org "), "cli password 2"));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QVERIFY(passwordIs(id, "cli password 2"));
        QCOMPARE(liveTokens(id), 0);
        QCOMPARE(ServiceFixture::wait(m_service->set(Services::Actor::commandLine(),
                                                     QStringLiteral("nobody@x.org"), "whatever password"))
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(ServiceFixture::wait(m_service->set(Services::Actor::commandLine(),
                                                     QStringLiteral("cli@example.org"), "short"))
                     .error()
                     .field,
                 QStringLiteral("/password"));
        QVERIFY(
            m_fixture
                ->scalar(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'admin.password_set'"))
                .startsWith(QStringLiteral("cli:")));
    }

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<Services::AdminPasswordService> m_service;
};

QTEST_GUILESS_MAIN(TestAdminPasswordService)
#include "tst_adminpasswordservice.moc"
