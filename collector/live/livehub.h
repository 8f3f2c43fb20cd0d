// SPDX-License-Identifier: MIT
// The WebSocket end of live updates: admins connect to GET /api/v1/live (bearer token checked before the
// handshake is answered), and every message any instance publishes on Redis `proctor:live` is forwarded
// to this instance's clients. A client that does not read fast enough is dropped instead of buffered.
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
    // `head` is the peeked request head; the socket is still unread. Always takes the socket (answers 404
    // or 401 itself), so it returns true.
    bool takeConnection(QTcpSocket *socket, const QByteArray &head);

    // Sends one JSON message (as received from Redis) to every client. On this object's thread.
    void broadcast(const QByteArray &payload);

    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client
    {
        QByteArray token; // re-checked periodically: logout, disabling or expiry ends the feed too
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
    QHash<QString, QByteArray> m_handshaking;
    QHash<QWebSocket *, Client> m_clients;
    QTimer m_recheck;
};

} // namespace Proctor::Collector::Live
