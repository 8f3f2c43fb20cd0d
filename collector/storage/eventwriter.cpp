// SPDX-License-Identifier: MIT
// The event writer. Several threads, each with its own connection, take whatever requests are queued
// (up to maxRowsPerCommit rows) and insert them with one prepared statement over unnest()ed arrays:
// one parse, one round trip, one fsync for many requests. ON CONFLICT DO NOTHING RETURNING tells which
// rows were new, which is how duplicates are counted per request.
#include "storage/eventwriter.h"

#include <chrono>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>

#include "logging/log.h"
#include "observability/metrics.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage {

class WriterConnection
{
public:
    explicit WriterConnection(std::unique_ptr<pqxx::connection> c) : conn(std::move(c))
    {
        conn->prepare(
            "insert_events",
            "INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts, details) "
            "SELECT s, e, to_timestamp(st / 1000.0), q, t, to_timestamp(ct / 1000.0), d "
            "FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::int[], $5::text[], $6::bigint[], "
            "$7::jsonb[]) "
            "AS x(s, e, st, q, t, ct, d) "
            // Tokens are verified without a lookup and outlive an erased candidate: rows of a session
            // that no longer exists are dropped (reported as duplicates), not stored as orphans.
            "WHERE EXISTS (SELECT 1 FROM sessions ss WHERE ss.id = x.s) "
            "ON CONFLICT DO NOTHING RETURNING session_id, event_id");
    }
    std::unique_ptr<pqxx::connection> conn;
};

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray rowKey(const QUuid &session, const QUuid &event)
{
    return session.toRfc4122() + event.toRfc4122();
}

// PostgreSQL array literal element: quoted, with " and \ escaped.
void appendQuoted(std::string &out, const QByteArray &value)
{
    out += '"';
    for (char ch : value) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        out += ch;
    }
    out += '"';
}

struct ArrayParams
{
    std::string sessions{"{"}, events{"{"}, started{"{"}, seqs{"{"}, types{"{"}, clientTs{"{"}, details{"{"};
    void add(const EventRow &r, bool first)
    {
        if (!first) {
            for (std::string *s : {&sessions, &events, &started, &seqs, &types, &clientTs, &details})
                *s += ',';
        }
        sessions += r.sessionId.toString(QUuid::WithoutBraces).toStdString();
        events += r.eventId.toString(QUuid::WithoutBraces).toStdString();
        started += std::to_string(r.sessionStartedMs);
        seqs += std::to_string(r.seq);
        appendQuoted(types, r.type);
        clientTs += std::to_string(r.clientTsMs);
        appendQuoted(details, r.detailsJson);
    }
    void close()
    {
        for (std::string *s : {&sessions, &events, &started, &seqs, &types, &clientTs, &details})
            *s += '}';
    }
};

} // namespace

EventWriter::EventWriter(QString databaseUrl, EventWriterOptions options, Metrics &metrics)
    : m_url(std::move(databaseUrl)), m_options(options)
{
    m_ingested = &metrics.counterFamily("proctor_events_ingested_total", "Events stored (committed)").Add({});
    m_duplicates =
        &metrics.counterFamily("proctor_events_duplicate_total", "Events received again and not stored twice")
             .Add({});
    m_rejectedFull = &metrics
                          .counterFamily("proctor_events_rejected_queue_full_total",
                                         "Ingest requests refused with 503 because the writer queue was full")
                          .Add({});
    m_groupRows = &metrics.histogramFamily("proctor_event_commit_rows", "Rows per group commit")
                       .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10, 50, 100, 500, 1000, 2500,
                                                                        5000, 10000});
    m_commitSeconds =
        &metrics.histogramFamily("proctor_event_commit_duration_seconds", "Duration of one group commit")
             .Add({}, prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05,
                                                              0.1, 0.25, 1});
    m_queueGauge =
        &metrics.gaugeFamily("proctor_event_queue_rows", "Event rows waiting for a commit").Add({});
}

EventWriter::~EventWriter()
{
    stop();
}

void EventWriter::start()
{
    for (int i = 0; i < m_options.connections; ++i)
        m_threads.emplace_back([this] { writerLoop(); });
}

void EventWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && m_threads.empty())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto &t : m_threads)
        t.join();
    m_threads.clear();
}

void EventWriter::submit(std::vector<EventRow> rows, Completion done)
{
    if (nowMs() < m_unavailableUntilMs.load()) {
        done(tl::unexpected(Error{ErrorCode::Unavailable, QStringLiteral("database unavailable"), {}, 2}));
        return;
    }
    const int n = int(rows.size());
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            done(tl::unexpected(Error{ErrorCode::Unavailable, QStringLiteral("shutting down"), {}, 2}));
            return;
        }
        // Backpressure: a bounded queue keeps memory bounded when the database is slower than the clients.
        if (m_queuedRows.load() + n > m_options.maxQueuedRows) {
            m_rejectedFull->Increment();
            done(tl::unexpected(
                Error{ErrorCode::Unavailable, QStringLiteral("event queue full, retry later"), {}, 1}));
            return;
        }
        m_queuedRows += n;
        m_queue.push_back(Request{std::move(rows), std::move(done)});
    }
    m_queueGauge->Set(m_queuedRows.load());
    m_wake.notify_one();
}

void EventWriter::failAllQueued(const Error &error)
{
    std::deque<Request> failed;
    {
        std::lock_guard lock(m_mutex);
        failed.swap(m_queue);
        m_queuedRows = 0;
    }
    for (Request &r : failed)
        r.done(tl::unexpected(error));
}

