// SPDX-License-Identifier: MIT
// A private PostgreSQL 15 cluster on a free loopback port, for tests that stop and restart the database.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` system user.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Proctor::Testing {

class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();

    bool start();                      // initdb on first start; same port and data after a stop()
    bool stop(bool immediate = false); // -m fast, or -m immediate (a crash, as far as clients can tell)
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    // A database created at first start; `proctor` user, trust auth on loopback.
    QString url() const { return QStringLiteral("postgresql://proctor@127.0.0.1:%1/proctor").arg(m_port); }

private:
    bool runAsOwner(const QStringList &command, int timeoutMs);

    QTemporaryDir m_dir;
    QString m_data;
    quint16 m_port = 0;
    bool m_initialised = false;
    QString m_error;
};

} // namespace Proctor::Testing
