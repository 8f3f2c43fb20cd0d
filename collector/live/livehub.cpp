// SPDX-License-Identifier: MIT
// WebSocket fan-out of live updates.
#include "live/livehub.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

#include "auth/adminauthenticator.h"
#include "live/upgraderequest.h"
#include "logging/log.h"
#include "observability/metrics.h"

namespace Proctor::Collector::Live {
namespace {

constexpr int kRecheckIntervalMs = 30000;
// Clients only listen; anything they send is ignored, so it need not be large.
constexpr quint64 kMaxIncomingMessageBytes = 4096;

} // namespace

LiveHub::LiveHub(Auth::AdminAuthenticator &authenticator, Metrics &metrics, qint64 maxBufferedBytes,
                 QObject *parent)
    : QObject(parent), m_authenticator(authenticator), m_metrics(metrics),
      m_maxBufferedBytes(maxBufferedBytes),
      m_server(QStringLiteral("proctor-collector"), QWebSocketServer::NonSecureMode)
{
    // Never listens: connections arrive from the HTTP server's upgrade hook (handleConnection).
    connect(&m_server, &QWebSocketServer::newConnection, this, &LiveHub::onNewConnection);
    m_server.setHandshakeTimeout(10000);
    // Echoed when the client offers it (always, when the token travels as a bearer.<token> subprotocol);
    // the bearer.<token> entry itself is never echoed.
    m_server.setSupportedSubprotocols({QString::fromLatin1(UpgradeRequest::kProtocol)});
    connect(&m_recheck, &QTimer::timeout, this, &LiveHub::recheckTokens);
    m_recheck.start(kRecheckIntervalMs);
    updateGauge();
}

LiveHub::~LiveHub()
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
        delete it.key();
    }
}

QString LiveHub::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

bool LiveHub::takeConnection(QTcpSocket *socket, const QByteArray &head)
{
    socket->setParent(this);
    const UpgradeRequest h = UpgradeRequest::parse(head);
    if (h.path != kLivePath) {
        refuse(socket, 404, "not_found", "no WebSocket endpoint here; use /api/v1/live");
        return true;
    }
    if (h.method != "GET") {
        refuse(socket, 405, "method_not_allowed", "a WebSocket upgrade is a GET");
        return true;
    }
    if (h.token.isEmpty()) {
        refuse(socket, 401, errorCodeName(ErrorCode::MissingToken),
               "send the admin token as \"Authorization: Bearer <token>\" or as the WebSocket subprotocol "
               "\"bearer.<token>\" beside \"proctor.v1\"; a token in the URL is not accepted");
        return true;
    }
    if (h.tokenFromProtocol && !h.offersProtocol()) {
        // Without it the handshake would be answered with no subprotocol, which browsers treat as a failure
        // after the token was accepted: say what is missing instead.
        refuse(socket, 400, errorCodeName(ErrorCode::BadParameter),
               "offer the subprotocol \"proctor.v1\" beside \"bearer.<token>\"");
        return true;
    }
    const QByteArray token = h.token;

    QPointer<QTcpSocket> guarded(socket);
    m_authenticator.authenticate(token, [this, guarded, token](Expected<Auth::AdminIdentity> identity) {
        if (!guarded || guarded->state() != QAbstractSocket::ConnectedState) {
            if (guarded)
                guarded->deleteLater();
            return;
        }
        if (!identity) {
            const Error &e = identity.error();
            const int status = e.code == ErrorCode::Unavailable ? 503 : 401;
            refuse(guarded, status, errorCodeName(e.code), e.message.toUtf8());
            return;
        }
        const QString key = peerKey(guarded->peerAddress(), guarded->peerPort());
        m_handshaking.insert(key, Client{token, identity->satisfies(Auth::AdminRole::Admin)});
        connect(guarded, &QTcpSocket::disconnected, this, [this, key] { m_handshaking.remove(key); });
        m_server.handleConnection(guarded);
    });
    return true;
}

