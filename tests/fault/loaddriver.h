// SPDX-License-Identifier: MIT
// Keeps event batches in flight against a collector the way the page does: every batch is retried until
// it is acknowledged (after Retry-After on 503), so faults can be injected under load and the outcome
// checked against what PostgreSQL holds.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace Proctor::Testing {

class LoadDriver final : public QObject
{
public:
    LoadDriver(QString baseUrl, QString sessionId, QByteArray token, int clients, int eventsPerBatch);

    void start();
    // Stops making new batches; batches not yet acknowledged keep retrying until drained (or timeout).
    bool drain(int timeoutMs);
    void setBaseUrl(const QString &url) { m_baseUrl = url; }

    QStringList acknowledgedEventIds() const { return m_acked; }
    int eventsMade() const { return m_made; }
    QMap<int, int> statuses() const { return m_statuses; }   // HTTP status (0 = no answer) -> count
    qint64 lastSuccessMs() const { return m_lastSuccessMs; } // on the shared clock below
    bool sawMissingRetryAfter() const { return m_missingRetryAfter; }
    static qint64 now();

private:
    struct Client
    {
        QByteArray body;
        QStringList ids;
    };
    void newBatch(int client);
    void send(int client);

    QString m_baseUrl;
    QString m_sessionId;
    QByteArray m_token;
    int m_eventsPerBatch;
    QList<Client> m_clients;
    // One manager per client: a manager opens at most 6 connections per host, and batches parked behind a
    // slow database would otherwise hold all of them.
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
    QStringList m_acked;
    QMap<int, int> m_statuses;
    int m_made = 0;
    int m_seq = 0;
    bool m_stopping = false;
    int m_pending = 0;
    qint64 m_lastSuccessMs = 0;
    bool m_missingRetryAfter = false;
};

} // namespace Proctor::Testing
