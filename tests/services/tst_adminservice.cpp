// SPDX-License-Identifier: MIT
// AdminService against the real PostgreSQL: accounts are created with an argon2id hash and an audit row,
// a taken e-mail is a conflict, bad input names its field, and nobody can demote or disable the last admin.
#include <QtTest>

#include "servicefixture.h"
#include "services/adminservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;

class TestAdminService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::AdminService> admins;
    Services::Actor cli;

    QString count(const QString &table) const { return f->scalar("SELECT count(*) FROM " + table); }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("adminservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        admins = std::make_unique<Services::AdminService>(f->pool());
        qunsetenv("SUDO_USER");
        qputenv("USER", "installer");
        cli = Services::Actor::commandLine();
    }

    void theFirstAdminComesFromTheCommandLine()
    {
        const auto created = ServiceFixture::wait(
            admins->create(cli, {QStringLiteral("  Root@Example.org "), "root password",
                                 QStringLiteral("admin"), QStringLiteral("  The   Root ")}));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        QCOMPARE(created->identity.email, QStringLiteral("root@example.org"));
        QCOMPARE(created->identity.role, Auth::AdminRole::Admin);
        QCOMPARE(created->identity.displayName, QStringLiteral("The Root"));
        QVERIFY(!created->disabled());
        QVERIFY(created->createdAt.isValid());
        QVERIFY(
            f->scalar(
                 QStringLiteral("SELECT password_hash FROM admins WHERE id = %1").arg(created->identity.id))
                .startsWith("$argon2id$"));
        QCOMPARE(
            f->scalar("SELECT actor || ' ' || target || ' ' || coalesce(admin_id::text, '-') FROM audit_log "
                      "WHERE action = 'admin.create'"),
            QStringLiteral("cli:installer admin:%1 -").arg(created->identity.id));
        QCOMPARE(QJsonDocument::fromJson(
                     f->scalar("SELECT details::text FROM audit_log WHERE action = 'admin.create'").toUtf8())
                     .object(),
                 (QJsonObject{{"email", "root@example.org"}, {"role", "admin"}}));
    }

    void aTakenEmailIsAConflict()
    {
        const QString auditBefore = count("audit_log");
        const auto again = ServiceFixture::wait(admins->create(
            cli, {QStringLiteral("ROOT@example.org"), "another password", QStringLiteral("proctor"), {}}));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(again.error().field, QStringLiteral("/email"));
        QCOMPARE(count("admins"), QStringLiteral("1"));
        QCOMPARE(count("audit_log"), auditBefore);
    }

    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("field");
        const QString ok = QStringLiteral("long enough password");
        QTest::newRow("no e-mail") << "" << ok << "proctor"
                                   << ""
                                   << "/email";
        QTest::newRow("no at sign") << "nope" << ok << "proctor"
                                    << ""
                                    << "/email";
        QTest::newRow("two at signs") << "a@b@c" << ok << "proctor"
                                      << ""
                                      << "/email";
        QTest::newRow("space inside") << "a b@c.d" << ok << "proctor"
                                      << ""
                                      << "/email";
        QTest::newRow("e-mail of 255 characters")
            << QString(251, QLatin1Char('a')) + "@b.c" << ok << "proctor"
            << ""
            << "/email";
        QTest::newRow("short password") << "a@b.c"
                                        << "short"
                                        << "proctor"
                                        << ""
                                        << "/password";
        // Nine characters are too few even when their UTF-8 bytes are more than ten.
        QTest::newRow("nine Cyrillic characters") << "a@b.c" << QStringLiteral("пароль123") << "proctor"
                                                  << ""
                                                  << "/password";
        QTest::newRow("password over 1024 bytes") << "a@b.c" << QString(1025, QLatin1Char('p')) << "proctor"
                                                  << ""
                                                  << "/password";
        QTest::newRow("role root") << "a@b.c" << ok << "root"
                                   << ""
                                   << "/role";
        QTest::newRow("role with a capital") << "a@b.c" << ok << "Admin"
                                             << ""
                                             << "/role";
        QTest::newRow("display name of 201 characters")
            << "a@b.c" << ok << "proctor" << QString(201, QLatin1Char('d')) << "/displayName";
    }
    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, role);
        QFETCH(QString, displayName);
        QFETCH(QString, field);
        const QString adminsBefore = count("admins"), auditBefore = count("audit_log");
        const auto created =
            ServiceFixture::wait(admins->create(cli, {email, password.toUtf8(), role, displayName}));
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(created.error().field, field);
        QCOMPARE(count("admins"), adminsBefore);
        QCOMPARE(count("audit_log"), auditBefore);
    }

    void changesAreAuditedAndTheLastAdminStays()
    {
        const qint64 rootId =
            f->scalar("SELECT id FROM admins WHERE email = 'root@example.org'").toLongLong();
        const Services::Actor root = Services::Actor::fromAdmin(
            {rootId, QStringLiteral("root@example.org"), {}, Auth::AdminRole::Admin, {}},
            QHostAddress::LocalHost);

        auto refused =
            ServiceFixture::wait(admins->update(root, rootId, {Auth::AdminRole::Proctor, std::nullopt}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        refused = ServiceFixture::wait(admins->update(root, rootId, {std::nullopt, true}));
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(f->scalar(QStringLiteral(
                               "SELECT role || coalesce(disabled_at::text, '') FROM admins WHERE id = %1")
                               .arg(rootId)),
                 QStringLiteral("admin"));
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'admin.update'"),
                 QStringLiteral("0"));

        const auto second = ServiceFixture::wait(admins->create(
            root, {QStringLiteral("second@example.org"), "second password", QStringLiteral("proctor"), {}}));
        QVERIFY(second);
        const qint64 id = second->identity.id;
        f->scalar(QStringLiteral("INSERT INTO admin_tokens (token_hash, admin_id, expires_at) "
                                 "VALUES ('\\x01', %1, now() + interval '1 hour')")
                      .arg(id));
        auto changed = ServiceFixture::wait(admins->update(root, id, {Auth::AdminRole::Admin, true}));
        QVERIFY(changed);
        QCOMPARE(changed->identity.role, Auth::AdminRole::Admin);
        QVERIFY(changed->disabled());
        // Disabling ends the admin's sessions.
        QCOMPARE(f->scalar(QStringLiteral(
                               "SELECT count(*) FROM admin_tokens WHERE admin_id = %1 AND revoked_at IS NULL")
                               .arg(id)),
                 QStringLiteral("0"));
        QCOMPARE(f->scalar("SELECT actor || ' ' || target || ' ' || host(client_ip) FROM audit_log "
                           "WHERE action = 'admin.update'"),
                 QStringLiteral("root@example.org admin:%1 127.0.0.1").arg(id));
        QCOMPARE(QJsonDocument::fromJson(
                     f->scalar("SELECT details::text FROM audit_log WHERE action = 'admin.update'").toUtf8())
                     .object(),
                 (QJsonObject{{"role", "admin"}, {"disabled", true}}));

        const auto nothing = ServiceFixture::wait(admins->update(root, id, {}));
        QVERIFY(!nothing);
        QCOMPARE(nothing.error().code, ErrorCode::ValidationFailed);
        const auto unknown = ServiceFixture::wait(admins->update(root, 999, {std::nullopt, false}));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);

        const auto listed = ServiceFixture::wait(admins->list());
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).identity.id, rootId);
        QCOMPARE(listed->at(1).identity.id, id);
        QVERIFY(listed->at(1).disabled());
    }
};

QTEST_GUILESS_MAIN(TestAdminService)
#include "tst_adminservice.moc"
