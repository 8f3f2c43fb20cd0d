// SPDX-License-Identifier: MIT
// A private redis-server on a free loopback port, for tests that stop and restart Redis.
#pragma once

#include <QProcess>
#include <QTemporaryDir>

namespace Proctor::Testing {

class RedisServer
{
public:
    RedisServer();
    ~RedisServer();

    bool start(); // on the same port as before after a stop()
    void stop();  // SIGTERM and wait
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1/0").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// A port nothing listens on right now (bind to 0, read it, close).
quint16 freePort();

} // namespace Proctor::Testing
