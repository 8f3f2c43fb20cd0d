// SPDX-License-Identifier: MIT
// The migration runner against a real PostgreSQL: fresh database, idempotent re-run, concurrent runs,
// edited files and unknown versions refused.
#include <QtConcurrent>
#include <QtTest>

#include "storage/migrator.h"
#include "testdatabase.h"

using namespace Proctor::Collector::Storage;
using Proctor::Testing::TestDatabase;

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

private slots:
    void builtInMigrationsLoadInOrder()
    {
        const auto migrations = Migrator::load(Migrator::builtInDirectory());
        QVERIFY2(migrations, qPrintable(migrations ? QString() : migrations.error().message));
        QVERIFY(!migrations->isEmpty());
        for (int i = 0; i < migrations->size(); ++i)
            QCOMPARE(migrations->at(i).version, i + 1);
        QCOMPARE(migrations->first().checksum.size(), 64);
    }

    void freshDatabaseGetsEveryTable()
    {
        TestDatabase db(QStringLiteral("mig_fresh"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        const auto migrations = Migrator::load(Migrator::builtInDirectory());
        QVERIFY(migrations);
        const auto report = Migrator(db.url()).migrate(*migrations);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->applied.size(), migrations->size());
        QCOMPARE(report->alreadyApplied, 0);
        for (const char *table :
             {"tests", "candidates", "sessions", "events", "session_telemetry", "certificates",
              "document_counters", "api_keys", "admins", "admin_tokens", "audit_log"})
            QVERIFY2(
                db.scalar(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(QLatin1String(table))) ==
                    "t",
                table);
        // events is partitioned by month (pg_partman's names since 0011) and has this month's partition.
        QCOMPARE(db.scalar("SELECT relkind FROM pg_class WHERE relname = 'events'"), QStringLiteral("p"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) > 0 FROM pg_inherits WHERE inhparent = 'events'::regclass "
                "AND inhrelid::regclass::text = 'events_p' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')"),
            QStringLiteral("t"));

        // Second run: nothing to do.
        const auto again = Migrator(db.url()).migrate(*migrations);
        QVERIFY(again);
        QCOMPARE(again->applied.size(), 0);
        QCOMPARE(again->alreadyApplied, migrations->size());
        QCOMPARE(db.scalar("SELECT count(*) FROM schema_migrations"), QString::number(migrations->size()));
    }

    void concurrentRunsApplyOnce()
    {
        TestDatabase db(QStringLiteral("mig_conc"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        const auto migrations = Migrator::load(Migrator::builtInDirectory());
        QVERIFY(migrations);
        QList<QFuture<Proctor::Expected<MigrationReport>>> runs;
        for (int i = 0; i < 4; ++i)
            runs.append(QtConcurrent::run([&] { return Migrator(db.url()).migrate(*migrations); }));
        int appliedTotal = 0;
        for (auto &f : runs) {
            const auto r = f.result();
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            appliedTotal += int(r->applied.size());
        }
        QCOMPARE(appliedTotal, migrations->size());
        QCOMPARE(db.scalar("SELECT count(*) FROM schema_migrations"), QString::number(migrations->size()));
    }

    void changedChecksumIsRefused()
    {
        TestDatabase db(QStringLiteral("mig_sum"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath("0001_first.sql"), "CREATE TABLE a (id int);");
        writeFile(dir.filePath("0002_second.sql"), "CREATE TABLE b (id int);");
        auto migrations = Migrator::load(dir.path());
        QVERIFY(migrations);
        QVERIFY(Migrator(db.url()).migrate(*migrations));

        writeFile(dir.filePath("0001_first.sql"), "CREATE TABLE a (id bigint);");
        migrations = Migrator::load(dir.path());
        QVERIFY(migrations);
        const auto refused = Migrator(db.url()).migrate(*migrations);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains("changed after it was applied"),
                 qPrintable(refused.error().message));
    }

    void unknownAppliedVersionIsRefused()
    {
        TestDatabase db(QStringLiteral("mig_new"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath("0001_first.sql"), "CREATE TABLE a (id int);");
        writeFile(dir.filePath("0002_second.sql"), "CREATE TABLE b (id int);");
        QVERIFY(Migrator(db.url()).migrate(*Migrator::load(dir.path())));
        QFile::remove(dir.filePath("0002_second.sql"));
        const auto refused = Migrator(db.url()).migrate(*Migrator::load(dir.path()));
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains("does not know"));
    }

    void failingMigrationLeavesNoTrace()
    {
        TestDatabase db(QStringLiteral("mig_fail"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath("0001_first.sql"), "CREATE TABLE a (id int); SELECT no_such_function();");
        const auto r = Migrator(db.url()).migrate(*Migrator::load(dir.path()));
        QVERIFY(!r);
        QCOMPARE(db.scalar("SELECT to_regclass('a') IS NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM schema_migrations"), QStringLiteral("0"));
    }

    void badFileNamesAndGapsAreRefused_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::newRow("no number") << QStringList{"first.sql"};
        QTest::newRow("gap") << QStringList{"0001_a.sql", "0003_c.sql"};
        QTest::newRow("duplicate number") << QStringList{"0001_a.sql", "0001_b.sql"};
        QTest::newRow("upper case name") << QStringList{"0001_First.sql"};
    }
    void badFileNamesAndGapsAreRefused()
    {
        QFETCH(QStringList, files);
        QTemporaryDir dir;
        for (const QString &f : files)
            writeFile(dir.filePath(f), "SELECT 1;");
        QVERIFY(!Migrator::load(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
