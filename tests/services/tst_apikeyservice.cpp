// SPDX-License-Identifier: MIT
// ApiKeyService against the real PostgreSQL: create, list and revoke write their audit rows in the same
// transaction, revocation is announced once, the command line's actor is recorded, bad input is refused
// naming the field.
#include <QtTest>

#include "servicefixture.h"
#include "services/apikeyservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;

class TestApiKeyService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::ApiKeyService> keys;
    Services::Actor root;

    QString count(const QString &table) const { return f->scalar("SELECT count(*) FROM " + table); }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("apikeyservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        keys = std::make_unique<Services::ApiKeyService>(f->pool(), f->announcer());
        root = f->rootAdmin();
    }

    void init() { f->announcer().clear(); }

    void createListRevokeIsAuditedAndAnnounced()
    {
        const auto created = ServiceFixture::wait(keys->create(
            root, {QStringLiteral("  kiosk  "), {"tests:read", "sessions:write", "tests:read"}}));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        const qint64 id = created->record.info.id;
        QVERIFY(created->key.startsWith("pk_"));
        QCOMPARE(created->record.info.name, QStringLiteral("kiosk"));
        QCOMPARE(created->record.info.scopes, (QStringList{"tests:read", "sessions:write"}));
        QCOMPARE(created->record.prefix, QString::fromLatin1(created->key.left(11)));
        QVERIFY(created->record.createdAt.isValid());
        // Only the hash is stored.
        QCOMPARE(
            f->scalar(QStringLiteral("SELECT encode(key_hash, 'hex') FROM api_keys WHERE id = %1").arg(id)),
            QString::fromLatin1(Auth::hashApiKey(created->key).toHex()));
        QCOMPARE(f->scalar("SELECT actor || ' ' || admin_id || ' ' || target || ' ' || host(client_ip) "
                           "FROM audit_log WHERE action = 'apikey.create'"),
                 QStringLiteral("root@example.org %1 apikey:%2 192.0.2.7").arg(root.admin->id).arg(id));
        const QJsonObject details =
            QJsonDocument::fromJson(
                f->scalar("SELECT details::text FROM audit_log WHERE action = 'apikey.create'").toUtf8())
                .object();
        QCOMPARE(details, (QJsonObject{{"name", "kiosk"},
                                       {"prefix", created->record.prefix},
                                       {"scopes", QJsonArray{"tests:read", "sessions:write"}}}));
        QVERIFY(f->announcer().messages().isEmpty()); // nothing for the live feed in a new key

        const auto listed = ServiceFixture::wait(keys->list());
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().info.id, id);
        QCOMPARE(listed->first().info.revoked, false);
        QCOMPARE(listed->first().usageCount, 0);
        QVERIFY(!listed->first().lastUsedAt.isValid());

        const auto revoked = ServiceFixture::wait(keys->revoke(root, id));
        QVERIFY(revoked);
        QCOMPARE(revoked->alreadyRevoked, false);
        QCOMPARE(revoked->hash, Auth::hashApiKey(created->key));
        QCOMPARE(f->scalar("SELECT actor || ' ' || target FROM audit_log WHERE action = 'apikey.revoke'"),
                 QStringLiteral("root@example.org apikey:%1").arg(id));
        QCOMPARE(f->announcer().messages().size(), 1);
        const auto *message = std::get_if<Contract::ApiKeyRevoked>(&f->announcer().messages().first());
        QVERIFY(message);
        QCOMPARE(message->id, id);
        QCOMPARE(message->hash, revoked->hash);
        const auto after = ServiceFixture::wait(keys->list());
        QCOMPARE(after->first().info.revoked, true);
        QVERIFY(after->first().revokedAt.isValid());

        // Again: nothing changes, nothing is recorded or announced.
        const auto again = ServiceFixture::wait(keys->revoke(root, id));
        QVERIFY(again);
        QCOMPARE(again->alreadyRevoked, true);
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'apikey.revoke'"),
                 QStringLiteral("1"));
        QCOMPARE(f->announcer().messages().size(), 1);

        const auto unknown = ServiceFixture::wait(keys->revoke(root, 424242));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(unknown.error().field, QStringLiteral("id"));
    }

    void theCommandLineIsAuditedAsItsOperator()
    {
        qunsetenv("SUDO_USER");
        qputenv("USER", "operator");
        const Services::Actor cli = Services::Actor::commandLine();
        const auto created =
            ServiceFixture::wait(keys->create(cli, {QStringLiteral("page"), {"tests:read"}}));
        QVERIFY(created);
        const QString target = QStringLiteral("apikey:%1").arg(created->record.info.id);
        QCOMPARE(
            f->scalar("SELECT actor || ' ' || coalesce(admin_id::text, 'no admin') || ' ' || "
                      "coalesce(host(client_ip), 'no address') FROM audit_log WHERE action = 'apikey.create' "
                      "AND target = '" +
                      target + "'"),
            QStringLiteral("cli:operator no admin no address"));

        // By prefix, as list-apikeys shows it: revoked, audited and announced like any revocation.
        const auto revoked = ServiceFixture::wait(keys->revokeByPrefix(cli, created->record.prefix));
        QVERIFY(revoked);
        QCOMPARE(revoked->size(), 1);
        QCOMPARE(revoked->first().id, created->record.info.id);
        QCOMPARE(f->scalar("SELECT actor FROM audit_log WHERE action = 'apikey.revoke' AND target = '" +
                           target + "'"),
                 QStringLiteral("cli:operator"));
        QCOMPARE(f->announcer().messages().size(), 1);
        QCOMPARE(std::get<Contract::ApiKeyRevoked>(f->announcer().messages().first()).id,
                 created->record.info.id);

        const auto none = ServiceFixture::wait(keys->revokeByPrefix(cli, QStringLiteral("pk_nothing")));
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QString>("field");
        const QStringList page{"tests:read"};
        QTest::newRow("empty name") << "" << page << "/name";
        QTest::newRow("blank name") << "   " << page << "/name";
        QTest::newRow("name of 101 characters") << QString(101, QLatin1Char('n')) << page << "/name";
        QTest::newRow("no scopes") << "k" << QStringList() << "/scopes";
        QTest::newRow("unknown second scope") << "k" << QStringList{"tests:read", "admin:all"} << "/scopes/1";
        QTest::newRow("empty scope") << "k" << QStringList{""} << "/scopes/0";
        QTest::newRow("wildcard") << "k" << QStringList{"*"} << "/scopes/0";
    }
    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, scopes);
        QFETCH(QString, field);
        const QString keysBefore = count("api_keys"), auditBefore = count("audit_log");
        const auto created = ServiceFixture::wait(keys->create(root, {name, scopes}));
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(created.error().field, field);
        QCOMPARE(count("api_keys"), keysBefore);
        QCOMPARE(count("audit_log"), auditBefore);
    }

    void theLongestNameFits()
    {
        const auto created =
            ServiceFixture::wait(keys->create(root, {QString(100, QLatin1Char('n')), {"sessions:write"}}));
        QVERIFY(created);
        QCOMPARE(created->record.info.name.size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyService)
#include "tst_apikeyservice.moc"
