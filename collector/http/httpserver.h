// SPDX-License-Identifier: MIT
// The collector's HTTP/1.1 server: accepts connections, applies the cross-cutting concerns every request
// shares (request id, access log, metrics, error mapping) and hands requests to the router.
#pragma once

#include <QObject>
#include <QTcpServer>

#include <tl/expected.hpp>

#include "http/httpconnection.h"
#include "http/httplimits.h"
#include "http/router.h"

namespace Proctor::Collector {
class Metrics;
}

namespace Proctor::Collector::Http {

class HttpServer final : public QObject
{
    Q_OBJECT

public:
    HttpServer(const HttpLimits &limits, const Router &router, Metrics &metrics, QObject *parent = nullptr);

    tl::expected<quint16, QString> listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    void stopListening() { m_server.close(); }
    void setUpgradeHandler(HttpConnection::UpgradeHandler handler) { m_upgrade = std::move(handler); }
    void setTrustedProxies(QList<QPair<QHostAddress, int>> proxies) { m_trustedProxies = std::move(proxies); }
    int openConnections() const { return m_connections; }

private:
    void onNewConnection();
    void dispatch(HttpConnection *connection, HttpRequest &&request, quint64 sequence);

    HttpLimits m_limits;
    const Router &m_router;
    Metrics &m_metrics;
    QTcpServer m_server;
    HttpConnection::UpgradeHandler m_upgrade;
    QList<QPair<QHostAddress, int>> m_trustedProxies;
    int m_connections = 0;
};

// Keeps a client's X-Request-Id when it is sane, otherwise makes a new one.
QByteArray requestIdFor(const QByteArray &incoming);

// The client's address: the socket peer, or, when the peer is a trusted proxy, the right-most address in
// X-Forwarded-For that is not itself a trusted proxy (the left part of the header is the client's to forge).
QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                           const QList<QPair<QHostAddress, int>> &trustedProxies);

} // namespace Proctor::Collector::Http
