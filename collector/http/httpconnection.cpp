// SPDX-License-Identifier: MIT
// HTTP/1.1 connection handling. The server enforces body and header limits and timeouts itself, before
// buffering, so an oversized or slow request costs a bounded amount of memory and time.
#include "http/httpconnection.h"

#include <sys/socket.h>

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>

namespace Proctor::Collector::Http {
namespace {

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Dispatch dispatch,
                               UpgradeHandler upgrade, QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits), m_dispatch(std::move(dispatch)),
      m_upgrade(std::move(upgrade)),
      m_parser(limits, socket->peerAddress(), [this] { m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"); })
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::handOver(const QByteArray &head)
{
    disconnect(m_socket, nullptr, this, nullptr);
    m_timer.stop();
    QTcpSocket *socket = m_socket;
    socket->setParent(nullptr);
    m_socket = nullptr;
    if (!m_upgrade(socket, head)) {
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
    }
    emit finished();
    deleteLater();
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_draining) {
        m_drained += m_socket->readAll().size();
        if (m_drained > kMaxDrainBytes)
            m_socket->abort();
        return;
    }
    if (m_parser.isStopped())
        return;
    if (!m_parser.anyRequestCompleted() && !m_parser.inMessage() && !m_parser.hasBufferedInput() &&
        m_upgrade) {
        // Only a fresh connection's first request may become a WebSocket. Peek, so that its handshake stays
        // unread for the WebSocket server.
        const QByteArray head = m_socket->peek(m_limits.maxHeaderBytes);
        // The head ends at its first empty line. The parser accepts a bare LF as a line end (RFC 9112 allows
        // it), so must this, or such a request would wait here for the timeout.
        qsizetype end = head.indexOf("\r\n\r\n");
        for (const char *blank : {"\n\n", "\n\r\n"})
            if (const qsizetype e = head.indexOf(blank); e >= 0 && (end < 0 || e < end))
                end = e;
        if (end < 0) {
            if (head.size() < m_limits.maxHeaderBytes) {
                armTimer(); // wait for the whole head; the request timeout bounds the wait
                return;
            }
        } else {
            const QByteArray lower = head.left(end).toLower();
            if (lower.contains("\nupgrade:") && lower.contains("websocket")) {
                handOver(head.left(end));
                return;
            }
        }
    }
    m_parser.append(m_socket->readAll());
    parseBuffered();
}

void HttpConnection::parseBuffered()
{
    switch (m_parser.parse()) {
    case HttpRequestParser::Progress::Idle:
        return;
    case HttpRequestParser::Progress::Rejected:
        // The request cannot be read to its end, so the connection cannot be reused: answer and close.
        processNext();
        return;
    case HttpRequestParser::Progress::Parsed:
        processNext();
        armTimer();
        return;
    }
}

void HttpConnection::reject(ErrorCode code, const QString &message)
{
    m_parser.reject(code, message);
    processNext();
}

void HttpConnection::processNext()
{
    if (m_busy || !m_parser.hasRequest() || !m_socket)
        return;
    HttpRequest r = m_parser.takeRequest();
    m_requestClock.invalidate(); // whatever follows is a request of its own, timed from when it is awaited
    m_busy = true;
    m_inFlight = m_nextSequence++;
    m_timer.stop();
    m_dispatch(this, std::move(r), m_inFlight);
}

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    if (!m_socket || !m_busy || sequence != m_inFlight)
        return;
    const bool close = response.closeConnection || m_parser.isStopped() && !m_parser.hasRequest();
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    if (!response.omitBody)
        out += response.body;
    m_socket->write(out);
    m_busy = false;
    if (close) {
        lingeringClose();
        return;
    }
    // Resume a parser paused because of a full pipeline queue.
    if (m_parser.resume())
        QMetaObject::invokeMethod(
            this, [this] { parseBuffered(); }, Qt::QueuedConnection);
    if (m_parser.hasRequest())
        QMetaObject::invokeMethod(this, &HttpConnection::processNext, Qt::QueuedConnection);
    else
        armTimer();
}

void HttpConnection::lingeringClose()
{
    // Closing with unread request bytes makes the kernel send RST, which can destroy the response before the
    // client reads it (a 413 the client never sees). Send our side's FIN once the answer is out, read and
    // discard what the client still sends for a short while, then close.
    m_draining = true;
    m_parser.clearQueue();
    auto shutdownWrite = [this] {
        if (m_socket && m_socket->bytesToWrite() == 0 && !m_halfClosed) {
            m_halfClosed = true;
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        }
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, shutdownWrite);
    m_socket->flush();
    shutdownWrite();
    m_timer.start(kDrainTimeoutMs);
}

void HttpConnection::armTimer()
{
    if (m_busy || m_draining)
        return; // the handler owns the time; the event writer answers or times out itself
    if (!midRequest()) {
        m_requestClock.invalidate();
        m_timer.start(m_limits.idleTimeoutMs);
        return;
    }
    // Measured from the request's first byte, never restarted by later ones: a client sending a byte a
    // second would otherwise hold the connection for ever (slowloris).
    if (!m_requestClock.isValid())
        m_requestClock.start();
    m_timer.start(int(qMax<qint64>(0, m_limits.requestTimeoutMs - m_requestClock.elapsed())));
}

bool HttpConnection::midRequest() const
{
    // Unread socket bytes count: a fresh connection's head is only peeked until it is complete.
    return m_parser.inMessage() || m_parser.hasBufferedInput() ||
           (m_socket && m_socket->bytesAvailable() > 0);
}

void HttpConnection::onTimeout()
{
    if (m_draining && m_socket) {
        m_socket->abort();
        return;
    }
    if (m_busy || !m_socket)
        return;
    if (midRequest()) {
        reject(ErrorCode::RequestTimeout, QStringLiteral("request not received in time"));
        return;
    }
    m_socket->disconnectFromHost();
}

void HttpConnection::close()
{
    if (!m_socket)
        return;
    m_timer.stop();
    emit finished();
    deleteLater();
}

} // namespace Proctor::Collector::Http
