// SPDX-License-Identifier: MIT
// Event partitions under pg_partman and retention, against the real PostgreSQL: an old-schema database with
// rows in events_default upgraded without losing one, months made ahead by the maintenance, one instance at a
// time, expired partitions and sessions purged in batches with a receipt in the audit log, and the purge
// subcommand.
#include <pqxx/pqxx>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "collectorprocess.h"
#include "servicefixture.h"
#include "services/retentionservice.h"
#include "storage/migrator.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;
using Testing::TestDatabase;

namespace {

constexpr int kPartmanMigration = 11;

void exec(const QString &url, const QString &sql)
{
    pqxx::connection c(url.toStdString());
    pqxx::nontransaction(c).exec(sql.toStdString());
}

// A test, candidates (last changed then) and sessions started `monthsAgo` months ago (the 15th, minutes
// after midnight UTC), each with telemetry and `events` events.
void seedSessions(const QString &url, const QString &tag, int monthsAgo, int sessions, int events)
{
    exec(
        url,
        QStringLiteral(
            "INSERT INTO tests (id, title, definition, questions_per_attempt, checksum) "
            "VALUES ('ret', 'Retention', '{}', 1, 'x') ON CONFLICT DO NOTHING;"
            "WITH s AS ("
            " SELECT g, date_trunc('month', now(), 'UTC') - make_interval(months => %2) + interval '14 days' "
            "        + g * interval '1 minute' AS started FROM generate_series(1, %3) g),"
            " c AS (INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, created_at, "
            "       updated_at) SELECT '%1-' || g, 'p', 'Last', 'First', started, started FROM s "
            "       RETURNING id, identity_key),"
            " ins AS (INSERT INTO sessions (id, test_id, kind, candidate_id, fingerprint_hash, "
            "persistent_id, "
            "         started_at) SELECT gen_random_uuid(), 'ret', 'test', c.id, 'fp', 'p', s.started "
            "         FROM s JOIN c ON c.identity_key = '%1-' || s.g RETURNING id, started_at),"
            " t AS (INSERT INTO session_telemetry (session_id) SELECT id FROM ins RETURNING 1)"
            "INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts) "
            "SELECT ins.id, gen_random_uuid(), ins.started_at, e, 'focus', now() "
            "FROM ins, generate_series(1, %4) e")
            .arg(tag)
            .arg(monthsAgo)
            .arg(sessions)
            .arg(events));
}

} // namespace

class TestRetentionService : public QObject
{
    Q_OBJECT

private slots:
    // An existing database (schema before 0011) whose events partly sit in events_default, because the
    // months 0001 made ran out: after the migration every row is in its month's partition, none lost.
    void upgradeMovesDefaultRowsIntoPartitions()
    {
        TestDatabase db(QStringLiteral("ret_upgrade"));
        QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
        const auto all = Storage::Migrator::load(Storage::Migrator::builtInDirectory());
        QVERIFY(all);
        QList<Storage::Migration> old;
        for (const auto &m : *all)
            if (m.version < kPartmanMigration)
                old.append(m);
        QVERIFY(Storage::Migrator(db.url()).migrate(old));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_proc WHERE proname = 'proctor_ensure_event_partitions'"),
                 QStringLiteral("1"));

        // 0001 made last month to two months ahead; sessions of 7 months ago .. 6 months ahead (a clock far
        // ahead) land in events_default.
        for (int m = -6; m <= 7; ++m)
            seedSessions(db.url(), QStringLiteral("u%1").arg(m + 6), m, 3, 25);
        const QString total = db.scalar("SELECT count(*) FROM events");
        QCOMPARE(total, QString::number(14 * 3 * 25));
        const QString inDefault = db.scalar("SELECT count(*) FROM ONLY events_default");
        QVERIFY2(inDefault.toInt() >= 9 * 3 * 25, qPrintable(inDefault));
        const QString perMonthBefore = db.scalar(
            "SELECT string_agg(m || ':' || n, ',' ORDER BY m) FROM (SELECT to_char(session_started_at "
            "AT TIME ZONE 'UTC', 'YYYY_MM') m, count(*) n FROM events GROUP BY 1) x");

