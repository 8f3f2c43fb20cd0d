// SPDX-License-Identifier: MIT
// One client connection: feeds its HttpRequestParser, dispatches requests one at a time, writes the answers
// in order, keeps the connection alive, times out idle and slow clients, and applies backpressure to clients
// that do not read their answers.
#pragma once

#include <deque>
#include <functional>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "http/httplimits.h"
#include "http/httprequest.h"
#include "http/httprequestparser.h"
#include "http/httpresponse.h"

class QTcpSocket;

namespace Proctor::Collector::Http {

class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    // Called for every complete (or rejected) request, one at a time per connection, in arrival order.
    using Dispatch = std::function<void(HttpConnection *, HttpRequest &&, quint64 sequence)>;
    // Called when a fresh connection's first request asks for a WebSocket upgrade; the socket is handed over
    // unread, so the WebSocket server can read the handshake itself. Return false to refuse (connection
    // closed).
    using UpgradeHandler = std::function<bool(QTcpSocket *socket, const QByteArray &head)>;

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Dispatch dispatch, UpgradeHandler upgrade,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Writes the answer to request `sequence`. Called on this object's thread (Responder takes care).
    void deliver(quint64 sequence, HttpResponse response);

signals:
    void finished();

private:
    void onReadyRead();
    void handOver(const QByteArray &head);
    void pump();
    void schedulePump();
    void reject(ErrorCode code, const QString &message);
    void processNext();
    void lingeringClose();
    void shutdownWrite();
    void armTimer();
    bool midRequest() const;
    bool outputBacklogged() const;
    void onBytesWritten();
    void onTimeout();
    void onWriteStall();
    void write(const QByteArray &bytes);
    void writeBody(const QByteArray &body);
    void watchOutput();
    void close();
    void pullStream();
    void onStreamPiece(quint64 id, Expected<QByteArray> piece);

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Dispatch m_dispatch;
    UpgradeHandler m_upgrade;
    HttpRequestParser m_parser; // also holds the parsed requests waiting behind the one in flight

    bool m_busy = false;
    bool m_pumpScheduled = false;
    bool m_backlogged = false; // reading paused for unsent output; bytesWritten resumes
    bool m_closed = false;
    quint64 m_nextSequence = 0;
    quint64 m_inFlight = 0;
    QTimer m_timer;      // idle, request and drain timeouts
    QTimer m_stallTimer; // runs while answer bytes wait; restarted whenever the peer takes some
    // Since the first byte of the request being received; invalid between requests.
    QElapsedTimer m_requestClock;

    // Bodies from this size on go out as slices of the body itself, which the socket keeps by reference
    // (QRingBuffer takes a QByteArray of 4 KiB or more without copying); smaller ones go out with the head in
    // one piece. A slice is what one write notification sends, so many large answers at once still leave
    // the event loop free to serve others between slices.
    static constexpr qsizetype kSeparateBodyBytes = 4096;
    static constexpr qsizetype kBodySliceBytes = 64 * 1024;
    static constexpr int kKernelUnsentBytes = 128 * 1024;
    // Bodies whose slices are still in the socket's buffer, each with the output offset where it ends.
    struct PinnedBody
    {
        qint64 end = 0;
        QByteArray body;
    };
    std::deque<PinnedBody> m_pinned;
    qint64 m_outputQueued = 0; // bytes handed to the socket so far
    static constexpr int kDrainTimeoutMs = 2000;
    static constexpr qint64 kMaxDrainBytes = 64LL * 1024 * 1024;
    bool m_draining = false;
    bool m_halfClosed = false;
    qint64 m_drained = 0;
    // A streamed (chunked) answer in progress: the request stays in flight until its last piece is written.
    std::shared_ptr<BodyStream> m_stream;
    bool m_streamWaiting = false; // a piece has been asked for and not yet arrived
    bool m_streamClose = false;   // close the connection after the last piece
    quint64 m_streamId = 0;       // pieces of an earlier (aborted) stream are ignored
};

} // namespace Proctor::Collector::Http