void LiveHub::refuse(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                   QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                               {QStringLiteral("message"), QString::fromUtf8(message)}}}})
            .toJson(QJsonDocument::Compact);
    const char *reason = status == 400   ? "Bad Request"
                         : status == 401 ? "Unauthorized"
                         : status == 404 ? "Not Found"
                         : status == 405 ? "Method Not Allowed"
                                         : "Service Unavailable";
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                          "\r\n"
                          "Content-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    if (status == 401)
        response += "WWW-Authenticate: Bearer\r\n";
    if (status == 503)
        response += "Retry-After: 2\r\n";
    response += "\r\n" + body;
    // Drain the unread handshake first: closing with unread input makes the kernel send a reset, which can
    // destroy the answer before the client reads it.
    socket->readAll();
    socket->write(response);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void LiveHub::onNewConnection()
{
    while (QWebSocket *ws = m_server.nextPendingConnection()) {
        ws->setParent(this);
        const Client client = m_handshaking.take(peerKey(ws->peerAddress(), ws->peerPort()));
        if (client.token.isEmpty()) { // cannot happen: only authenticated sockets reach m_server
            ws->abort();
            ws->deleteLater();
            continue;
        }
        ws->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
        ws->setMaxAllowedIncomingFrameSize(kMaxIncomingMessageBytes);
        m_clients.insert(ws, client);
        connect(ws, &QWebSocket::disconnected, this, [this, ws] {
            if (m_clients.remove(ws)) {
                ws->deleteLater();
                updateGauge();
            }
        });
        updateGauge();
        Log::info(u"live client connected",
                  {{"peer", ws->peerAddress().toString()}, {"clients", clientCount()}});
    }
}

void LiveHub::broadcast(const QByteArray &payload, Audience audience)
{
    const QString text = QString::fromUtf8(payload);
    const QList<QWebSocket *> clients = m_clients.keys();
    for (QWebSocket *ws : clients) {
        if (audience == Audience::Admins && !m_clients.value(ws).admin)
            continue;
        // bytesToWrite grows when the peer stops reading (TCP window full): past the limit the client is
        // dropped, so one stuck desktop cannot make the collector hold an unbounded backlog.
        if (ws->bytesToWrite() + payload.size() > m_maxBufferedBytes) {
            drop(ws, "slow client");
            continue;
        }
        ws->sendTextMessage(text);
    }
}

void LiveHub::drop(QWebSocket *ws, const char *reason)
{
    if (!m_clients.remove(ws))
        return;
    m_metrics
        .counterFamily("proctor_live_clients_dropped_total",
                       "Live WebSocket clients disconnected by the server")
        .Add({{"reason", reason}})
        .Increment();
    Log::warning(u"live client dropped",
                 {{"peer", ws->peerAddress().toString()}, {"reason", QString::fromLatin1(reason)}});
    ws->disconnect(this);
    // abort(), not close(): a close frame would queue behind the backlog the client is not reading.
    ws->abort();
    ws->deleteLater();
    updateGauge();
}

void LiveHub::recheckTokens()
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        QPointer<QWebSocket> ws(it.key());
        m_authenticator.authenticate(it->token, [this, ws](Expected<Auth::AdminIdentity> identity) {
            if (ws && identity && m_clients.contains(ws))
                m_clients[ws].admin =
                    identity->satisfies(Auth::AdminRole::Admin); // the role may have changed
            // Unavailable (database down) is not the client's fault: keep it until the next round.
            if (ws && !identity && identity.error().code != ErrorCode::Unavailable &&
                m_clients.contains(ws)) {
                m_clients.remove(ws);
                ws->disconnect(this);
                ws->close(QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("token no longer valid"));
                // Later, so the close frame can leave first.
                QTimer::singleShot(2000, ws, [w = ws.data()] { w->deleteLater(); });
                updateGauge();
            }
        });
    }
}

void LiveHub::updateGauge()
{
    m_metrics.gaugeFamily("proctor_live_clients", "Live WebSocket clients connected to this instance")
        .Add({})
        .Set(double(m_clients.size()));
}

} // namespace Proctor::Collector::Live
