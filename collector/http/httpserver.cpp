// SPDX-License-Identifier: MIT
// Connection acceptance and per-request middleware.
#include "http/httpserver.h"

#include <exception>

#include <QRandomGenerator>
#include <QTcpSocket>

#include "logging/log.h"
#include "observability/metrics.h"

namespace Proctor::Collector::Http {

QByteArray requestIdFor(const QByteArray &incoming)
{
    if (!incoming.isEmpty() && incoming.size() <= 64) {
        bool ok = true;
        for (char ch : incoming) {
            const bool allowed = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                                 (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
            ok = ok && allowed;
        }
        if (ok)
            return incoming;
    }
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words, 2);
    return QByteArray::fromRawData(reinterpret_cast<const char *>(words), sizeof words).toHex();
}

QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                           const QList<QPair<QHostAddress, int>> &trustedProxies)
{
    auto trusted = [&](const QHostAddress &a) {
        return std::any_of(trustedProxies.begin(), trustedProxies.end(),
                           [&](const auto &net) { return a.isInSubnet(net); });
    };
    if (forwardedFor.isEmpty() || !trusted(peer))
        return peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            return peer; // garbage in the trusted part: do not guess
        if (!trusted(hop))
            return hop;
    }
    return peer;
}

HttpServer::HttpServer(const HttpLimits &limits, const Router &router, Metrics &metrics, QObject *parent)
    : QObject(parent), m_limits(limits), m_router(router), m_metrics(metrics)
{
    m_server.setMaxPendingConnections(1024);
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
}

tl::expected<quint16, QString> HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server.listen(address, port))
        return tl::unexpected(QStringLiteral("cannot listen on %1:%2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(m_server.errorString()));
    return m_server.serverPort();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= m_limits.maxConnections) {
            // Shedding load at the door is cheaper than failing every request later.
            socket->write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: "
                          "0\r\nConnection: close\r\n\r\n");
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ++m_connections;
        auto *connection = new HttpConnection(
            socket, m_limits,
            [this](HttpConnection *c, HttpRequest &&r, quint64 seq) { dispatch(c, std::move(r), seq); },
            m_upgrade, this);
        connect(connection, &HttpConnection::finished, this, [this] { --m_connections; });
    }
}

void HttpServer::dispatch(HttpConnection *connection, HttpRequest &&incoming, quint64 sequence)
{
    auto request = std::make_shared<HttpRequest>(std::move(incoming));
    request->requestId = requestIdFor(request->header("x-request-id"));
    if (!m_trustedProxies.isEmpty())
        request->peer = clientAddress(request->peer, request->header("x-forwarded-for"), m_trustedProxies);
    if (!request->received.isValid())
        request->received.start();

    Router::Match match;
    if (!request->rejection)
        match = m_router.match(request->method, request->path);
    request->routeTemplate = match.handler ? match.routeTemplate : QStringLiteral("unmatched");
    request->pathParams = std::move(match.params);

    Metrics &metrics = m_metrics;
    Responder responder(connection, this, sequence, [request, &metrics](HttpResponse &response) {
        response.setHeader("X-Request-Id", request->requestId);
        if (request->method == "HEAD")
            response.omitBody = true;
        const double seconds = double(request->received.nsecsElapsed()) / 1e9;
        metrics.observeRequest(request->method, request->routeTemplate, response.status, seconds);
        const Log::Level level = response.status >= 500 ? Log::Level::Error : Log::Level::Info;
        Log::write(level, u"request",
                   {{"request_id", QString::fromLatin1(request->requestId)},
                    {"method", QString::fromLatin1(request->method)},
                    {"path", QString::fromUtf8(request->path.left(256))},
                    {"route", request->routeTemplate},
                    {"status", response.status},
                    {"bytes", int(response.body.size())},
                    {"duration_ms", seconds * 1000.0},
                    {"peer", request->peer.toString()}});
    });

    if (request->rejection) {
        HttpResponse r = HttpResponse::error(*request->rejection);
        r.closeConnection = true;
        responder.send(std::move(r));
        return;
    }
    if (match.methodNotAllowed) {
        responder.send(
            HttpResponse::error({ErrorCode::MethodNotAllowed, QStringLiteral("method not allowed"), {}, 0}));
        return;
    }
    if (!match.handler) {
        responder.send(HttpResponse::error({ErrorCode::NotFound, QStringLiteral("no such resource"), {}, 0}));
        return;
    }
    try {
        (*match.handler)(*request, responder);
    } catch (const std::exception &e) {
        Log::error(u"handler failed", {{"request_id", QString::fromLatin1(request->requestId)},
                                       {"error", QString::fromUtf8(e.what())}});
        responder.send(HttpResponse::error({ErrorCode::Internal, QStringLiteral("internal error"), {}, 0}));
    }
}

} // namespace Proctor::Collector::Http