        const auto report = Storage::Migrator(db.url()).migrate(*all);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->applied.contains(kPartmanMigration));

        QCOMPARE(db.scalar("SELECT count(*) FROM events"), total);
        QCOMPARE(db.scalar("SELECT count(*) FROM ONLY events_default"), QStringLiteral("0"));
        QCOMPARE(
            db.scalar(
                "SELECT string_agg(m || ':' || n, ',' ORDER BY m) FROM (SELECT to_char("
                "session_started_at AT TIME ZONE 'UTC', 'YYYY_MM') m, count(*) n FROM events GROUP BY 1) x"),
            perMonthBefore);
        // Every row in the partition named after its month, none duplicated (the primary key holds per
        // partition; distinct ids across the table).
        QCOMPARE(db.scalar("SELECT count(*) FROM events WHERE tableoid::regclass::text <> 'events_p' || "
                           "to_char(session_started_at AT TIME ZONE 'UTC', 'YYYY_MM')"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(DISTINCT event_id) FROM events"), total);
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_proc WHERE proname = 'proctor_ensure_event_partitions'"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT partition_interval || ' ' || premake FROM partman.part_config "
                           "WHERE parent_table = 'public.events'"),
                 QStringLiteral("1 mon 4"));
        qInfo("upgrade: %s events, %s of them moved out of events_default", qPrintable(total),
              qPrintable(inDefault));
    }

    // A fresh database: this month and four ahead exist; the collector's maintenance makes the months that
    // go missing, and moves a row that landed in events_default meanwhile.
    void maintenanceMakesMonthsAheadOnceAtATime()
    {
        ServiceFixture f(QStringLiteral("ret_maint"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        const QString ahead =
            QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass "
                           "AND inhrelid::regclass::text = 'events_p' || to_char(now() AT TIME ZONE "
                           "'UTC' + interval '4 months', 'YYYY_MM')");
        QCOMPARE(f.scalar(ahead), QStringLiteral("1"));
        // As if months had passed without maintenance: the last two months ahead are gone, and an event of
        // the last one sits in the default partition.
        for (int m : {3, 4})
            exec(f.database().url(), QStringLiteral("DROP TABLE events_p%1")
                                         .arg(QDateTime::currentDateTimeUtc().date().addMonths(m).toString(
                                             QStringLiteral("yyyy_MM"))));
        exec(f.database().url(),
             "INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts) VALUES "
             "(gen_random_uuid(), gen_random_uuid(), now() + interval '4 months', 0, 'x', now())");
        QCOMPARE(f.scalar("SELECT count(*) FROM ONLY events_default"), QStringLiteral("1"));

        Services::RetentionService retention(f.pool(), 0);
        const Services::Actor system{std::nullopt, QStringLiteral("system:retention"), {}};
        {
            // Another instance holds the lock: this one skips and changes nothing.
            pqxx::connection other(f.database().url().toStdString());
            pqxx::nontransaction(other).exec("SELECT pg_advisory_lock(x'70726574656e74'::bigint)");
            const auto skipped = ServiceFixture::wait(retention.runScheduled(system));
            QVERIFY2(skipped, qPrintable(skipped ? QString() : skipped.error().message));
            QVERIFY(skipped->skipped);
            QCOMPARE(f.scalar(ahead), QStringLiteral("0"));
            // Released now: a closed connection's backend lets go of it only when it has exited.
            pqxx::nontransaction(other).exec("SELECT pg_advisory_unlock(x'70726574656e74'::bigint)");
        }
        const auto run = ServiceFixture::wait(retention.runScheduled(system));
        QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
        QVERIFY(!run->skipped);
        QCOMPARE(run->createdPartitions.size(), 2);
        QCOMPARE(run->rescuedRows, 1);
        QVERIFY(!run->purge); // retention 0: keep forever
        QCOMPARE(f.scalar(ahead), QStringLiteral("1"));
        QCOMPARE(f.scalar("SELECT count(*) FROM ONLY events_default"), QStringLiteral("0"));
        QCOMPARE(f.scalar("SELECT count(*) FROM events"), QStringLiteral("1"));
        // Nothing deleted, nothing receipted.
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'retention.purge'"),
                 QStringLiteral("0"));
        // The lock was released: the next run does the work again (and finds nothing to make).
        const auto again = ServiceFixture::wait(retention.runScheduled(system));
        QVERIFY(again && !again->skipped && again->createdPartitions.isEmpty());
    }

    // Retention of 12 months: sessions of 14 and 13 months ago go with their whole event partitions, their
    // telemetry and their candidates; last year's same month + 1 and this month stay. One receipt.
    void scheduledRetentionPurgesWholeMonthsWithReceipt()
    {
        ServiceFixture f(QStringLiteral("ret_purge"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        const QString url = f.database().url();
        for (int m : {14, 13, 12, 11, 0})
            seedSessions(url, QStringLiteral("m%1").arg(m), m, 4, 10);
        // The old months' events landed in events_default (no partition that far back): maintenance moves
        // them.
        Services::RetentionService keepAll(f.pool(), 0);
        const Services::Actor system{std::nullopt, QStringLiteral("system:retention"), {}};
        const auto moved = ServiceFixture::wait(keepAll.runScheduled(system));
        QVERIFY(moved);
        QCOMPARE(moved->rescuedRows, 4 * 10 * 4); // months 14, 13, 12, 11 ago
        QCOMPARE(f.scalar("SELECT count(*) FROM events"), QStringLiteral("200"));

        Services::RetentionService retention(f.pool(), 12, 3); // batches of 3 sessions: several transactions
        const auto run = ServiceFixture::wait(retention.runScheduled(system));
        QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
        QVERIFY(run->purge);
        const Services::PurgeReceipt &r = *run->purge;
        const QDate first = QDateTime::currentDateTimeUtc().date();
        const QDate cutoffDay = QDate(first.year(), first.month(), 1).addMonths(-12);
        QCOMPARE(r.cutoff, QDateTime(cutoffDay, QTime(0, 0), Qt::UTC));
        QCOMPARE(r.partitions, (QStringList{QStringLiteral("events_p") +
                                                cutoffDay.addMonths(-2).toString(QStringLiteral("yyyy_MM")),
                                            QStringLiteral("events_p") + cutoffDay.addMonths(-1).toString(
                                                                             QStringLiteral("yyyy_MM"))}));
        QCOMPARE(r.events, 80);
        QCOMPARE(r.sessions, 8);
        QCOMPARE(r.telemetry, 8);
        QCOMPARE(r.candidates, 8);
        QVERIFY(r.auditId > 0);

        QCOMPARE(f.scalar("SELECT count(*) FROM events"), QStringLiteral("120"));
        QCOMPARE(f.scalar("SELECT count(*) FROM sessions"), QStringLiteral("12"));
        QCOMPARE(f.scalar("SELECT count(*) FROM session_telemetry"), QStringLiteral("12"));
        QCOMPARE(f.scalar("SELECT count(*) FROM candidates"), QStringLiteral("12"));
        QCOMPARE(f.scalar("SELECT count(*) FROM sessions WHERE started_at < '" +
                          r.cutoff.toString(Qt::ISODate) + "'"),
                 QStringLiteral("0"));

        // The receipt: what, how many, when, by whom.
        const QJsonObject receipt =
            QJsonDocument::fromJson(
                f.scalar(QStringLiteral("SELECT details::text FROM audit_log WHERE id = %1").arg(r.auditId))
                    .toUtf8())
                .object();
        QCOMPARE(
            f.scalar(
                QStringLiteral("SELECT actor || ' ' || action FROM audit_log WHERE id = %1").arg(r.auditId)),
            QStringLiteral("system:retention retention.purge"));
        QCOMPARE(receipt.value("trigger").toString(), QStringLiteral("schedule"));
        QCOMPARE(receipt.value("cutoff").toString(), r.cutoff.toString(Qt::ISODate));
        QCOMPARE(receipt.value("deleted").toObject().value("events").toInteger(), 80);
        QCOMPARE(receipt.value("deleted").toObject().value("sessions").toInteger(), 8);
        QCOMPARE(receipt.value("deleted").toObject().value("telemetry").toInteger(), 8);
        QCOMPARE(receipt.value("partitions").toArray().size(), 2);
        QVERIFY(!receipt.value("finishedAt").toString().isEmpty());
        qInfo("receipt %lld: %s", static_cast<long long>(r.auditId),
              QJsonDocument(receipt).toJson(QJsonDocument::Compact).constData());

        // The next hourly run finds nothing and writes no receipt.
        const auto quiet = ServiceFixture::wait(retention.runScheduled(system));
        QVERIFY(quiet && quiet->purge && !quiet->purge->deletedAnything() && quiet->purge->auditId == 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'retention.purge'"),
                 QStringLiteral("1"));
    }

    // `--older-than` parsing: months or a day, refusals naming the option.
    void olderThanParsing()
    {
        const QDateTime now(QDate(2026, 3, 15), QTime(10, 0), Qt::UTC);
        const QString field = QStringLiteral("older-than");
        QCOMPARE(*Services::RetentionService::parseOlderThan("12", field, now),
                 QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(*Services::RetentionService::parseOlderThan("2025-06-30", field, now),
                 QDateTime(QDate(2025, 6, 30), QTime(0, 0), Qt::UTC));
        for (const char *bad : {"0", "2027-01-01", "2025-02-30", "twelve", "-3", ""}) {
            const auto r = Services::RetentionService::parseOlderThan(QString::fromLatin1(bad), field, now);
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(r.error().field, field);
        }
    }

    // The one-off command with a date inside a month: whole older partitions dropped, the earlier rows of
    // the straddling month deleted one by one; a receipt even when a second run finds nothing.
    void purgeCommandWithDate()
    {
        if (Testing::CollectorProcess::binary().isEmpty())
            QSKIP("PROCTOR_COLLECTOR_BIN not set");
        ServiceFixture f(QStringLiteral("ret_cli"));
        QVERIFY2(f.ok(), qPrintable(f.error()));
        seedSessions(f.database().url(), QStringLiteral("a"), 3, 2, 5); // the 15th, 3 months ago
        seedSessions(f.database().url(), QStringLiteral("b"), 2, 2, 5);
        Services::RetentionService keepAll(f.pool(), 0);
        QVERIFY(ServiceFixture::wait(keepAll.runScheduled({std::nullopt, QStringLiteral("t"), {}})));
        // The 16th of two months ago, 00:00 UTC: the "b" sessions (the 15th) are before it.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QString day = QDate(today.year(), today.month(), 16).addMonths(-2).toString(Qt::ISODate);
        Testing::CollectorProcess cli({{QStringLiteral("PROCTOR_DATABASE_URL"), f.database().url()}});
        QCOMPARE(cli.run({QStringLiteral("purge"), QStringLiteral("--older-than"), day}), 0);
        QVERIFY2(cli.lastStdout().contains("1 event partitions"), cli.lastOutput().constData());
        QVERIFY2(cli.lastStdout().contains(" 20 events, 4 sessions"), cli.lastOutput().constData());
        QCOMPARE(f.scalar("SELECT count(*) FROM events"), QStringLiteral("0"));
        QCOMPARE(f.scalar("SELECT count(*) FROM sessions"), QStringLiteral("0"));
        QCOMPARE(cli.run({QStringLiteral("purge"), QStringLiteral("--older-than"), day}), 0);
        QCOMPARE(f.scalar("SELECT count(*) FROM audit_log WHERE action = 'retention.purge' AND "
                          "details->>'trigger' = 'command' AND actor LIKE 'cli:%'"),
                 QStringLiteral("2"));
        QCOMPARE(cli.run({QStringLiteral("purge"), QStringLiteral("--older-than"), QStringLiteral("soon")}),
                 2);
        QVERIFY2(cli.lastOutput().contains("older-than"), cli.lastOutput().constData());
        QCOMPARE(cli.run({QStringLiteral("purge")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestRetentionService)
#include "tst_retentionservice.moc"
