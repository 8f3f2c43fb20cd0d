// SPDX-License-Identifier: MIT
#include "loaddriver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace Proctor::Testing {

qint64 LoadDriver::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

LoadDriver::LoadDriver(QString baseUrl, QString sessionId, QByteArray token, int clients, int eventsPerBatch)
    : m_baseUrl(std::move(baseUrl)), m_sessionId(std::move(sessionId)), m_token(std::move(token)),
      m_eventsPerBatch(eventsPerBatch)
{
    m_clients.resize(clients);
    for (int i = 0; i < clients; ++i)
        m_nams.push_back(std::make_unique<QNetworkAccessManager>());
}

void LoadDriver::newBatch(int client)
{
    Client &c = m_clients[client];
    c.ids.clear();
    QJsonArray events;
    for (int i = 0; i < m_eventsPerBatch; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.ids.append(id);
        events.append(QJsonObject{{"eventId", id},
                                  {"seq", m_seq++},
                                  {"type", "focus_loss"},
                                  {"clientTs", "2026-11-25T10:00:01.250Z"},
                                  {"details", QJsonObject{}}});
    }
    m_made += m_eventsPerBatch;
    c.body = QJsonDocument(QJsonObject{{"sessionId", m_sessionId}, {"events", events}})
                 .toJson(QJsonDocument::Compact);
}

void LoadDriver::start()
{
    for (int i = 0; i < m_clients.size(); ++i) {
        newBatch(i);
        send(i);
    }
}

void LoadDriver::send(int client)
{
    QNetworkRequest req(QUrl(m_baseUrl + QStringLiteral("/api/v1/events")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    req.setRawHeader("X-Session-Token", m_token);
    req.setTransferTimeout(5000);
    ++m_pending;
    QNetworkReply *reply = m_nams[size_t(client)]->post(req, m_clients[client].body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, client] {
        reply->deleteLater();
        --m_pending;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        ++m_statuses[status];
        int retryMs = 100;
        if (status == 200) {
            m_acked += m_clients[client].ids;
            m_lastSuccessMs = now();
            if (m_stopping)
                return;
            newBatch(client);
            retryMs = 0;
        } else if (status == 503 || status == 429) {
            const QByteArray ra = reply->rawHeader("Retry-After");
            if (ra.isEmpty())
                m_missingRetryAfter = true;
            // Honour Retry-After, but a test cannot wait seconds per try: cap it.
            retryMs = qMin(ra.toInt() * 1000, 300);
        }
        ++m_pending; // the retry counts as in flight until it is sent
        QTimer::singleShot(retryMs, this, [this, client] {
            --m_pending;
            send(client);
        });
    });
}

bool LoadDriver::drain(int timeoutMs)
{
    m_stopping = true;
    QElapsedTimer t;
    t.start();
    while (m_pending > 0 && t.elapsed() < timeoutMs)
        QTest::qWait(50);
    return m_pending == 0;
}

} // namespace Proctor::Testing
