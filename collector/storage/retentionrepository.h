// SPDX-License-Identifier: MIT
// The SQL of partition maintenance and retention: pg_partman's maintenance for events, the partitions
// that ended before a cutoff, and batched deletes of the sessions (with what hangs off them) before it.
#pragma once

#include <pqxx/pqxx>

#include <QDateTime>
#include <QList>
#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Storage {

struct EventPartition
{
    QString name;    // e.g. events_p2026_01
    QDateTime start; // UTC, inclusive
    QDateTime end;   // UTC, exclusive
};

struct PartitionMaintenance
{
    QStringList created;    // partitions pg_partman made in this run
    qint64 rescuedRows = 0; // rows moved from events_default into their month's partition
};

// One batch of expired sessions and what was deleted with them.
struct SessionPurgeBatch
{
    qint64 sessions = 0;
    qint64 telemetry = 0;
    qint64 certificates = 0; // cascaded with their sessions (certificates.session_id ON DELETE CASCADE)
};

namespace RetentionRepository {

// A session-level advisory lock on `c`, so one instance at a time maintains and purges; false when another
// instance holds it. unlock() releases it (also released when the connection closes).
bool tryLock(pqxx::connection &c);
void unlock(pqxx::connection &c);

// pg_partman's run_maintenance for events (months made ahead), then any row that landed in events_default
// moved into its month's partition. Runs in UTC, as the partitions are UTC months.
PartitionMaintenance maintain(pqxx::connection &c);

// The monthly partitions of events, oldest first.
QList<EventPartition> partitions(pqxx::transaction_base &tx);

// Rows in one partition (exact count, for the receipt), then the partition is dropped.
qint64 dropPartition(pqxx::work &tx, const QString &name);

// Up to `limit` events of sessions that started before `cutoff` (those in a partition that straddles it).
qint64 deleteEventsBefore(pqxx::work &tx, const QDateTime &cutoff, int limit);

// Up to `limit` sessions that started before `cutoff`, their telemetry and (cascaded) certificates.
SessionPurgeBatch deleteSessionsBefore(pqxx::work &tx, const QDateTime &cutoff, int limit);

// Up to `limit` candidates last changed before `cutoff` who have no session left.
qint64 deleteOrphanCandidatesBefore(pqxx::work &tx, const QDateTime &cutoff, int limit);

} // namespace RetentionRepository
} // namespace Proctor::Collector::Storage
