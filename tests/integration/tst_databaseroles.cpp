// SPDX-License-Identifier: MIT
// Two database roles against the real PostgreSQL: the owner migrates (and runs pg_partman's maintenance), the
// application role reads and writes the data and appends to the audit log, but can neither UPDATE nor DELETE
// audit rows, nor change the schema.
#include <pqxx/pqxx>

#include <QRandomGenerator>
#include <QtTest>

#include "collectorprocess.h"
#include "storage/migrator.h"
#include "storage/rolegrants.h"
#include "testdatabase.h"

using namespace Proctor::Collector::Storage;
using Proctor::Testing::TestDatabase;

namespace {

void adminExec(const QString &url, const std::string &sql)
{
    pqxx::connection c(url.toStdString());
    pqxx::nontransaction(c).exec(sql);
}

// "" when `sql` run as `url` succeeded, "denied" for insufficient_privilege (42501), else the error.
QString sqlState(const QString &url, const std::string &sql)
{
    try {
        pqxx::connection c(url.toStdString());
        pqxx::work tx(c);
        tx.exec(sql);
        tx.commit();
        return {};
    } catch (const pqxx::insufficient_privilege &) {
        return QStringLiteral("denied");
    } catch (const pqxx::sql_error &e) {
        return QString::fromUtf8(e.what()); // this libpqxx leaves sqlstate() empty: the message says what
    }
}

} // namespace

class TestDatabaseRoles : public QObject
{
    Q_OBJECT

    QString m_suffix = QString::number(QRandomGenerator::global()->generate(), 36);
    QString m_owner = QStringLiteral("own_") + m_suffix;
    QString m_app = QStringLiteral("app_") + m_suffix;

    QString urlAs(const TestDatabase &db, const QString &role) const
    {
        // postgresql://proctor@host:port/name -> postgresql://role:pw@host:port/name
        QString url = db.url();
        const qsizetype at = url.indexOf(QLatin1Char('@'));
        return QStringLiteral("postgresql://%1:pw%2").arg(role, m_suffix) + url.mid(at);
    }

private slots:
    void cleanupTestCase()
    {
        for (const QString &r : {m_app, m_owner})
            try {
                adminExec(TestDatabase::adminUrl(), "DROP ROLE IF EXISTS " + r.toStdString());
            } catch (...) {
            }
    }

    void applicationRoleCannotRewriteTheAuditLog()
    {
        TestDatabase db(QStringLiteral("roles"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        const QString admin = TestDatabase::adminUrl();
        for (const QString &r : {m_owner, m_app})
            adminExec(admin,
                      QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw%2'").arg(r, m_suffix).toStdString());
        adminExec(admin,
                  QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db.name(), m_owner).toStdString());
        // What a superuser does once (make migrate: ctl_pg_prepare_extensions).
        const QString adminDb = admin.left(admin.lastIndexOf(QLatin1Char('/')) + 1) + db.name();
        adminExec(adminDb,
                  QStringLiteral("CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman;"
                                 "GRANT ALL ON SCHEMA partman TO %1;"
                                 "GRANT ALL ON ALL TABLES IN SCHEMA partman TO %1;"
                                 "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO %1;"
                                 "GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO %1;"
                                 "REVOKE ALL ON DATABASE %2 FROM PUBLIC; GRANT CONNECT ON DATABASE %2 TO %3")
                      .arg(m_owner, db.name(), m_app)
                      .toStdString());
        const QString ownerUrl = urlAs(db, m_owner);
        const QString appUrl = urlAs(db, m_app);

        // Through the subcommand, as deployed: migrate as the owner, grant the application role.
        if (Proctor::Testing::CollectorProcess::binary().isEmpty())
            QSKIP("PROCTOR_COLLECTOR_BIN not set");
        Proctor::Testing::CollectorProcess cli(
            {{QStringLiteral("PROCTOR_DATABASE_URL"), appUrl},
             {QStringLiteral("PROCTOR_MIGRATION_DATABASE_URL"), ownerUrl}});
        QCOMPARE(cli.run({QStringLiteral("migrate")}), 0);
        QVERIFY2(cli.lastOutput().contains("application role granted"), cli.lastOutput().constData());
        // Idempotent.
        QCOMPARE(cli.run({QStringLiteral("migrate")}), 0);
        QCOMPARE(db.scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'"), m_owner);

        // The application's work: data in and out, an audit row appended.
        QCOMPARE(sqlState(appUrl, "INSERT INTO audit_log (actor, action) VALUES ('t', 'test.insert')"),
                 QString());
        QCOMPARE(sqlState(appUrl,
                          "INSERT INTO events (session_id, event_id, session_started_at, seq, type, "
                          "client_ts) VALUES (gen_random_uuid(), gen_random_uuid(), now(), 0, 'x', now())"),
                 QString());
        QCOMPARE(sqlState(appUrl, "SELECT count(*) FROM events"), QString());
        QCOMPARE(sqlState(appUrl, "UPDATE settings SET value = value WHERE false"), QString());
        QCOMPARE(sqlState(appUrl, "SELECT count(*) FROM audit_log"), QString());

        // insufficient_privilege: the audit log cannot be rewritten, the schema not changed.
        const QString denied = QStringLiteral("denied");

        QCOMPARE(sqlState(appUrl, "UPDATE audit_log SET action = 'forged'"), denied);
        QCOMPARE(sqlState(appUrl, "DELETE FROM audit_log"), denied);
        QCOMPARE(sqlState(appUrl, "TRUNCATE audit_log"), denied);
        QCOMPARE(sqlState(appUrl, "DELETE FROM schema_migrations"), denied);
        QCOMPARE(sqlState(appUrl, "CREATE TABLE intruder (id int)"), denied);
        QCOMPARE(sqlState(appUrl, "DROP TABLE audit_log"), denied);
        QCOMPARE(db.scalar("SELECT count(*) FROM audit_log WHERE action = 'test.insert'"),
                 QStringLiteral("1"));

        // The owner still can (it is the role migrations and maintenance use).
        QCOMPARE(sqlState(ownerUrl, "SELECT partman.run_maintenance('public.events', p_jobmon := false)"),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRoles)
#include "tst_databaseroles.moc"
