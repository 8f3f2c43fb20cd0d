// SPDX-License-Identifier: MIT
// Partition maintenance and retention of candidate data: pg_partman makes the coming months' event
// partitions; data older than the retention period goes as whole event partitions plus the matching
// sessions (telemetry, certificates, assessments) and the candidates left without a session, in batches.
// Every purge writes a deletion receipt to the audit log. One instance at a time (advisory lock).
#pragma once

#include <optional>

#include <QDateTime>
#include <QFuture>
#include <QStringList>

#include "core/error.h"
#include "services/actor.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

// What one purge deleted: the receipt written to the audit log ("retention.purge").
struct PurgeReceipt
{
    QDateTime cutoff;       // data of sessions started before this instant (UTC) is gone
    QString trigger;        // "schedule" or "command"
    QStringList partitions; // event partitions dropped whole
    qint64 events = 0;      // rows in those partitions plus single rows before the cutoff
    qint64 sessions = 0;
    qint64 telemetry = 0;
    qint64 certificates = 0;
    qint64 candidates = 0; // left without any session
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 auditId = 0; // 0 when nothing was deleted by a scheduled run (no receipt for "nothing")
    bool deletedAnything() const { return events + sessions + telemetry + certificates + candidates > 0; }
};

struct MaintenanceRun
{
    bool skipped = false; // another instance holds the lock: it does the work
    QStringList createdPartitions;
    qint64 rescuedRows = 0;            // moved out of events_default
    std::optional<PurgeReceipt> purge; // when a retention period is set
};

class RetentionService
{
public:
    // `retentionMonths` 0 keeps data forever; `batchSize` bounds each delete transaction.
    RetentionService(Storage::DbPool &db, int retentionMonths, int batchSize = 1000)
        : m_db(db), m_retentionMonths(retentionMonths), m_batchSize(batchSize)
    {
    }

    // The first instant kept for a retention of `months` full months: the start of the UTC month
    // `months` months before `now`'s month. Data is kept at least `months` months, at most one more.
    static QDateTime cutoffForMonths(int months, const QDateTime &now);
    // "<months>" or "YYYY-MM-DD" (UTC midnight) -> cutoff; ValidationFailed naming `field` otherwise, or for
    // a date in the future / 0 months.
    static Expected<QDateTime> parseOlderThan(const QString &text, const QString &field,
                                              const QDateTime &now);

    // The collector's schedule: pg_partman maintenance, then retention (when set). Skipped, not failed,
    // when another instance is at it.
    QFuture<Expected<MaintenanceRun>> runScheduled(const Actor &actor);
    // A one-off purge of everything before `cutoff` (`proctor-collector purge`); always receipted.
    // Unavailable (retry) when another instance is purging.
    QFuture<Expected<PurgeReceipt>> purge(const Actor &actor, const QDateTime &cutoff);

private:
    Storage::DbPool &m_db;
    int m_retentionMonths;
    int m_batchSize;
};

} // namespace Proctor::Collector::Services
