// SPDX-License-Identifier: MIT
// The real proctor-collector binary (PROCTOR_COLLECTOR_BIN) run as a child process on an ephemeral port.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

namespace Proctor::Testing {

class CollectorProcess
{
public:
    // `env` is added to a minimal environment that already has a fresh session secret and text logs.
    explicit CollectorProcess(QMap<QString, QString> env);
    ~CollectorProcess();

    // Runs a subcommand to completion; returns its exit code (stdout/stderr in lastOutput()).
    int run(const QStringList &arguments, const QByteArray &stdinData = {}, int timeoutMs = 60000);
    QByteArray lastOutput() const { return m_lastOutput; }
    QByteArray lastStdout() const { return m_lastStdout; }

    // Starts `serve` on 127.0.0.1:0 and waits for the "listening" line; false on failure (see log()).
    bool start(int timeoutMs = 15000);
    void stop(); // SIGTERM, wait
    void kill(); // SIGKILL, no goodbye
    bool isRunning() const { return m_serve.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_serve.processId(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QByteArray log() const { return m_log; }

    static QString binary() { return qEnvironmentVariable("PROCTOR_COLLECTOR_BIN"); }

private:
    QProcessEnvironment environment() const;

    QMap<QString, QString> m_env;
    QProcess m_serve;
    QByteArray m_log;
    QByteArray m_lastOutput;
    QByteArray m_lastStdout;
    quint16 m_port = 0;
};

} // namespace Proctor::Testing
