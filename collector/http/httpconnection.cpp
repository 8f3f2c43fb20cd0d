// SPDX-License-Identifier: MIT
// HTTP/1.1 connection handling. The server enforces body and header limits and timeouts itself, before
// buffering, so an oversized or slow request costs a bounded amount of memory and time. It also reads no
// faster than the peer takes its answers, so a client that pipelines requests and never reads costs a
// bounded amount too.
#include "http/httpconnection.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>

#include "http/bodystream.h"
#include "logging/log.h"

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
      m_upgrade(std::move(upgrade)), m_parser(limits, socket->peerAddress(), [this] {
          write("HTTP/1.1 100 Continue\r\n\r\n");
          watchOutput();
      })
{
    m_socket->setParent(this);
    // Qt reads no further ahead than this. What the client sends beyond it waits in the kernel, whose full
    // receive window then slows the client down. A WebSocket handshake is peeked whole, so a head must fit.
    m_socket->setReadBufferSize(qMax<qint64>(m_limits.maxUnparsedInputBytes, m_limits.maxHeaderBytes));
    // The kernel reports the socket writable only while it holds fewer unsent bytes than this, so the
    // answers wait in our buffer, where the backpressure bound sees them, instead of several MB of them per
    // connection in the kernel's (autotuned up to tcp_wmem): a peer that does not read then costs little
    // kernel memory and little copying. What is in flight to a reading peer is not limited by it.
    const int unsent = kKernelUnsentBytes;
    ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_NOTSENT_LOWAT, &unsent, sizeof unsent);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_limits.writeStallTimeoutMs);
    connect(&m_stallTimer, &QTimer::timeout, this, &HttpConnection::onWriteStall);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
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
    m_stallTimer.stop();
    QTcpSocket *socket = m_socket;
    socket->setParent(nullptr);
    socket->setReadBufferSize(0); // the WebSocket server reads on its own terms
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
    pump();
}

void HttpConnection::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &HttpConnection::pump, Qt::QueuedConnection);
}

void HttpConnection::pump()
{
    m_pumpScheduled = false;
    if (!m_socket || m_draining || m_closed)
        return;
    // While the peer is not taking its answers, nothing more is read, parsed or dispatched: its requests
    // wait in the kernel and TCP slows it down. onBytesWritten() resumes.
    if (outputBacklogged()) {
        m_backlogged = true;
        armTimer();
        return;
    }
    m_parser.resume();
    // Read only what the parser has room for; it holds the rest of a read while its queue is full.
    while (!m_parser.isStopped() && !m_parser.isPaused()) {
        const qint64 room = m_limits.maxUnparsedInputBytes - m_parser.bufferedBytes();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_parser.append(m_socket->read(room));
        if (m_parser.parse() == HttpRequestParser::Progress::Rejected)
            break; // the rejection is queued; nothing behind it is read
        if (m_parser.hasBufferedInput() || m_socket->bytesAvailable() == 0)
            break;
    }
    processNext();
    armTimer();
}

void HttpConnection::reject(ErrorCode code, const QString &message)
{
    m_parser.reject(code, message);
    processNext();
}

void HttpConnection::processNext()
{
    if (m_busy || !m_parser.hasRequest() || !m_socket || outputBacklogged())
        return;
    HttpRequest r = m_parser.takeRequest();
    m_requestClock.invalidate(); // whatever follows is a request of its own, timed from when it is awaited
    m_busy = true;
    m_inFlight = m_nextSequence++;
    m_timer.stop();
    m_dispatch(this, std::move(r), m_inFlight);
}

void HttpConnection::write(const QByteArray &bytes)
{
    if (!m_socket)
        return;
    m_socket->write(bytes);
    m_outputQueued += bytes.size();
}

void HttpConnection::watchOutput()
{
    // Started once, restarted only by progress: answers written meanwhile do not keep a stalled peer alive.
    if (m_socket && m_socket->bytesToWrite() > 0 && !m_stallTimer.isActive())
        m_stallTimer.start();
}

void HttpConnection::writeBody(const QByteArray &body)
{
    // Raw slices of `body`, which stays pinned here until the socket has written its last byte: a cached
    // static file is then shared by every answer waiting in every socket's buffer, never copied.
    for (qsizetype at = 0; at < body.size(); at += kBodySliceBytes)
        write(QByteArray::fromRawData(body.constData() + at, qMin(kBodySliceBytes, body.size() - at)));
    m_pinned.push_back({m_outputQueued, body});
}

void HttpConnection::deliver(quint64 sequence, HttpResponse response)
{
    if (!m_socket || !m_busy || sequence != m_inFlight)
        return;
    const bool close = response.closeConnection || (m_parser.isStopped() && !m_parser.hasRequest());
    const bool streamed = response.stream && !response.omitBody;
    QByteArray head;
    head.reserve(512);
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        head += h.first + ": " + h.second + "\r\n";
    if (streamed)
        head += "Transfer-Encoding: chunked\r\n";
    else if (!response.stream)
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    head += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    if (streamed) {
        // The request stays in flight (m_busy) until the last piece: nothing behind it is dispatched.
        write(head);
        m_socket->flush();
        watchOutput();
        m_stream = std::move(response.stream);
        m_streamClose = close;
        m_streamWaiting = false;
        ++m_streamId;
        pullStream();
        return;
    }
    if (response.omitBody || response.body.size() < kSeparateBodyBytes) {
        const bool idle = m_socket->bytesToWrite() == 0;
        if (!response.omitBody)
            head += response.body;
        write(head);
        // A small answer on an idle connection goes out now rather than on the next event-loop pass: one
        // pass less for every request/response exchange. Behind pending output it waits its turn.
        if (idle)
            m_socket->flush();
    } else {
        write(head);
        writeBody(response.body);
    }
    watchOutput();
    m_busy = false;
    if (close) {
        lingeringClose();
        return;
    }
    // The next pipelined request, if the peer keeps up; resumes a parser paused because of a full queue.
    schedulePump();
}

