// SPDX-License-Identifier: MIT
// Turns SIGTERM / SIGINT into a Qt signal on the event loop (signalfd), for a graceful stop.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Proctor::Collector {

class SignalWatcher final : public QObject
{
    Q_OBJECT

public:
    // Blocks SIGTERM and SIGINT for the calling thread and every thread it starts afterwards:
    // call before any thread is created.
    static void blockTerminationSignals();

    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signal);

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Proctor::Collector
