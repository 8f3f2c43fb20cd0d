// SPDX-License-Identifier: MIT
#include "services/assessmentmaintainer.h"

#include <algorithm>
#include <chrono>

#include <QDateTime>
#include <QElapsedTimer>

#include "logging/log.h"
#include "services/assessmentservice.h"
#include "storage/assessmentrepository.h"
#include "storage/database.h"

namespace Proctor::Collector::Services {

namespace Repo = Storage::AssessmentRepository;

AssessmentMaintainer::AssessmentMaintainer(QString databaseUrl, Live::Announcer &announcer, Options options)
    : m_url(std::move(databaseUrl)), m_announcer(announcer), m_options(options)
{
}

AssessmentMaintainer::~AssessmentMaintainer()
{
    stop();
}

void AssessmentMaintainer::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void AssessmentMaintainer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void AssessmentMaintainer::noteChanged(const std::vector<QUuid> &sessions)
{
    std::lock_guard lock(m_mutex);
    for (const QUuid &id : sessions)
        m_dirty.insert(id);
}

qint64 AssessmentMaintainer::assessed() const
{
    std::lock_guard lock(m_mutex);
    return m_assessed;
}

void AssessmentMaintainer::flush(pqxx::connection &c)
{
    QSet<QUuid> dirty;
    {
        std::lock_guard lock(m_mutex);
        dirty.swap(m_dirty);
    }
    if (dirty.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<QUuid> ids(dirty.begin(), dirty.end());
    std::vector<double> delays;
    delays.reserve(ids.size());
    for (const QUuid &id : ids)
        delays.push_back(std::max(m_options.delaySeconds, double(m_notBeforeMs.value(id, 0) - now) / 1000.0));
    try {
        pqxx::work tx(c);
        Repo::enqueue(tx, ids, delays);
        tx.commit();
    } catch (...) {
        noteChanged(ids); // next time
        throw;
    }
}

int AssessmentMaintainer::drain(pqxx::connection &c)
{
    int total = 0;
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return total;
        }
        const std::vector<QUuid> due = Repo::claimDue(c, m_options.batch);
        if (due.empty())
            return total;
        const RiskRules rules = RiskRules::load(c);
        for (std::size_t i = 0; i < due.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            try {
                const auto done = AssessmentService::assessAndStore(c, due[i], rules, &m_announcer);
                if (!done && done.error().code != ErrorCode::NotFound)
                    Log::warning(u"assessment failed", {{"session", due[i].toString(QUuid::WithoutBraces)},
                                                        {"error", done.error().message}});
            } catch (...) {
                const Error e = Storage::currentExceptionAsError(QStringLiteral("assessment"));
                if (!c.is_open()) {
                    // The claimed rows are gone from the queue: note them again for the next flush.
                    noteChanged(std::vector<QUuid>(due.begin() + qsizetype(i), due.end()));
                    throw;
                }
                // A defect with this one session's data must not stop the others (nor loop on it).
                Log::warning(u"assessment failed",
                             {{"session", due[i].toString(QUuid::WithoutBraces)}, {"error", e.message}});
            }
            const double busyMs = double(timer.nsecsElapsed()) / 1e6;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_notBeforeMs.insert(due[i], now + qint64(m_options.costFactor * busyMs));
            ++total;
            {
                std::lock_guard lock(m_mutex);
                ++m_assessed;
            }
            if (!pace(busyMs)) {
                // Stopping: what was claimed and not assessed goes back to the queue at the last flush.
                noteChanged(std::vector<QUuid>(due.begin() + qsizetype(i) + 1, due.end()));
                return total;
            }
        }
        if (m_notBeforeMs.size() > 100000) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (auto it = m_notBeforeMs.begin(); it != m_notBeforeMs.end();)
                it = it.value() < now ? m_notBeforeMs.erase(it) : std::next(it);
        }
        if (int(due.size()) < m_options.batch)
            return total;
    }
}

bool AssessmentMaintainer::pace(double busyMs)
{
    const bool pressed = !m_options.underPressure || m_options.underPressure();
    std::unique_lock lock(m_mutex);
    if (m_options.busyShare < 1.0 && busyMs > 0 && pressed) {
        const auto pause =
            std::chrono::duration<double, std::milli>(double(busyMs) * (1.0 / m_options.busyShare - 1.0));
        m_wake.wait_for(lock, pause, [this] { return m_stopping; });
    }
    return !m_stopping;
}

void AssessmentMaintainer::loop()
{
    std::unique_ptr<pqxx::connection> conn;
    bool swept = false;
    int backoffMs = 200;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_stopping)
                break;
        }
        try {
            if (!conn) {
                auto c = Storage::connect(m_url, 5);
                if (!c)
                    throw std::runtime_error(c.error().message.toStdString());
                conn = std::move(*c);
            }
            if (!swept) {
                const int queued = Repo::enqueueStale(*conn, m_options.sweepHours);
                if (queued > 0)
                    Log::info(u"assessment sweep", {{"queued", queued}});
                swept = true;
            }
            flush(*conn);
            drain(*conn);
            backoffMs = 200;
        } catch (const std::exception &e) {
            Log::warning(u"assessment maintainer", {{"error", QString::fromUtf8(e.what())}});
            if (conn && !conn->is_open())
                conn.reset();
            backoffMs = std::min(backoffMs * 2, 10000);
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(conn ? m_options.intervalMs : backoffMs),
                        [this] { return m_stopping; });
    }
    // Queue what is still noted, so another instance (or the next start) assesses it.
    if (conn) {
        try {
            flush(*conn);
        } catch (...) {
        }
    }
}

} // namespace Proctor::Collector::Services
