// SPDX-License-Identifier: MIT
// The handle a route handler answers through, now or later, from any thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QObject>
#include <QPointer>

#include "http/httpresponse.h"

namespace Proctor::Collector::Http {

class HttpConnection;

class Responder
{
public:
    // Runs once at send time, on the sending thread: adds headers, records metrics, writes the access log.
    using Finisher = std::function<void(HttpResponse &)>;

    Responder(QPointer<HttpConnection> connection, QObject *connectionThreadContext, quint64 sequence,
              Finisher finisher);

    // Sends the response; safe from any thread. Only the first call counts. If the client has gone away
    // meanwhile the response is dropped (the work it reports is still done).
    void send(HttpResponse response) const;
    bool isSent() const { return m_state->sent.load(); }

private:
    struct State
    {
        QPointer<HttpConnection> connection; // dereferenced only on the connection's thread
        QObject *context = nullptr;          // outlives every connection of its thread
        quint64 sequence = 0;
        Finisher finisher;
        std::atomic_bool sent{false};
    };
    std::shared_ptr<State> m_state;
};

} // namespace Proctor::Collector::Http
