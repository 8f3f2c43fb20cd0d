// SPDX-License-Identifier: MIT
#include "services/retentionservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include "storage/dbpool.h"
#include "storage/retentionrepository.h"

namespace Proctor::Collector::Services {
namespace {

using Storage::RetentionRepository::deleteEventsBefore;
using Storage::RetentionRepository::deleteOrphanCandidatesBefore;
using Storage::RetentionRepository::deleteSessionsBefore;

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// Deletes everything before the cutoff in short transactions (whole partitions first, then batches), so
// ingest and reviews never wait long behind it; the receipt is written in the last transaction. Run with the
// retention lock held.
PurgeReceipt purgeBefore(pqxx::connection &c, const Actor &actor, const QDateTime &cutoff,
                         const QString &trigger, int batchSize)
{
    PurgeReceipt r;
    r.cutoff = cutoff.toUTC();
    r.trigger = trigger;
    r.startedAt = QDateTime::currentDateTimeUtc();
    QList<Storage::EventPartition> parts;
    {
        pqxx::read_transaction tx(c);
        parts = Storage::RetentionRepository::partitions(tx);
    }
    for (const auto &p : parts) {
        if (p.end > r.cutoff)
            break;
        pqxx::work tx(c);
        // Ingest inserts into events: a drop that cannot get its lock soon gives up (the next run retries)
        // rather than queueing every insert behind it.
        tx.exec("SET LOCAL lock_timeout = '10s'");
        r.events += Storage::RetentionRepository::dropPartition(tx, p.name);
        tx.commit();
        r.partitions.append(p.name);
    }
    for (;;) { // a date cutoff inside a month: that partition's earlier rows one by one
        pqxx::work tx(c);
        const qint64 n = deleteEventsBefore(tx, r.cutoff, batchSize * 10);
        tx.commit();
        r.events += n;
        if (n == 0)
            break;
    }
    for (;;) {
        pqxx::work tx(c);
        const auto b = deleteSessionsBefore(tx, r.cutoff, batchSize);
        tx.commit();
        r.sessions += b.sessions;
        r.telemetry += b.telemetry;
        r.certificates += b.certificates;
        if (b.sessions == 0)
            break;
    }
    for (;;) {
        pqxx::work tx(c);
        const qint64 n = deleteOrphanCandidatesBefore(tx, r.cutoff, batchSize);
        tx.commit();
        r.candidates += n;
        if (n == 0)
            break;
    }
    r.finishedAt = QDateTime::currentDateTimeUtc();
    // A scheduled run that found nothing leaves no receipt (it runs every hour); a command always does.
    if (r.deletedAnything() || trigger != QLatin1String("schedule")) {
        const QJsonObject deleted{{QStringLiteral("eventPartitions"), qint64(r.partitions.size())},
                                  {QStringLiteral("events"), r.events},
                                  {QStringLiteral("sessions"), r.sessions},
                                  {QStringLiteral("telemetry"), r.telemetry},
                                  {QStringLiteral("certificates"), r.certificates},
                                  {QStringLiteral("candidates"), r.candidates}};
        pqxx::work tx(c);
        r.auditId = Storage::AuditLog::record(
            tx, actor.audit(
                    QStringLiteral("retention.purge"), QStringLiteral("data-before:%1").arg(isoUtc(r.cutoff)),
                    QJsonObject{{QStringLiteral("cutoff"), isoUtc(r.cutoff)},
                                {QStringLiteral("trigger"), trigger},
                                {QStringLiteral("deleted"), deleted},
                                {QStringLiteral("partitions"), QJsonArray::fromStringList(r.partitions)},
                                {QStringLiteral("startedAt"), isoUtc(r.startedAt)},
                                {QStringLiteral("finishedAt"), isoUtc(r.finishedAt)}}));
        tx.commit();
    }
    return r;
}

// Holds the retention lock around `work`; nullopt when another instance holds it.
template <typename T, typename F> std::optional<T> locked(pqxx::connection &c, F work)
{
    if (!Storage::RetentionRepository::tryLock(c))
        return std::nullopt;
    try {
        T result = work();
        Storage::RetentionRepository::unlock(c);
        return result;
    } catch (...) {
        // The connection may be gone (then the lock went with it); otherwise release it for the next run.
        try {
            if (c.is_open())
                Storage::RetentionRepository::unlock(c);
        } catch (...) {
        }
        throw;
    }
}

} // namespace

QDateTime RetentionService::cutoffForMonths(int months, const QDateTime &now)
{
    const QDate d = now.toUTC().date();
    return QDateTime(QDate(d.year(), d.month(), 1).addMonths(-months), QTime(0, 0), Qt::UTC);
}

Expected<QDateTime> RetentionService::parseOlderThan(const QString &text, const QString &field,
                                                     const QDateTime &now)
{
    static const QRegularExpression months(QStringLiteral("^(\\d{1,4})$"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (const auto m = months.match(text); m.hasMatch()) {
        const int n = m.captured(1).toInt();
        if (n < 1)
            return makeError(ErrorCode::ValidationFailed,
                             QStringLiteral("a number of months must be at least 1"), field);
        return cutoffForMonths(n, now);
    }
    if (date.match(text).hasMatch()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("%1 is not a date").arg(text),
                             field);
        const QDateTime t(d, QTime(0, 0), Qt::UTC);
        if (t > now)
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("%1 is in the future").arg(text),
                             field);
        return t;
    }
    return makeError(
        ErrorCode::ValidationFailed,
        QStringLiteral("expected a number of months (12) or a date (2025-01-31), got '%1'").arg(text), field);
}

QFuture<Expected<MaintenanceRun>> RetentionService::runScheduled(const Actor &actor)
{
    return m_db.run<MaintenanceRun>([actor, months = m_retentionMonths,
                                     batch = m_batchSize](pqxx::connection &c) -> Expected<MaintenanceRun> {
        const auto run = locked<MaintenanceRun>(c, [&] {
            MaintenanceRun out;
            const auto m = Storage::RetentionRepository::maintain(c);
            out.createdPartitions = m.created;
            out.rescuedRows = m.rescuedRows;
            if (months > 0)
                out.purge = purgeBefore(c, actor, cutoffForMonths(months, QDateTime::currentDateTimeUtc()),
                                        QStringLiteral("schedule"), batch);
            return out;
        });
        if (!run)
            return MaintenanceRun{true, {}, 0, std::nullopt};
        return *run;
    });
}

QFuture<Expected<PurgeReceipt>> RetentionService::purge(const Actor &actor, const QDateTime &cutoff)
{
    return m_db.run<PurgeReceipt>([actor, cutoff,
                                   batch = m_batchSize](pqxx::connection &c) -> Expected<PurgeReceipt> {
        const auto receipt = locked<PurgeReceipt>(
            c, [&] { return purgeBefore(c, actor, cutoff, QStringLiteral("command"), batch); });
        if (!receipt) {
            Error e{
                ErrorCode::Unavailable,
                QStringLiteral("another collector instance is maintaining partitions or purging right now"),
                {},
                60};
            return tl::unexpected(e);
        }
        return *receipt;
    });
}

} // namespace Proctor::Collector::Services
