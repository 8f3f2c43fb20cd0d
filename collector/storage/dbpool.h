// SPDX-License-Identifier: MIT
// A small pool of PostgreSQL connections with its own threads, so blocking libpqxx calls never run on
// an HTTP thread. Work items get a connection, return an Expected; exceptions are converted here.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <pqxx/pqxx>

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent>

#include "core/error.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage {

class DbPool
{
public:
    DbPool(QString url, int threads);
    ~DbPool();

    // Runs `work` on a pool thread with a live connection. A lost connection is dropped (the next item
    // reconnects) and reported as Unavailable.
    template <typename T> QFuture<Expected<T>> run(std::function<Expected<T>(pqxx::connection &)> work)
    {
        return QtConcurrent::run(&m_threads, [this, work = std::move(work)]() -> Expected<T> {
            auto conn = acquire();
            if (!conn)
                return tl::unexpected(conn.error());
            try {
                Expected<T> result = work(**conn);
                release(std::move(*conn));
                return result;
            } catch (...) {
                Error e = currentExceptionAsError(QStringLiteral("database"));
                if (e.code != ErrorCode::Unavailable && (*conn)->is_open())
                    release(std::move(*conn));
                return tl::unexpected(std::move(e));
            }
        });
    }

    const QString &url() const { return m_url; }

private:
    Expected<std::unique_ptr<pqxx::connection>> acquire();
    void release(std::unique_ptr<pqxx::connection> conn);

    QString m_url;
    QThreadPool m_threads;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
};

} // namespace Proctor::Collector::Storage
