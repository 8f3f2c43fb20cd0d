// SPDX-License-Identifier: MIT
#include "storage/dbpool.h"

namespace Proctor::Collector::Storage {

DbPool::DbPool(QString url, int threads) : m_url(std::move(url))
{
    m_threads.setMaxThreadCount(threads);
    m_threads.setExpiryTimeout(-1);
}

DbPool::~DbPool()
{
    m_threads.waitForDone();
}

Expected<std::unique_ptr<pqxx::connection>> DbPool::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        while (!m_idle.empty()) {
            auto c = std::move(m_idle.back());
            m_idle.pop_back();
            if (c->is_open())
                return c;
        }
    }
    return connect(m_url, 3);
}

void DbPool::release(std::unique_ptr<pqxx::connection> conn)
{
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(conn));
}

} // namespace Proctor::Collector::Storage
