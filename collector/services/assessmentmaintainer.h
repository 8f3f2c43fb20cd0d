// SPDX-License-Identifier: MIT
// Keeps the stored risk assessments current, off the ingest path. The event writer reports the sessions
// each commit touched (noteChanged: a set insert under a mutex, after the acknowledgements went out); once a
// second this worker queues them in assessment_queue with a due time a couple of seconds ahead (bursts
// coalesce), then drains the due rows in batches (FOR UPDATE SKIP LOCKED, so several collector instances
// share the queue), re-assesses and stores each. Results, related sessions and rule changes queue rows too.
// A session whose assessment is expensive (tens of thousands of events) is re-assessed at most every
// costFactor times its last assessment's duration, and the worker as a whole spends at most busyShare of
// its wall time assessing while ingest has work waiting (it pauses after each assessment in proportion to
// what it took, like PostgreSQL's autovacuum cost delay): background work yields the cores the
// acknowledgements need, and catches up at full speed when they are idle.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <pqxx/pqxx>

#include <QHash>
#include <QSet>
#include <QString>
#include <QUuid>

namespace Proctor::Collector::Live {
class Announcer;
}

namespace Proctor::Collector::Services {

class AssessmentMaintainer
{
public:
    struct Options
    {
        int intervalMs = 1000;     // flush and poll period
        int batch = 50;            // sessions claimed per round
        double delaySeconds = 2.0; // a noted change is assessed this much later (coalescing)
        int sweepHours = 24;       // at start: sessions started this recently with unassessed events
        double costFactor = 20.0;  // minimum gap between assessments of a session, in its assessment times
        double busyShare = 1.0;    // at most this share of the worker's wall time is spent assessing (0..1]
        // While this says the acknowledgements have work waiting (e.g. the event writer has queued rows),
        // the worker keeps to busyShare; otherwise it does not pause (no pressure: catch up at once). Unset:
        // always keep to busyShare.
        std::function<bool()> underPressure;
    };

    AssessmentMaintainer(QString databaseUrl, Live::Announcer &announcer, Options options);
    AssessmentMaintainer(QString databaseUrl, Live::Announcer &announcer)
        : AssessmentMaintainer(std::move(databaseUrl), announcer, Options{})
    {
    }
    ~AssessmentMaintainer();

    void start();
    void stop();

    // Thread-safe and cheap: the sessions get queued at the next flush.
    void noteChanged(const std::vector<QUuid> &sessions);

    // Assessments stored since start (tests and logs).
    qint64 assessed() const;

private:
    void loop();
    void flush(pqxx::connection &c);
    int drain(pqxx::connection &c);
    // Waits in proportion to busyMs so that busy time stays within busyShare; false once stopping.
    bool pace(double busyMs);

    QString m_url;
    Live::Announcer &m_announcer;
    Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    QSet<QUuid> m_dirty;
    qint64 m_assessed = 0;
    std::thread m_thread;

    QHash<QUuid, qint64> m_notBeforeMs; // worker thread only
};

} // namespace Proctor::Collector::Services
