// SPDX-License-Identifier: MIT
// Per-connection limits the server enforces itself (body size, header size, slow clients).
#pragma once

#include <QtGlobal>

namespace Proctor::Collector::Http {

struct HttpLimits
{
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int idleTimeoutMs = 30000;    // keep-alive connection with nothing in flight
    int requestTimeoutMs = 15000; // from the first byte of a request to its last
    int maxPipelined = 32;        // parsed requests waiting behind the one being answered
    int maxConnections = 4096;
};

} // namespace Proctor::Collector::Http
