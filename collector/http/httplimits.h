// SPDX-License-Identifier: MIT
// Per-connection limits the server enforces itself (body size, header size, slow clients, backpressure).
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
    // Backpressure. Above this many unsent answer bytes a connection reads, parses and dispatches nothing
    // more until the peer has taken some: a client that pipelines requests and never reads the answers
    // otherwise makes the server buffer every answer (gigabytes for a few thousand requests of a font).
    qint64 maxPendingOutputBytes = 1024 * 1024;
    // Request bytes read off the socket but not yet parsed (the parser holds them while its queue is full);
    // the rest stays in the kernel, whose full window slows the client down.
    int maxUnparsedInputBytes = 64 * 1024;
    // A connection with answer bytes pending that the peer has not taken for this long is reset: a peer
    // that stopped reading would otherwise hold its buffers for ever.
    int writeStallTimeoutMs = 30000;
};

} // namespace Proctor::Collector::Http
