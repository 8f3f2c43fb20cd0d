// SPDX-License-Identifier: MIT
// What the abuse tests share: raw HTTP/1.1 over a QTcpSocket (no client library that would repair or refuse
// malformed requests), a fingerprint of every table to prove bad input changed nothing, and the liveness
// probe each row ends with.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>

#include "hotpathfixture.h"

namespace Proctor::Testing::Security {

// One response read off a raw connection.
struct RawResponse
{
    int status = 0;  // 0: no complete response arrived
    QByteArray head; // status line and header lines, without the blank line
    QByteArray body;
    bool closed = false; // the server closed (or reset) the connection after this response
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    QString errorCode() const;
};

// A raw client connection. Reads responses framed by Content-Length (all this server sends).
class RawConnection
{
public:
    bool connect(quint16 port, const QHostAddress &from = {});
    void send(const QByteArray &bytes);
    // The next response; `timeoutMs` bounds the wait for all of it. `isHead`: no body follows the head.
    RawResponse read(int timeoutMs = 10000, bool isHead = false);
    // Whether the server closes the connection within `timeoutMs`; whatever arrives meanwhile is kept.
    bool waitClosed(int timeoutMs);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    bool fill(int timeoutMs);
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// Sends `request` on a fresh connection and reads one response.
RawResponse rawExchange(quint16 port, const QByteArray &request, int timeoutMs = 10000);

// A GET with the headers a well-behaved client sends, ready for rawExchange.
QByteArray rawGet(const QByteArray &target, const QByteArray &extraHeaders = {});
QByteArray rawPost(const QByteArray &target, const QByteArray &body, const QByteArray &extraHeaders = {});

// Row counts of every table and a digest of every candidate, session and event row: equal before and after
// a refused request means the request changed nothing.
QString databaseFingerprint(const TestDatabase &db);

// GET /healthz answers 200 on a fresh connection.
bool collectorServes(HotPathFixture &f);

} // namespace Proctor::Testing::Security
