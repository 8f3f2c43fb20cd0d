// SPDX-License-Identifier: MIT
// The parts of a WebSocket upgrade request the live hub acts on, read from the raw request head the HTTP
// server hands over. Untrusted bytes: fuzzed by tests/fuzz/fuzz_headers.cpp.
#pragma once

#include <QByteArray>
#include <QList>

namespace Proctor::Collector::Live {

struct UpgradeRequest
{
    // The application protocol the server speaks and echoes when offered (Sec-WebSocket-Protocol).
    static constexpr const char *kProtocol = "proctor.v1";
    // A subprotocol "bearer.<token>" carries the admin token for clients that cannot set headers (browsers).
    static constexpr const char *kBearerPrefix = "bearer.";

    QByteArray method;
    QByteArray path; // without the query
    // Authorization: Bearer, else a bearer.<token> subprotocol. Never the query string: a token in the URL
    // ends up in proxy and server access logs.
    QByteArray token;
    bool tokenFromProtocol = false;
    QList<QByteArray> protocols; // Sec-WebSocket-Protocol, in the client's order

    bool offersProtocol() const { return protocols.contains(kProtocol); }

    static UpgradeRequest parse(const QByteArray &head);
};

} // namespace Proctor::Collector::Live
