// SPDX-License-Identifier: MIT
// The parts of a WebSocket upgrade request the live hub acts on, read from the raw request head the HTTP
// server hands over. Untrusted bytes: fuzzed by tests/fuzz/fuzz_headers.cpp.
#pragma once

#include <QByteArray>

namespace Proctor::Collector::Live {

struct UpgradeRequest
{
    QByteArray method;
    QByteArray path;  // without the query
    QByteArray token; // Authorization: Bearer, else the ?token= query parameter (browsers cannot set headers)

    static UpgradeRequest parse(const QByteArray &head);
};

} // namespace Proctor::Collector::Live
