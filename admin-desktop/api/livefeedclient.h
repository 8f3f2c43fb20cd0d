// SPDX-License-Identifier: MIT
// The live feed (GET /api/v1/live as a WebSocket): one socket, reconnect with exponential backoff,
// typed signals that models subscribe to. Widgets never touch the socket.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Proctor::Admin::Api {

class LiveFeedClient final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting
    };
    Q_ENUM(State)

    explicit LiveFeedClient(QObject *parent = nullptr);
    ~LiveFeedClient() override;

    // Opens the feed; reconnects on its own until stop().
    void start(const QUrl &url, const QByteArray &token);
    void stop();

    State state() const { return m_state; }
    int reconnectDelayMs() const { return m_delayMs; }
    void setBackoff(int initialMs, int maxMs);

    // Dispatches one message as if it had arrived on the socket (used by tests and by the socket itself).
    void handleMessage(const QString &text);

signals:
    void stateChanged(Proctor::Admin::Api::LiveFeedClient::State state);
    void messageReceived(const QJsonObject &message);
    void sessionStarted(const QString &sessionId, const QString &kind, const QString &testId);
    void eventsAppended(const QString &sessionId, int count, const QStringList &types);
    void resultSaved(const QString &sessionId, double score, bool passed);
    void apiKeyRevoked(const QString &hash);

private:
    void setState(State state);
    void open();
    void scheduleReconnect();

    QWebSocket m_socket;
    QTimer m_reconnect;
    QUrl m_url;
    QByteArray m_token;
    State m_state = State::Disconnected;
    bool m_running = false;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 30000;
    int m_delayMs = 1000;
};

} // namespace Proctor::Admin::Api
