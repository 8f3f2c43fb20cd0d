// SPDX-License-Identifier: MIT
// One client connection: incremental HTTP/1.1 parsing (http_parser), limits, keep-alive, in-order answers.
#pragma once

#include <deque>
#include <functional>

#include <http_parser.h>

#include <QObject>
#include <QTimer>

#include "http/httplimits.h"
#include "http/httprequest.h"
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
    // unread, so the WebSocket server can read the handshake itself. Return false to refuse (connection closed).
    using UpgradeHandler = std::function<bool(QTcpSocket *socket, const QByteArray &head)>;

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Dispatch dispatch, UpgradeHandler upgrade,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Writes the answer to request `sequence`. Called on this object's thread (Responder takes care).
    void deliver(quint64 sequence, HttpResponse response);

signals:
    void finished();

private:
    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t len);
    static int onHeaderField(http_parser *p, const char *at, size_t len);
    static int onHeaderValue(http_parser *p, const char *at, size_t len);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t len);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings &settings();

    void onReadyRead();
    void handOver(const QByteArray &head);
    void parseBuffered();
    void reject(ErrorCode code, const QString &message);
    void processNext();
    void lingeringClose();
    void armTimer();
    void onTimeout();
    void close();
    bool countHeaderBytes(size_t len);

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Dispatch m_dispatch;
    UpgradeHandler m_upgrade;
    http_parser m_parser{};
    QByteArray m_inbuf;

    HttpRequest m_current;
    QByteArray m_field;
    bool m_inHeaderValue = false;
    qint64 m_headerBytes = 0;
    bool m_inMessage = false;
    bool m_stopReading = false; // after a rejection or a Connection: close request

    std::deque<HttpRequest> m_queue;
    bool m_busy = false;
    quint64 m_nextSequence = 0;
    quint64 m_inFlight = 0;
    bool m_anyRequest = false;
    QTimer m_timer;

    static constexpr int kDrainTimeoutMs = 2000;
    static constexpr qint64 kMaxDrainBytes = 64LL * 1024 * 1024;
    bool m_draining = false;
    bool m_halfClosed = false;
    qint64 m_drained = 0;
};

} // namespace Proctor::Collector::Http
