// SPDX-License-Identifier: MIT
// A response body produced piece by piece (sent with chunked transfer encoding): for answers too large to
// hold in memory, such as the whole filtered results list as CSV. The connection asks for the next piece
// only while the peer keeps reading (its output is under the pending-output bound), so a slow or stalled
// client holds one piece in memory, never the whole answer, and is dropped by the write-stall timeout.
#pragma once

#include <functional>

#include <QByteArray>

#include "core/error.h"

namespace Proctor::Collector::Http {

class BodyStream
{
public:
    // A piece of the body; an empty piece ends the body; an error aborts it (the connection is closed, so
    // the client sees a truncated chunked body, never a complete-looking partial one).
    using Sink = std::function<void(Expected<QByteArray> piece)>;

    virtual ~BodyStream() = default;
    // Called on the connection's thread, one request at a time; `sink` may be called from any thread,
    // exactly once.
    virtual void next(Sink sink) = 0;
};

} // namespace Proctor::Collector::Http
