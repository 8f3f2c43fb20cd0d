// SPDX-License-Identifier: MIT
// The limits are enforced while parsing, before anything is buffered beyond them: header bytes as they
// arrive, a declared body length before its first byte, a chunked body as its chunks arrive.
#include "http/httprequestparser.h"

#include <climits>

namespace Proctor::Collector::Http {
namespace {

HttpRequestParser *self(http_parser *p)
{
    return static_cast<HttpRequestParser *>(p->data);
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits, QHostAddress peer, ContinueHandler onContinue)
    : m_limits(limits), m_peer(std::move(peer)), m_onContinue(std::move(onContinue))
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

const http_parser_settings &HttpRequestParser::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings st{};
        st.on_message_begin = &HttpRequestParser::onMessageBegin;
        st.on_url = &HttpRequestParser::onUrl;
        st.on_header_field = &HttpRequestParser::onHeaderField;
        st.on_header_value = &HttpRequestParser::onHeaderValue;
        st.on_headers_complete = &HttpRequestParser::onHeadersComplete;
        st.on_body = &HttpRequestParser::onBody;
        st.on_message_complete = &HttpRequestParser::onMessageComplete;
        return st;
    }();
    return s;
}

bool HttpRequestParser::countHeaderBytes(size_t len)
{
    m_headerBytes += qint64(len);
    return m_headerBytes <= m_limits.maxHeaderBytes;
}

int HttpRequestParser::onMessageBegin(http_parser *p)
{
    HttpRequestParser *c = self(p);
    c->m_current = HttpRequest{};
    c->m_current.peer = c->m_peer;
    c->m_field.clear();
    c->m_inHeaderValue = false;
    c->m_headerBytes = 0;
    c->m_inMessage = true;
    return 0;
}

int HttpRequestParser::onUrl(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = self(p);
    if (!c->countHeaderBytes(len)) {
        c->m_current.rejection =
            Error{ErrorCode::HeadersTooLarge, QStringLiteral("request line or headers too large"), {}, 0};
        return -1;
    }
    c->m_current.target.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onHeaderField(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = self(p);
    // A new header line also costs its framing (": " and CRLF): without it, thousands of empty headers fit
    // in a head several times the limit.
    const bool newLine = c->m_inHeaderValue || c->m_field.isEmpty();
    if (!c->countHeaderBytes(len + (newLine ? 4 : 0))) {
        c->m_current.rejection =
            Error{ErrorCode::HeadersTooLarge, QStringLiteral("request headers too large"), {}, 0};
        return -1;
    }
    if (c->m_inHeaderValue) {
        c->m_field.clear();
        c->m_inHeaderValue = false;
    }
    c->m_field.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = self(p);
    if (!c->countHeaderBytes(len)) {
        c->m_current.rejection =
            Error{ErrorCode::HeadersTooLarge, QStringLiteral("request headers too large"), {}, 0};
        return -1;
    }
    if (!c->m_inHeaderValue) {
        c->m_current.headers.append({c->m_field.toLower(), QByteArray()});
        c->m_inHeaderValue = true;
    }
    c->m_current.headers.last().second.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onHeadersComplete(http_parser *p)
{
    HttpRequestParser *c = self(p);
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
                            QStringLiteral("request body exceeds %1 bytes").arg(c->m_limits.maxBodyBytes),
                            {},
                            0};
        return -1;
    }
    if (r.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && c->m_onContinue)
        c->m_onContinue();
    return 0;
}

int HttpRequestParser::onBody(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = self(p);
    // Chunked bodies have no declared length: count as they arrive.
    if (c->m_current.body.size() + qint64(len) > c->m_limits.maxBodyBytes) {
        c->m_current.rejection =
            Error{ErrorCode::PayloadTooLarge,
                  QStringLiteral("request body exceeds %1 bytes").arg(c->m_limits.maxBodyBytes),
                  {},
                  0};
        return -1;
    }
    c->m_current.body.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onMessageComplete(http_parser *p)
{
    HttpRequestParser *c = self(p);
    c->m_inMessage = false;
    c->m_anyComplete = true;
    if (!c->m_current.keepAlive)
        c->m_stopped = true;
    c->m_queuedBodyBytes += c->m_current.body.size();
    c->m_queue.push_back(std::move(c->m_current));
    c->m_current = HttpRequest{};
    // Stop parsing further pipelined requests until the queue drains.
    if (c->queueFull() || c->m_stopped)
        http_parser_pause(p, 1);
    return 0;
}

void HttpRequestParser::append(QByteArrayView bytes)
{
    if (!m_stopped)
        m_input.append(bytes);
}

HttpRequestParser::Progress HttpRequestParser::parse()
{
    if (!hasBufferedInput() || isPaused() || m_stopped)
        return Progress::Idle;
    const char *input = m_input.constData() + m_inputStart;
    const size_t size = size_t(m_input.size() - m_inputStart);
    size_t parsed = http_parser_execute(&m_parser, &settings(), input, size);
    // http_parser returns early after a request that asks to switch protocols (Upgrade, CONNECT). This
    // server never switches here (a WebSocket handshake is handed over before any parsing), so it answers
    // such a request like any other and reads on: else a request pipelined behind it waits for more bytes.
    while (m_parser.upgrade && parsed < size && HTTP_PARSER_ERRNO(&m_parser) == HPE_OK)
        parsed += http_parser_execute(&m_parser, &settings(), input + parsed, size - parsed);
    const auto err = HTTP_PARSER_ERRNO(&m_parser);
    if (err != HPE_OK && err != HPE_PAUSED) {
        if (m_current.rejection)
            reject(m_current.rejection->code, m_current.rejection->message);
        else
            reject(ErrorCode::BadParameter, QStringLiteral("malformed HTTP request: %1")
                                                .arg(QString::fromLatin1(http_errno_description(err))));
        return Progress::Rejected;
    }
    // Parsing pauses after every pipelined request once the queue is full: moving the rest of the buffer
    // down each time would cost its size per request, so that waits until the parsed part is the larger.
    m_inputStart += qsizetype(parsed);
    if (m_inputStart == m_input.size()) {
        m_input.clear();
        m_inputStart = 0;
    } else if (m_inputStart * 2 >= m_input.size()) {
        m_input.remove(0, m_inputStart);
        m_inputStart = 0;
    }
    return Progress::Parsed;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_queue.front());
    m_queue.pop_front();
    m_queuedBodyBytes -= r.body.size();
    return r;
}

bool HttpRequestParser::queueFull() const
{
    // Counted in bodies too: 32 pipelined uploads of the largest allowed body would otherwise all be held.
    return qsizetype(m_queue.size()) >= m_limits.maxPipelined || m_queuedBodyBytes >= m_limits.maxBodyBytes;
}

bool HttpRequestParser::resume()
{
    if (!isPaused() || queueFull() || m_stopped)
        return false;
    http_parser_pause(&m_parser, 0);
    return true;
}

void HttpRequestParser::reject(ErrorCode code, const QString &message)
{
    // The request cannot be read to its end, so neither can anything behind it.
    m_stopped = true;
    m_input.clear();
    m_inputStart = 0;
    HttpRequest r = std::move(m_current);
    m_current = HttpRequest{};
    if (r.method.isEmpty())
        r.method = "UNKNOWN";
    if (!r.received.isValid())
        r.received.start();
    r.peer = m_peer;
    r.keepAlive = false;
    r.rejection = Error{code, message, {}, 0};
    m_queuedBodyBytes += r.body.size();
    m_queue.push_back(std::move(r));
    m_inMessage = false;
}

} // namespace Proctor::Collector::Http
