// SPDX-License-Identifier: MIT
#include "redisserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace Proctor::Testing {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

RedisServer::RedisServer() : m_port(freePort()) {}

RedisServer::~RedisServer()
{
    stop();
}

bool RedisServer::start()
{
    m_process.setProgram(QStringLiteral("redis-server"));
    m_process.setArguments({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                            QString::number(m_port), QStringLiteral("--dir"), m_dir.path(),
                            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                            QStringLiteral("no")});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace Proctor::Testing
