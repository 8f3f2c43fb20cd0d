// SPDX-License-Identifier: MIT
#include "storage/databaseprobe.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage {
namespace {
constexpr int kTimeoutSeconds = 2; // connecting, and the probe's statement timeout
}

DatabaseProbe::DatabaseProbe(QString url) : m_url(std::move(url))
{
    // Unacknowledged bytes (a partitioned network) end the probe instead of TCP's retries of many
    // minutes; a slow server is bounded by the statement timeout.
    if (!m_url.contains(QLatin1String("tcp_user_timeout=")))
        m_url += (m_url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                 QStringLiteral("tcp_user_timeout=%1").arg(kTimeoutSeconds * 1000);
}

bool DatabaseProbe::check()
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool fresh = !m_connection;
        if (fresh && !open())
            return false;
        try {
            pqxx::nontransaction tx(*m_connection);
            tx.exec1("SELECT 1");
            return true;
        } catch (...) {
            m_connection.reset();
            if (fresh)
                return false;
            // A connection from before a restart fails once; a new one tells whether the server is back.
        }
    }
    return false;
}

bool DatabaseProbe::open()
{
    auto connection = Storage::connect(m_url, kTimeoutSeconds);
    if (!connection)
        return false;
    try {
        pqxx::nontransaction tx(**connection);
        tx.exec("SET statement_timeout = " + std::to_string(kTimeoutSeconds * 1000));
    } catch (...) {
        return false;
    }
    m_connection = std::move(*connection);
    return true;
}

} // namespace Proctor::Collector::Storage
