// SPDX-License-Identifier: MIT
// Marshals a response back to the connection's thread.
#include "http/responder.h"

#include <QThread>

#include "http/httpconnection.h"

namespace Proctor::Collector::Http {

Responder::Responder(QPointer<HttpConnection> connection, QObject *context, quint64 sequence,
                     Finisher finisher)
    : m_state(std::make_shared<State>())
{
    m_state->connection = std::move(connection);
    m_state->context = context;
    m_state->sequence = sequence;
    m_state->finisher = std::move(finisher);
}

void Responder::send(HttpResponse response) const
{
    if (m_state->sent.exchange(true))
        return;
    if (m_state->finisher)
        m_state->finisher(response);
    auto state = m_state;
    if (QThread::currentThread() == state->context->thread()) {
        if (state->connection)
            state->connection->deliver(state->sequence, std::move(response));
        return;
    }
    QMetaObject::invokeMethod(
        state->context,
        [state, response = std::move(response)]() mutable {
            if (state->connection)
                state->connection->deliver(state->sequence, std::move(response));
        },
        Qt::QueuedConnection);
}

} // namespace Proctor::Collector::Http
