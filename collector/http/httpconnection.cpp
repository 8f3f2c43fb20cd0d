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

HttpConnection *self(http_parser *p) { return static_cast<HttpConnection *>(p->data); }

QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Dispatch dispatch,
                               UpgradeHandler upgrade, QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits), m_dispatch(std::move(dispatch)),
      m_upgrade(std::move(upgrade))
{
    m_socket->setParent(this);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

const http_parser_settings &HttpConnection::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings st{};
        st.on_message_begin = &HttpConnection::onMessageBegin;
        st.on_url = &HttpConnection::onUrl;
        st.on_header_field = &HttpConnection::onHeaderField;
        st.on_header_value = &HttpConnection::onHeaderValue;
        st.on_headers_complete = &HttpConnection::onHeadersComplete;
        st.on_body = &HttpConnection::onBody;
        st.on_message_complete = &HttpConnection::onMessageComplete;
        return st;
    }();
    return s;
}

bool HttpConnection::countHeaderBytes(size_t len)
{
    m_headerBytes += qint64(len);
    return m_headerBytes <= m_limits.maxHeaderBytes;
}

int HttpConnection::onMessageBegin(http_parser *p)
{
    HttpConnection *c = self(p);
    c->m_current = HttpRequest{};
    c->m_current.peer = c->m_socket->peerAddress();
    c->m_field.clear();
    c->m_inHeaderValue = false;
    c->m_headerBytes = 0;
    c->m_inMessage = true;
    c->armTimer();
    return 0;
}

int HttpConnection::onUrl(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = self(p);
    if (!c->countHeaderBytes(len)) {
        c->m_current.rejection = Error{ErrorCode::HeadersTooLarge, QStringLiteral("request line or headers too large"), {}, 0};
        return -1;
    }
    c->m_current.target.append(at, qsizetype(len));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = self(p);
    if (!c->countHeaderBytes(len)) {
        c->m_current.rejection = Error{ErrorCode::HeadersTooLarge, QStringLiteral("request headers too large"), {}, 0};
        return -1;
    }
    if (c->m_inHeaderValue) {
        c->m_field.clear();
        c->m_inHeaderValue = false;
    }
    c->m_field.append(at, qsizetype(len));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = self(p);
    if (!c->countHeaderBytes(len)) {
        c->m_current.rejection = Error{ErrorCode::HeadersTooLarge, QStringLiteral("request headers too large"), {}, 0};
        return -1;
    }
    if (!c->m_inHeaderValue) {
        c->m_current.headers.append({c->m_field.toLower(), QByteArray()});
        c->m_inHeaderValue = true;
    }
    c->m_current.headers.last().second.append(at, qsizetype(len));
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *p)
{
    HttpConnection *c = self(p);
    HttpRequest &r = c->m_current;
    r.method = http_method_str(static_cast<http_method>(p->method));
    r.keepAlive = http_should_keep_alive(p) != 0;
    r.received.start();
    const qsizetype q = r.target.indexOf('?');
    r.path = q < 0 ? r.target : r.target.left(q);
    r.query = q < 0 ? QByteArray() : r.target.mid(q + 1);
    for (auto &h : r.headers)
        h.second = h.second.trimmed();

    // Refuse an oversized body before reading it: that is the point of checking here.
    const bool declared = p->content_length != ULLONG_MAX && (p->flags & F_CONTENTLENGTH);
    if (declared && p->content_length > quint64(c->m_limits.maxBodyBytes)) {
        r.rejection = Error{ErrorCode::PayloadTooLarge,
                            QStringLiteral("request body exceeds %1 bytes").arg(c->m_limits.maxBodyBytes), {}, 0};
        return -1;
    }
    if (r.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        c->m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return 0;
}

int HttpConnection::onBody(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = self(p);
    // Chunked bodies have no declared length: count as they arrive.
    if (c->m_current.body.size() + qint64(len) > c->m_limits.maxBodyBytes) {
        c->m_current.rejection = Error{ErrorCode::PayloadTooLarge,
                                       QStringLiteral("request body exceeds %1 bytes").arg(c->m_limits.maxBodyBytes), {}, 0};
        return -1;
    }
    c->m_current.body.append(at, qsizetype(len));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *p)
{
    HttpConnection *c = self(p);
    c->m_inMessage = false;
    c->m_anyRequest = true;
    if (!c->m_current.keepAlive)
        c->m_stopReading = true;
    c->m_queue.push_back(std::move(c->m_current));
    c->m_current = HttpRequest{};
    // Stop parsing further pipelined requests until the queue drains.
    if (int(c->m_queue.size()) >= c->m_limits.maxPipelined || c->m_stopReading)
        http_parser_pause(p, 1);
    return 0;
}

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
    if (m_stopReading)
        return;
    if (!m_anyRequest && !m_inMessage && m_inbuf.isEmpty() && m_upgrade) {
        // Only a fresh connection's first request may become a WebSocket. Peek, so that its handshake stays
        // unread for the WebSocket server.
        const QByteArray head = m_socket->peek(m_limits.maxHeaderBytes);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (head.size() < m_limits.maxHeaderBytes)
                return; // wait for the whole head; the timer bounds the wait
        } else {
            const QByteArray lower = head.left(end).toLower();
            if (lower.contains("\r\nupgrade:") && lower.contains("websocket")) {
                handOver(head.left(end));
                return;
            }
        }
    }
    m_inbuf.append(m_socket->readAll());
    parseBuffered();
}

