// SPDX-License-Identifier: MIT
#include "collectorprocess.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Proctor::Testing {

CollectorProcess::CollectorProcess(QMap<QString, QString> env) : m_env(std::move(env))
{
    if (!m_env.contains(QStringLiteral("PROCTOR_SESSION_SECRET"))) {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 8);
        m_env.insert(QStringLiteral("PROCTOR_SESSION_SECRET"), QString::fromLatin1(secret.toHex()));
    }
}

CollectorProcess::~CollectorProcess()
{
    stop();
}

QProcessEnvironment CollectorProcess::environment() const
{
    QProcessEnvironment env;
    for (const char *keep : {"PATH", "HOME", "LANG", "TMPDIR"})
        if (qEnvironmentVariableIsSet(keep))
            env.insert(QString::fromLatin1(keep), qEnvironmentVariable(keep));
    env.insert(QStringLiteral("PROCTOR_LOG_FORMAT"), QStringLiteral("text"));
    env.insert(QStringLiteral("PROCTOR_HTTP_ADDR"), QStringLiteral("127.0.0.1:0"));
    for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

int CollectorProcess::run(const QStringList &arguments, const QByteArray &stdinData, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(binary(), arguments);
    if (!p.waitForStarted(5000)) {
        m_lastOutput = "could not start " + binary().toUtf8();
        return -1;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        m_lastOutput = "timed out";
        return -1;
    }
    m_lastStdout = p.readAllStandardOutput();
    m_lastOutput = m_lastStdout + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool CollectorProcess::start(int timeoutMs)
{
    m_log.clear();
    m_serve.setProcessEnvironment(environment());
    m_serve.setProcessChannelMode(QProcess::MergedChannels);
    m_serve.start(binary(), {QStringLiteral("serve")});
    if (!m_serve.waitForStarted(5000)) {
        m_log = "could not start " + binary().toUtf8();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening .*port=(\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_serve.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        m_log += m_serve.readAll();
        const auto m = listening.match(QString::fromUtf8(m_log));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            // Keep draining the log so the child never blocks on a full pipe.
            QObject::connect(&m_serve, &QProcess::readyRead, [this] { m_log += m_serve.readAll(); });
            return true;
        }
    }
    m_log += m_serve.readAll();
    return false;
}

void CollectorProcess::stop()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.terminate();
    if (!m_serve.waitForFinished(10000)) {
        m_serve.kill();
        m_serve.waitForFinished(2000);
    }
    QObject::disconnect(&m_serve, &QProcess::readyRead, nullptr, nullptr);
    m_log += m_serve.readAll();
}

void CollectorProcess::kill()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    m_serve.kill();
    m_serve.waitForFinished(5000);
    QObject::disconnect(&m_serve, &QProcess::readyRead, nullptr, nullptr);
}

} // namespace Proctor::Testing