void EventWriter::writerLoop()
{
    std::unique_ptr<WriterConnection> conn;
    int backoffMs = 100;
    for (;;) {
        std::vector<Request> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping and drained
            int rows = 0;
            while (!m_queue.empty() &&
                   (group.empty() || rows + int(m_queue.front().rows.size()) <= m_options.maxRowsPerCommit)) {
                rows += int(m_queue.front().rows.size());
                group.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            m_queuedRows -= rows;
        }
        m_queueGauge->Set(m_queuedRows.load());

        if (!conn) {
            auto c = connect(m_url, 2);
            if (c) {
                try {
                    conn = std::make_unique<WriterConnection>(std::move(*c));
                    backoffMs = 100;
                } catch (...) {
                    conn.reset();
                }
            }
            if (!conn) {
                // Fail fast while the database is away; clients retry after Retry-After.
                const Error e{ErrorCode::Unavailable, QStringLiteral("database unavailable"), {}, 2};
                m_unavailableUntilMs = nowMs() + backoffMs;
                backoffMs = std::min(backoffMs * 2, 2000);
                for (Request &r : group)
                    r.done(tl::unexpected(e));
                failAllQueued(e);
                continue;
            }
        }
        writeGroup(group, conn);
    }
}

void EventWriter::writeGroup(std::vector<Request> &group, std::unique_ptr<WriterConnection> &conn)
{
    std::vector<QUuid> changed; // sessions with new rows in the last commit
    QSet<QUuid> seen;
    auto insert = [&](const std::vector<Request *> &requests) -> QSet<QByteArray> {
        ArrayParams p;
        bool first = true;
        for (const Request *r : requests)
            for (const EventRow &row : r->rows) {
                p.add(row, first);
                first = false;
            }
        p.close();
        pqxx::work tx(*conn->conn);
        const pqxx::result res = tx.exec_prepared("insert_events", p.sessions, p.events, p.started, p.seqs,
                                                  p.types, p.clientTs, p.details);
        tx.commit();
        QSet<QByteArray> inserted;
        inserted.reserve(int(res.size()));
        for (const auto &row : res) {
            const QUuid session = QUuid::fromString(QLatin1String(row[0].c_str()));
            inserted.insert(rowKey(session, QUuid::fromString(QLatin1String(row[1].c_str()))));
            // Rows arrive grouped by request, so comparing with the last one skips most lookups.
            if (m_observer && (changed.empty() || changed.back() != session) && !seen.contains(session)) {
                seen.insert(session);
                changed.push_back(session);
            }
        }
        return inserted;
    };
    auto notify = [&] {
        if (m_observer && !changed.empty())
            m_observer(changed);
        changed.clear();
        seen.clear();
    };

    auto complete = [&](const std::vector<Request *> &requests, QSet<QByteArray> &inserted) {
        int accepted = 0, duplicates = 0;
        for (Request *r : requests) {
            WriteOutcome o;
            for (const EventRow &row : r->rows) {
                // remove(): a key sent twice within one group counts as stored once, then as duplicate.
                if (inserted.remove(rowKey(row.sessionId, row.eventId))) {
                    ++o.accepted;
                } else {
                    ++o.duplicates;
                }
            }
            accepted += o.accepted;
            duplicates += o.duplicates;
            r->done(o);
        }
        m_ingested->Increment(accepted);
        m_duplicates->Increment(duplicates);
    };

    std::vector<Request *> all;
    int rows = 0;
    for (Request &r : group) {
        all.push_back(&r);
        rows += int(r.rows.size());
    }
    QElapsedTimer timer;
    timer.start();
    try {
        QSet<QByteArray> inserted = insert(all);
        m_commitSeconds->Observe(double(timer.nsecsElapsed()) / 1e9);
        m_groupRows->Observe(rows);
        complete(all, inserted);
        notify();
        return;
    } catch (...) {
        const Error e = currentExceptionAsError(QStringLiteral("event group commit"));
        if (e.code == ErrorCode::Unavailable || !conn->conn->is_open()) {
            conn.reset();
            Log::warning(u"event commit failed, database unavailable",
                         {{"rows", rows}, {"error", e.message}});
            for (Request *r : all)
                r->done(tl::unexpected(
                    Error{ErrorCode::Unavailable, QStringLiteral("database unavailable"), {}, 2}));
            return;
        }
        Log::warning(u"event group rejected, retrying request by request",
                     {{"rows", rows}, {"error", e.message}});
    }
    // A data error in one request must not fail the others grouped with it: isolate it.
    const Error unavailable{ErrorCode::Unavailable, QStringLiteral("database unavailable"), {}, 2};
    for (size_t i = 0; i < all.size(); ++i) {
        Request *r = all[i];
        if (!conn) {
            r->done(tl::unexpected(unavailable));
            continue;
        }
        try {
            QSet<QByteArray> inserted = insert({r});
            complete({r}, inserted);
            notify();
        } catch (...) {
            const Error e = currentExceptionAsError(QStringLiteral("event insert"));
            if (e.code == ErrorCode::Unavailable) {
                conn.reset();
                r->done(tl::unexpected(unavailable));
            } else {
                r->done(tl::unexpected(Error{
                    ErrorCode::ValidationFailed, QStringLiteral("events rejected by the database"), {}, 0}));
            }
        }
    }
}

} // namespace Proctor::Collector::Storage
