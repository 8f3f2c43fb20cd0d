// SPDX-License-Identifier: MIT
// The WebSocket end of live updates: admins connect to GET /api/v1/live with their token in the
// Authorization header or in a "bearer.<token>" subprotocol beside "proctor.v1" (checked before the
// handshake is answered; never in the query string), and every message any instance publishes on Redis
// `proctor:live` is forwarded to this instance's clients (by LiveDispatcher). A client that does not read
// fast enough is dropped instead of buffered.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

namespace Proctor::Collector {
class Metrics;
namespace Auth {
class AdminAuthenticator;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Live {

inline const QByteArray kLivePath = QByteArrayLiteral("/api/v1/live");

class LiveHub final : public QObject
{
public:
    // `maxBufferedBytes`: unsent bytes a client may have queued before it is disconnected.
    LiveHub(Auth::AdminAuthenticator &authenticator, Metrics &metrics, qint64 maxBufferedBytes = 1024 * 1024,
            QObject *parent = nullptr);
    ~LiveHub() override;

    // The HttpServer upgrade hook: takes over a fresh connection whose first request asks for a WebSocket.
    // `head` is the peeked request head; the socket is still unread. Always takes the socket (answers 400,
    // 401, 404, 405 or 503 itself), so it returns true.
    bool takeConnection(QTcpSocket *socket, const QByteArray &head);

    enum class Audience
    {
        Everyone, // proctors and administrators
        Admins,   // administrators only (alerts about accounts: login_throttled)
    };
    // Sends one JSON message (as received from Redis) to every client of the audience. On this object's
    // thread.
    void broadcast(const QByteArray &payload, Audience audience = Audience::Everyone);

    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client
    {
        QByteArray token;   // re-checked periodically: logout, disabling or expiry ends the feed too
        bool admin = false; // the role, as of the last check
    };
    void refuse(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message);
    void onNewConnection();
    void drop(QWebSocket *socket, const char *reason);
    void recheckTokens();
    void updateGauge();
    static QString peerKey(const QHostAddress &address, quint16 port);

    Auth::AdminAuthenticator &m_authenticator;
    Metrics &m_metrics;
    qint64 m_maxBufferedBytes;
    QWebSocketServer m_server;
    // Authenticated connections handed to m_server, by peer "address:port", until the handshake completes:
    // QWebSocket does not expose its QTcpSocket, the peer is what ties the two together.
    QHash<QString, Client> m_handshaking;
    QHash<QWebSocket *, Client> m_clients;
    QTimer m_recheck;
};

} // namespace Proctor::Collector::Live