void HttpConnection::parseBuffered()
{
    if (m_inbuf.isEmpty() || HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED)
        return;
    const size_t parsed = http_parser_execute(&m_parser, &settings(), m_inbuf.constData(), size_t(m_inbuf.size()));
    const auto err = HTTP_PARSER_ERRNO(&m_parser);
    if (err != HPE_OK && err != HPE_PAUSED) {
        if (m_current.rejection)
            reject(m_current.rejection->code, m_current.rejection->message);
        else
            reject(ErrorCode::BadParameter, QStringLiteral("malformed HTTP request: %1")
                                                .arg(QString::fromLatin1(http_errno_description(err))));
        return;
    }
    m_inbuf.remove(0, qsizetype(parsed));
    processNext();
    armTimer();
}

void HttpConnection::reject(ErrorCode code, const QString &message)
{
    // The request cannot be read to its end, so the connection cannot be reused: answer and close.
    m_stopReading = true;
    m_inbuf.clear();
    HttpRequest r = std::move(m_current);
    m_current = HttpRequest{};
    if (r.method.isEmpty())
        r.method = "UNKNOWN";
    if (!r.received.isValid())
        r.received.start();
    r.peer = m_socket ? m_socket->peerAddress() : QHostAddress();
    r.keepAlive = false;
    r.rejection = Error{code, message, {}, 0};
    m_queue.push_back(std::move(r));
    m_inMessage = false;
    processNext();
}

void HttpConnection::processNext()
{
    if (m_busy || m_queue.empty() || !m_socket)
        return;
    HttpRequest r = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    m_inFlight = m_nextSequence++;
    m_timer.stop();
    m_dispatch(this, std::move(r), m_inFlight);
}

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    if (!m_socket || !m_busy || sequence != m_inFlight)
        return;
    const bool close = response.closeConnection || m_stopReading && m_queue.empty();
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    out += response.body;
    m_socket->write(out);
    m_busy = false;
    if (close) {
        lingeringClose();
        return;
    }
    // Resume a parser paused because of a full pipeline queue.
    if (HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED && int(m_queue.size()) < m_limits.maxPipelined && !m_stopReading) {
        http_parser_pause(&m_parser, 0);
        QMetaObject::invokeMethod(this, [this] { parseBuffered(); }, Qt::QueuedConnection);
    }
    if (!m_queue.empty())
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
    m_queue.clear();
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
    m_timer.start(m_inMessage || !m_inbuf.isEmpty() ? m_limits.requestTimeoutMs : m_limits.idleTimeoutMs);
}

void HttpConnection::onTimeout()
{
    if (m_draining && m_socket) {
        m_socket->abort();
        return;
    }
    if (m_busy || !m_socket)
        return;
    if (m_inMessage) {
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
