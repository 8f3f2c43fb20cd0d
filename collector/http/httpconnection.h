// SPDX-License-Identifier: MIT
// One client connection: feeds its HttpRequestParser, dispatches requests one at a time, writes the answers
// in order, keeps the connection alive and times out idle and slow clients.
#pragma once

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
    void parseBuffered();
    void reject(ErrorCode code, const QString &message);
    void processNext();
    void lingeringClose();
    void armTimer();
    bool midRequest() const;
    void onTimeout();
    void close();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Dispatch m_dispatch;
    UpgradeHandler m_upgrade;
    HttpRequestParser m_parser; // also holds the parsed requests waiting behind the one in flight

    bool m_busy = false;
    quint64 m_nextSequence = 0;
    quint64 m_inFlight = 0;
    QTimer m_timer;
    QElapsedTimer
        m_requestClock; // since the first byte of the request being received; invalid between requests

    static constexpr int kDrainTimeoutMs = 2000;
    static constexpr qint64 kMaxDrainBytes = 64LL * 1024 * 1024;
    bool m_draining = false;
    bool m_halfClosed = false;
    qint64 m_drained = 0;
};

} // namespace Proctor::Collector::Http
