// SPDX-License-Identifier: MIT
#include "securitysupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace Proctor::Testing::Security {

QByteArray RawResponse::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0 && lines[i].left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return lines[i].mid(colon + 1).trimmed();
    }
    return {};
}

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawResponse::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

bool RawConnection::connect(quint16 port, const QHostAddress &from)
{
    if (!from.isNull() && !m_socket.bind(from))
        return false;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(5000);
}

void RawConnection::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.waitForBytesWritten(5000);
}

bool RawConnection::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0 || m_socket.waitForReadyRead(qMax(1, timeoutMs))) {
        m_buffer += m_socket.readAll();
        return true;
    }
    m_buffer += m_socket.readAll();
    return false;
}

RawResponse RawConnection::read(int timeoutMs, bool isHead)
{
    RawResponse r;
    QElapsedTimer clock;
    clock.start();
    auto remaining = [&] { return int(timeoutMs - clock.elapsed()); };
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (remaining() <= 0 || (!fill(remaining()) && m_socket.state() != QAbstractSocket::ConnectedState))
            break;
    }
    if (end < 0) {
        r.closed = m_socket.state() != QAbstractSocket::ConnectedState;
        r.elapsedMs = clock.elapsed();
        return r;
    }
    r.head = m_buffer.left(end);
    const qint64 length = isHead ? 0 : r.header("Content-Length").toLongLong();
    while (m_buffer.size() < end + 4 + length) {
        if (remaining() <= 0 || (!fill(remaining()) && m_socket.state() != QAbstractSocket::ConnectedState))
            break;
    }
    if (m_buffer.size() < end + 4 + length) {
        r.closed = true;
        r.elapsedMs = clock.elapsed();
        return r; // truncated: no complete response
    }
    r.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    r.status = r.head.split(' ').value(1).toInt();
    r.closed = r.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
    r.elapsedMs = clock.elapsed();
    return r;
}

bool RawConnection::waitClosed(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < timeoutMs) {
        if (m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - clock.elapsed()))))
            m_buffer += m_socket.readAll();
        else if (m_socket.error() == QAbstractSocket::RemoteHostClosedError ||
                 m_socket.error() == QAbstractSocket::NetworkError)
            break;
    }
    m_buffer += m_socket.readAll();
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

RawResponse rawExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    RawConnection c;
    if (!c.connect(port))
        return {};
    c.send(request);
    return c.read(timeoutMs, request.startsWith("HEAD "));
}

QByteArray rawGet(const QByteArray &target, const QByteArray &extraHeaders)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray rawPost(const QByteArray &target, const QByteArray &body, const QByteArray &extraHeaders)
{
    return "POST " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QString databaseFingerprint(const TestDatabase &db)
{
    // Usage counters of API keys and token last-use times move on their own, and so does a session's stored
    // risk assessment (the maintainer re-assesses earlier requests' sessions in the background, seconds
    // later); everything else must not.
    return db.scalar(QStringLiteral(
        "SELECT concat_ws(' ',"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM tests x),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM candidates x),"
        " (SELECT md5(coalesce(string_agg((to_jsonb(x) - ARRAY['risk_score', 'risk_level', "
        "'violation_count', "
        "'violations', 'away_ms', 'event_count', 'last_event_at', 'assessed_at', 'assessment_rules'])::text, "
        "'|' ORDER BY x.id), '')) FROM sessions x),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.session_id, x.event_id), '')) FROM events "
        "x),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.session_id), '')) FROM session_telemetry "
        "x),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.number), '')) FROM certificates x),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.period), '')) FROM document_counters x),"
        " (SELECT count(*) || ':' || count(revoked_at) FROM api_keys),"
        " (SELECT md5(coalesce(string_agg((x.id, x.email, x.role, x.display_name, x.disabled_at)::text, '|' "
        "ORDER BY x.id), ''))"
        "    FROM admins x),"
        " (SELECT count(*) || ':' || count(revoked_at) FROM admin_tokens),"
        " (SELECT count(*) FROM audit_log),"
        " (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.key), '')) FROM settings x))"));
}

bool collectorServes(HotPathFixture &f)
{
    if (!f.collector().isRunning())
        return false;
    const RawResponse r =
        rawExchange(f.collector().port(), rawGet("/healthz", "Connection: close\r\n"), 10000);
    return r.status == 200;
}

} // namespace Proctor::Testing::Security
