// SPDX-License-Identifier: MIT
// AuditService against the real PostgreSQL: the log reads newest first in keyset pages, filtered by an
// exact action or a prefix, as structs (the wire shape is http/json's).
#include <QtTest>

#include "servicefixture.h"
#include "services/auditservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;

class TestAuditService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::AuditService> audit;
    qint64 m_adminId = 0;

    Expected<Storage::AuditPage> page(int limit, std::optional<QJsonArray> after, const QString &action = {})
    {
        return ServiceFixture::wait(audit->page(Storage::PageRequest{limit, std::move(after)}, action));
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("auditservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        audit = std::make_unique<Services::AuditService>(f->pool());
        m_adminId = f->scalar("INSERT INTO admins (email, password_hash, role) "
                              "VALUES ('root@example.org', 'x', 'admin') RETURNING id")
                        .toLongLong();
        // Five rows, oldest first: two by the admin over HTTP, three from the command line.
        f->scalar(QStringLiteral(
                      "INSERT INTO audit_log (admin_id, actor, action, target, details, client_ip) VALUES "
                      "(%1, 'root@example.org', 'auth.login', NULL, '{}', '192.0.2.7'), "
                      "(%1, 'root@example.org', 'apikey.create', 'apikey:1', '{\"name\": \"kiosk\"}', "
                      "'2001:db8::1'), "
                      "(NULL, 'cli:operator', 'apikey.revoke', 'apikey:1', '{}', NULL), "
                      "(NULL, 'cli:operator', 'admin.create', 'admin:2', '{}', NULL), "
                      "(NULL, 'cli:operator', 'apikey.create', 'apikey:2', '{}', NULL)")
                      .arg(m_adminId));
    }

    void pagesAreNewestFirstAndMeetExactly()
    {
        QList<Storage::AuditRecord> all;
        std::optional<QJsonArray> after;
        for (int pages = 0; pages < 10; ++pages) {
            const auto p = page(2, after);
            QVERIFY(p);
            all += p->items;
            if (!p->nextAfterId)
                break;
            QCOMPARE(*p->nextAfterId, p->items.last().id);
            after = QJsonArray{QJsonValue(*p->nextAfterId)};
        }
        QCOMPARE(all.size(), 5);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].id > all[i].id);

        const Storage::AuditRecord &login = all.last();
        QCOMPARE(login.action, QStringLiteral("auth.login"));
        QCOMPARE(login.adminId.value_or(-1), m_adminId);
        QVERIFY(login.target.isEmpty());
        QCOMPARE(login.clientIp, QStringLiteral("192.0.2.7"));
        QVERIFY(login.createdAt.isValid());
        QCOMPARE(login.createdAt.timeSpec(), Qt::UTC);
        const Storage::AuditRecord &created = all[3];
        QCOMPARE(created.details, (QJsonObject{{"name", "kiosk"}}));
        QCOMPARE(created.clientIp, QStringLiteral("2001:db8::1"));
        QCOMPARE(all.first().actor, QStringLiteral("cli:operator"));
        QVERIFY(!all.first().adminId);
        QVERIFY(all.first().clientIp.isEmpty());
    }

    void actionsFilterExactlyOrByPrefix_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("actions");
        QTest::newRow("exact") << "apikey.create" << QStringList{"apikey.create", "apikey.create"};
        QTest::newRow("prefix") << "apikey."
                                << QStringList{"apikey.create", "apikey.revoke", "apikey.create"};
        QTest::newRow("padded") << "  admin.create " << QStringList{"admin.create"};
        QTest::newRow("a prefix without its dot is exact") << "apikey" << QStringList{};
        QTest::newRow("none") << ""
                              << QStringList{"apikey.create", "admin.create", "apikey.revoke",
                                             "apikey.create", "auth.login"};
    }
    void actionsFilterExactlyOrByPrefix()
    {
        QFETCH(QString, action);
        QFETCH(QStringList, actions);
        const auto p = page(50, std::nullopt, action);
        QVERIFY(p);
        QStringList got;
        for (const Storage::AuditRecord &a : p->items)
            got.append(a.action);
        QCOMPARE(got, actions);
        QVERIFY(!p->nextAfterId);
    }

    void aCursorOfAnotherListIsRefused()
    {
        const auto p = page(2, QJsonArray{QStringLiteral("2026-01-01"), 5});
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::BadParameter);
        QCOMPARE(p.error().field, QStringLiteral("cursor"));
    }
};

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"
