// SPDX-License-Identifier: MIT
// Socket-free HTTP/1.1 request parsing (http_parser) with the server's limits: what HttpConnection feeds the
// bytes a socket delivers, and what tests and fuzzers feed bytes directly.
#pragma once

#include <deque>
#include <functional>

#include <http_parser.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include "core/error.h"
#include "http/httplimits.h"
#include "http/httprequest.h"

namespace Proctor::Collector::Http {

class HttpRequestParser final
{
public:
    // Runs inside parse() when the head of a request with "Expect: 100-continue" has been accepted (a
    // declared body is within the limit) and before any of its body is read; the caller answers
    // "100 Continue" right then, ahead of anything it writes for this request.
    using ContinueHandler = std::function<void()>;

    enum class Progress
    {
        Idle,     // nothing parsed: no buffered input, paused or stopped
        Parsed,   // buffered input consumed; complete requests, if any, are queued
        Rejected, // the input cannot be read to the end of a request: a rejection ends the queue
    };

    explicit HttpRequestParser(const HttpLimits &limits, QHostAddress peer = {},
                               ContinueHandler onContinue = {});
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Buffers bytes (ignored once stopped); parse() reads them.
    void append(QByteArrayView bytes);
    Progress parse();
    Progress feed(QByteArrayView bytes)
    {
        append(bytes);
        return parse();
    }

    // Parsed requests waiting for dispatch, oldest first. A request with `rejection` set (413, 431, 400, or
    // whatever reject() was given) is always the last one.
    bool hasRequest() const { return !m_queue.empty(); }
    qsizetype queued() const { return qsizetype(m_queue.size()); }
    HttpRequest takeRequest();
    void clearQueue()
    {
        m_queue.clear();
        m_queuedBodyBytes = 0;
    }

    // Parsing pauses once the queue holds limits.maxPipelined requests or limits.maxBodyBytes of bodies,
    // and for good after a request that does not keep the connection alive. After requests were taken this
    // unpauses if there is room again; true means it did and buffered input waits for parse().
    bool resume();

    // Refuses the request being received (a timeout, for instance): it is queued as a rejection with
    // keepAlive false, and nothing more is read.
    void reject(ErrorCode code, const QString &message);

    bool isPaused() const { return HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED; }
    bool isStopped() const { return m_stopped; }   // after a rejection or a "Connection: close" request
    bool inMessage() const { return m_inMessage; } // a request has begun and is not complete
    bool hasBufferedInput() const { return m_input.size() > m_inputStart; }
    qsizetype bufferedBytes() const { return m_input.size() - m_inputStart; } // appended, not yet parsed
    bool anyRequestCompleted() const { return m_anyComplete; }

private:
    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t len);
    static int onHeaderField(http_parser *p, const char *at, size_t len);
    static int onHeaderValue(http_parser *p, const char *at, size_t len);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t len);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings &settings();

    bool countHeaderBytes(size_t len);
    bool queueFull() const;

    HttpLimits m_limits;
    QHostAddress m_peer;
    ContinueHandler m_onContinue;
    http_parser m_parser{};
    QByteArray m_input;
    qsizetype m_inputStart = 0; // m_input before this has been parsed

    HttpRequest m_current;
    QByteArray m_field;
    bool m_inHeaderValue = false;
    qint64 m_headerBytes = 0;
    bool m_inMessage = false;
    bool m_stopped = false;
    bool m_anyComplete = false;
    std::deque<HttpRequest> m_queue;
    qint64 m_queuedBodyBytes = 0;
};

} // namespace Proctor::Collector::Http
