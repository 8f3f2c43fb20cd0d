// SPDX-License-Identifier: MIT
#include "postgresserver.h"

#include <unistd.h>

#include <QFile>
#include <QProcess>

#include "redisserver.h"

namespace Proctor::Testing {
namespace {
const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");
}

PostgresServer::PostgresServer() : m_port(freePort())
{
    m_data = m_dir.path() + QStringLiteral("/data");
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                            QFile::ExeOther);
}

PostgresServer::~PostgresServer()
{
    stop(true);
}

bool PostgresServer::runAsOwner(const QStringList &command, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args = command;
    QString program = args.takeFirst();
    if (::geteuid() == 0) {
        args = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} +
               args;
        program = QStringLiteral("runuser");
    }
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QString::fromUtf8(p.readAll());
        return false;
    }
    return true;
}

bool PostgresServer::start()
{
    if (!m_initialised) {
        if (::geteuid() == 0) {
            QProcess::execute(QStringLiteral("install"),
                              {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"),
                               QStringLiteral("-m"), QStringLiteral("700"), m_data});
        }
        if (!runAsOwner({kBin + QStringLiteral("initdb"), QStringLiteral("-D"), m_data, QStringLiteral("-U"),
                         QStringLiteral("proctor"), QStringLiteral("--auth=trust"), QStringLiteral("-E"),
                         QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
                        60000))
            return false;
    }
    const QString options =
        QStringLiteral(
            "-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories=%2 -c shared_buffers=64MB")
            .arg(m_port)
            .arg(m_data);
    if (!runAsOwner({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                     m_data + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                     QStringLiteral("60"), QStringLiteral("-o"), options, QStringLiteral("start")},
                    70000))
        return false;
    if (!m_initialised) {
        QProcess::execute(QStringLiteral("createdb"),
                          {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(m_port), QStringLiteral("-U"), QStringLiteral("proctor"),
                           QStringLiteral("proctor")});
        m_initialised = true;
    }
    return true;
}

bool PostgresServer::stop(bool immediate)
{
    if (!m_initialised || !QFile::exists(m_data + QStringLiteral("/postmaster.pid")))
        return true;
    return runAsOwner({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                       immediate ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("-w"),
                       QStringLiteral("stop")},
                      60000);
}

} // namespace Proctor::Testing
