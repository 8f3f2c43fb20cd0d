// SPDX-License-Identifier: MIT
// The readiness check's PostgreSQL connection. A new connection per /readyz costs the server a backend
// process each time: a balancer asking every second from every node, or anyone hammering /readyz, would be
// felt. One connection is kept instead; after it breaks (PostgreSQL restarted) the next check opens a new
// one.
#pragma once

#include <memory>

#include <pqxx/pqxx>

#include <QString>

namespace Proctor::Collector::Storage {

class DatabaseProbe
{
public:
    explicit DatabaseProbe(QString url);

    // Blocking (at most a few seconds): whether PostgreSQL answers a trivial statement. Not thread-safe:
    // the caller uses one thread for it.
    bool check();

private:
    bool open();

    QString m_url;
    std::unique_ptr<pqxx::connection> m_connection;
};

} // namespace Proctor::Collector::Storage