void HttpConnection::lingeringClose()
{
    // Closing with unread request bytes makes the kernel send RST, which can destroy the response before the
    // client reads it (a 413 the client never sees). Send our side's FIN once the answer is out, read and
    // discard what the client still sends for a short while, then close. Until the answer is out, the
    // write-stall timeout bounds the wait.
    m_draining = true;
    m_parser.clearQueue();
    m_timer.stop();
    m_socket->flush();
    shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (!m_socket || m_halfClosed || m_socket->bytesToWrite() > 0)
        return;
    m_halfClosed = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_timer.start(kDrainTimeoutMs);
}

void HttpConnection::onBytesWritten()
{
    if (!m_socket)
        return;
    // Counted from what is left rather than summed from the signal, which Qt does not emit recursively.
    const qint64 written = m_outputQueued - m_socket->bytesToWrite();
    while (!m_pinned.empty() && m_pinned.front().end <= written)
        m_pinned.pop_front();
    if (m_socket->bytesToWrite() > 0)
        m_stallTimer.start(); // progress: the peer is reading
    else
        m_stallTimer.stop();
    if (m_draining) {
        shutdownWrite();
        return;
    }
    if (m_stream)
        pullStream(); // asks for the next piece once the peer has taken enough of the last ones
    if (m_backlogged && !outputBacklogged()) {
        m_backlogged = false;
        schedulePump();
    }
}

bool HttpConnection::outputBacklogged() const
{
    return m_socket && m_socket->bytesToWrite() > m_limits.maxPendingOutputBytes;
}

void HttpConnection::armTimer()
{
    if (m_busy || m_draining)
        return; // the handler owns the time; the event writer answers or times out itself
    if (outputBacklogged()) {
        // The write-stall timer owns the time while the peer is not reading. A request whose reading this
        // pause interrupted is timed afresh once reading resumes.
        m_timer.stop();
        m_requestClock.invalidate();
        return;
    }
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
    if (m_busy || !m_socket || outputBacklogged())
        return;
    if (midRequest()) {
        reject(ErrorCode::RequestTimeout, QStringLiteral("request not received in time"));
        return;
    }
    m_socket->disconnectFromHost();
}

void HttpConnection::onWriteStall()
{
    if (!m_socket || m_socket->bytesToWrite() == 0)
        return;
    Log::info(u"connection reset: the peer stopped reading",
              {{"peer", m_socket->peerAddress().toString()},
               {"pending_bytes", double(m_socket->bytesToWrite())},
               {"stalled_ms", m_limits.writeStallTimeoutMs}});
    // Reset, not close: a FIN would wait behind the answers the peer does not take, and the kernel would
    // keep them for minutes after the socket is gone.
    const linger reset{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    m_socket->abort();
    close();
}

void HttpConnection::pullStream()
{
    // One piece at a time, and only while the peer keeps up: a client that stops reading holds at most the
    // pending-output bound plus one piece, and the write-stall timer drops it.
    if (!m_stream || m_streamWaiting || !m_socket || m_closed || outputBacklogged())
        return;
    m_streamWaiting = true;
    QPointer<HttpConnection> self(this);
    // The server object (the parent) outlives its connections: pieces are posted to its thread.
    QObject *context = parent() ? parent() : this;
    const quint64 id = m_streamId;
    m_stream->next([self, context, id](Expected<QByteArray> piece) {
        QMetaObject::invokeMethod(
            context,
            [self, id, piece = std::move(piece)]() mutable {
                if (self)
                    self->onStreamPiece(id, std::move(piece));
            },
            Qt::QueuedConnection);
    });
}

void HttpConnection::onStreamPiece(quint64 id, Expected<QByteArray> piece)
{
    if (!m_stream || id != m_streamId || !m_socket || m_closed)
        return;
    m_streamWaiting = false;
    if (!piece) {
        Log::warning(u"streamed answer aborted", {{"error", piece.error().message}});
        m_stream.reset();
        m_socket->abort();
        close();
        return;
    }
    if (piece->isEmpty()) {
        m_stream.reset();
        write("0\r\n\r\n");
        watchOutput();
        m_busy = false;
        if (m_streamClose) {
            lingeringClose();
            return;
        }
        schedulePump();
        return;
    }
    write(QByteArray::number(piece->size(), 16) + "\r\n");
    if (piece->size() < kSeparateBodyBytes)
        write(*piece);
    else
        writeBody(*piece);
    write("\r\n");
    watchOutput();
    pullStream();
}

void HttpConnection::close()
{
    if (!m_socket || m_closed)
        return;
    m_closed = true;
    m_timer.stop();
    m_stallTimer.stop();
    emit finished();
    deleteLater();
}

} // namespace Proctor::Collector::Http
