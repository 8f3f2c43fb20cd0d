// SPDX-License-Identifier: MIT
#include "storage/retentionrepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::RetentionRepository {
namespace {

// Arbitrary but fixed, distinct from the migration lock: "proctor retention".
constexpr long long kRetentionLockKey = 0x70726574656e74LL;

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QStringList partitionNames(pqxx::transaction_base &tx)
{
    QStringList names;
    for (const auto &row :
         tx.exec("SELECT partition_tablename FROM partman.show_partitions('public.events')"))
        names.append(toQString(row[0].as<std::string>()));
    return names;
}

} // namespace

bool tryLock(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    return tx.exec("SELECT pg_try_advisory_lock(" + std::to_string(kRetentionLockKey) + ")")[0][0].as<bool>();
}

void unlock(pqxx::connection &c)
{
    pqxx::nontransaction(c).exec("SELECT pg_advisory_unlock(" + std::to_string(kRetentionLockKey) + ")");
}

PartitionMaintenance maintain(pqxx::connection &c)
{
    PartitionMaintenance out;
    pqxx::work tx(c);
    tx.exec("SET LOCAL TIME ZONE 'UTC'");
    const QStringList before = partitionNames(tx);
    // A row whose month had no partition yet (maintenance stopped for months, a clock far ahead) sits in
    // events_default, where it would also keep that month's partition from being created: move it first
    // (pg_partman makes the partition as it goes).
    if (!tx.exec("SELECT 1 FROM ONLY events_default LIMIT 1").empty()) {
        for (;;) {
            const auto moved =
                tx.exec("SELECT partman.partition_data_time('public.events', p_batch_count := 100, "
                        "p_analyze := false)")[0][0];
            if (moved.is_null() || moved.as<qint64>() <= 0)
                break;
            out.rescuedRows += moved.as<qint64>();
        }
    }
    // The months ahead (p_analyze false: new partitions are empty; p_jobmon false: no pg_jobmon), then
    // any month missing between the oldest and the newest (left by the move above).
    tx.exec("SELECT partman.run_maintenance('public.events', p_analyze := false, p_jobmon := false)");
    tx.exec("SELECT partman.partition_gap_fill('public.events')");
    for (const QString &name : partitionNames(tx))
        if (!before.contains(name))
            out.created.append(name);
    tx.commit();
    return out;
}

QList<EventPartition> partitions(pqxx::transaction_base &tx)
{
    QList<EventPartition> out;
    const auto rows = tx.exec(
        "SELECT p.partition_tablename, "
        "       to_char(i.child_start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "       to_char(i.child_end_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM partman.show_partitions('public.events') p, "
        "     LATERAL partman.show_partition_info(p.partition_schemaname || '.' || p.partition_tablename, "
        "                                         p_parent_table := 'public.events') i "
        "ORDER BY i.child_start_time");
    for (const auto &row : rows)
        out.append({toQString(row[0].as<std::string>()),
                    QDateTime::fromString(toQString(row[1].as<std::string>()), Qt::ISODate),
                    QDateTime::fromString(toQString(row[2].as<std::string>()), Qt::ISODate)});
    return out;
}

qint64 dropPartition(pqxx::work &tx, const QString &name)
{
    const std::string table = tx.quote_name(toStd(name));
    const qint64 rows = tx.exec("SELECT count(*) FROM " + table)[0][0].as<qint64>();
    // Detach first: dropping an attached partition takes the same lock, but detaching states the intent
    // and keeps the parent's lock short when the drop has to wait for the child.
    tx.exec("ALTER TABLE events DETACH PARTITION " + table);
    tx.exec("DROP TABLE " + table);
    return rows;
}

qint64 deleteEventsBefore(pqxx::work &tx, const QDateTime &cutoff, int limit)
{
    return tx
        .exec_params("DELETE FROM events WHERE (session_id, event_id, session_started_at) IN ("
                     " SELECT session_id, event_id, session_started_at FROM events"
                     " WHERE session_started_at < $1::timestamptz LIMIT $2)",
                     iso(cutoff), limit)
        .affected_rows();
}

SessionPurgeBatch deleteSessionsBefore(pqxx::work &tx, const QDateTime &cutoff, int limit)
{
    SessionPurgeBatch b;
    // One statement: pick the batch, count and delete telemetry and certificates explicitly (the receipt
    // wants their numbers; the foreign keys would cascade anyway), then the sessions.
    const auto row = tx.exec_params1(
        "WITH batch AS (SELECT id FROM sessions WHERE started_at < $1::timestamptz ORDER BY started_at LIMIT "
        "$2),"
        " t AS (DELETE FROM session_telemetry WHERE session_id IN (SELECT id FROM batch) RETURNING 1),"
        " c AS (DELETE FROM certificates WHERE session_id IN (SELECT id FROM batch) RETURNING 1),"
        " s AS (DELETE FROM sessions WHERE id IN (SELECT id FROM batch) RETURNING 1)"
        " SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM t), (SELECT count(*) FROM c)",
        iso(cutoff), limit);
    b.sessions = row[0].as<qint64>();
    b.telemetry = row[1].as<qint64>();
    b.certificates = row[2].as<qint64>();
    return b;
}

qint64 deleteOrphanCandidatesBefore(pqxx::work &tx, const QDateTime &cutoff, int limit)
{
    return tx
        // The conditions are repeated on the deleted row itself, so a session start that touched the
        // candidate meanwhile (its upsert sets updated_at) makes the row fail the recheck and stay.
        .exec_params("DELETE FROM candidates c WHERE c.id IN ("
                     " SELECT o.id FROM candidates o WHERE o.updated_at < $1::timestamptz"
                     " AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.candidate_id = o.id) LIMIT $2)"
                     " AND c.updated_at < $1::timestamptz"
                     " AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.candidate_id = c.id)",
                     iso(cutoff), limit)
        .affected_rows();
}

} // namespace Proctor::Collector::Storage::RetentionRepository
