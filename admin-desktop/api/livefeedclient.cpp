// SPDX-License-Identifier: MIT
#include "api/livefeedclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace Proctor::Admin::Api {

LiveFeedClient::LiveFeedClient(QObject *parent) : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &LiveFeedClient::open);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_delayMs = m_initialDelayMs;
        setState(State::Connected);
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_running)
            scheduleReconnect();
        else
            setState(State::Disconnected);
    });
    // A refused or failed handshake reports an error without a disconnected() signal.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_running && m_socket.state() != QAbstractSocket::ConnectedState)
            scheduleReconnect();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveFeedClient::handleMessage);
}

LiveFeedClient::~LiveFeedClient()
{
    m_running = false;
    m_socket.blockSignals(true);
    m_socket.abort();
}

void LiveFeedClient::setBackoff(int initialMs, int maxMs)
{
    m_initialDelayMs = initialMs;
    m_maxDelayMs = maxMs;
    m_delayMs = initialMs;
}

void LiveFeedClient::start(const QUrl &url, const QByteArray &token)
{
    m_url = url;
    m_token = token;
    m_running = true;
    m_delayMs = m_initialDelayMs;
    m_reconnect.stop();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
    open();
}

void LiveFeedClient::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_socket.close();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        setState(State::Disconnected);
}

void LiveFeedClient::open()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    setState(m_state == State::Reconnecting ? State::Reconnecting : State::Connecting);
    m_socket.open(request);
}

void LiveFeedClient::scheduleReconnect()
{
    if (m_reconnect.isActive())
        return;
    setState(State::Reconnecting);
    // Full jitter keeps many desktops from reconnecting in lockstep after a collector restart.
    const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(m_delayMs / 4 + 1));
    m_reconnect.start(m_delayMs + jitter);
    m_delayMs = qMin(m_delayMs * 2, m_maxDelayMs);
}

void LiveFeedClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LiveFeedClient::handleMessage(const QString &text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(QStringLiteral("type")).toString();
    if (type.isEmpty())
        return;
    emit messageReceived(m);
    if (type == QLatin1String("session_started")) {
        emit sessionStarted(m.value(QStringLiteral("sessionId")).toString(),
                            m.value(QStringLiteral("kind")).toString(),
                            m.value(QStringLiteral("testId")).toString());
    } else if (type == QLatin1String("events_appended")) {
        for (const QJsonValue &v : m.value(QStringLiteral("sessions")).toArray()) {
            const QJsonObject s = v.toObject();
            QStringList types;
            for (const QJsonValue &t : s.value(QStringLiteral("types")).toArray())
                types.append(t.toString());
            emit eventsAppended(s.value(QStringLiteral("sessionId")).toString(),
                                s.value(QStringLiteral("count")).toInt(), types);
        }
    } else if (type == QLatin1String("result_saved")) {
        emit resultSaved(m.value(QStringLiteral("sessionId")).toString(),
                         m.value(QStringLiteral("score")).toDouble(),
                         m.value(QStringLiteral("passed")).toBool());
    } else if (type == QLatin1String("apikey_revoked")) {
        emit apiKeyRevoked(m.value(QStringLiteral("hash")).toString());
    }
}

} // namespace Proctor::Admin::Api
