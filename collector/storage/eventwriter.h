// SPDX-License-Identifier: MIT
// Group commit for the ingest hot path: rows of many requests go to PostgreSQL in one INSERT, and each
// request is completed only after the transaction holding its rows has committed.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <QByteArray>
#include <QString>
#include <QUuid>

#include "core/error.h"

namespace prometheus {
class Counter;
class Histogram;
class Gauge;
} // namespace prometheus

namespace Proctor::Collector {
class Metrics;
}

namespace Proctor::Collector::Storage {

struct EventRow
{
    QUuid sessionId;
    QUuid eventId;
    qint64 sessionStartedMs = 0; // partition key, from the session token
    int seq = 0;
    QByteArray type;
    qint64 clientTsMs = 0;
    QByteArray detailsJson; // compact JSON object, validated by the contract
};

struct WriteOutcome
{
    int accepted = 0;   // rows stored by this request
    int duplicates = 0; // rows already stored (a retry), not stored again
};

struct EventWriterOptions
{
    int connections = 2;
    int maxRowsPerCommit = 5000;
    int maxQueuedRows = 200000;
};

class EventWriter
{
public:
    // Runs on a writer thread. The outcome is final: Unavailable means nothing of this request was
    // acknowledged (it may have been stored; a retry is deduplicated by event id).
    using Completion = std::function<void(Expected<WriteOutcome>)>;

    EventWriter(QString databaseUrl, EventWriterOptions options, Metrics &metrics);
    ~EventWriter();

    void start();
    // Stops taking work, commits what is queued, joins the threads.
    void stop();

    void submit(std::vector<EventRow> rows, Completion done);
    // Called on a writer thread after each commit (and after its requests were completed) with the
    // distinct sessions that got new rows; must be quick (the assessment maintainer only notes them).
    // Set before start().
    using CommitObserver = std::function<void(const std::vector<QUuid> &sessions)>;
    void setCommitObserver(CommitObserver observer) { m_observer = std::move(observer); }
    int queuedRows() const { return m_queuedRows.load(); }

private:
    struct Request
    {
        std::vector<EventRow> rows;
        Completion done;
    };

    void writerLoop();
    void writeGroup(std::vector<Request> &group, std::unique_ptr<class WriterConnection> &conn);
    void failAllQueued(const Error &error);

    QString m_url;
    EventWriterOptions m_options;
    CommitObserver m_observer;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_queue;
    std::atomic<int> m_queuedRows{0};
    std::atomic<qint64> m_unavailableUntilMs{0};
    bool m_stopping = false;
    std::vector<std::thread> m_threads;

    prometheus::Counter *m_ingested;
    prometheus::Counter *m_duplicates;
    prometheus::Counter *m_rejectedFull;
    prometheus::Histogram *m_groupRows;
    prometheus::Histogram *m_commitSeconds;
    prometheus::Gauge *m_queueGauge;
};

} // namespace Proctor::Collector::Storage
