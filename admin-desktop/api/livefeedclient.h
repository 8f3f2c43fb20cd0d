// SPDX-License-Identifier: MIT
// The live feed (GET /api/v1/live as a WebSocket): one socket, reconnect with exponential backoff,
// typed signals that models subscribe to. Widgets never touch the socket. Messages are decoded with the
// collector's own code (Contract::decodeLiveMessage, validated against live-message.schema.json): one
// signal per message type, and a message that does not decode is reported, never half-read.
#pragma once

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

    // Opens the feed; reconnects on its own until stop(). The token goes in the Authorization header (never
    // in the URL, which proxies log); the subprotocol proctor.v1 is offered.
    void start(const QUrl &url, const QByteArray &token);
    void stop();

    State state() const { return m_state; }
    int reconnectDelayMs() const { return m_delayMs; }
    void setBackoff(int initialMs, int maxMs);

    // Dispatches one message as if it had arrived on the socket (used by tests and by the socket itself).
    void handleMessage(const QString &text);

signals:
    void stateChanged(Proctor::Admin::Api::LiveFeedClient::State state);
    void sessionStarted(const QString &sessionId, const QString &kind, const QString &testId);
    // One per session listed in an events_appended message.
    void eventsAppended(const QString &sessionId, int count, const QStringList &types);
    void resultSaved(const QString &sessionId, double score, bool passed);
    void apiKeyRevoked(const QString &hash); // hex
    // `sessionIds` may be empty (publisher did not list them): match by `candidateId` then.
    void candidateDeleted(qint64 candidateId, const QStringList &sessionIds);
    // `email` is empty when only the address is throttled.
    void loginThrottled(const QString &email, const QString &address, int failures, int delaySeconds);
    void certificateRevoked(const QString &number, const QString &sessionId);
    // A review decision was recorded on a session ("unreviewed", "cleared", "violation", "second_look").
    void reviewDecided(const QString &sessionId, const QString &state, const QString &previousState);
    // A session's stored risk rose to high as its data arrived (score 0..100).
    void riskRaised(const QString &sessionId, int score);
    // A message that is not a valid live message (a newer server's type, a broken publisher): ignored.
    void messageRejected(const QString &pointer, const QString &reason);

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
