// SPDX-License-Identifier: MIT
// Ingest, the hot path: a batch of one session's events goes to the group-commit event writer, and once
// its rows are committed the session is noted for the coalesced events_appended announcement. Unlike the
// other services this one completes through a callback on the writer's thread, not a QFuture on the
// DbPool: the batch is moved straight into the writer's queue with no thread hop and no copy, which is what
// `make bench` measures. It runs no SQL of its own and writes no audit row.
#pragma once

#include <functional>
#include <vector>

#include <QStringList>
#include <QUuid>

#include "core/error.h"
#include "storage/eventwriter.h"

namespace Proctor::Collector::Live {
class ChangePublisher;
}

namespace Proctor::Collector::Services {

using WriteOutcome = Storage::WriteOutcome;

struct EventBatch
{
    QUuid sessionId;
    std::vector<Storage::EventRow> rows;
    QStringList types; // the distinct event types of the batch, in order of first appearance
};

class IngestService
{
public:
    // Called once, on a writer thread, after the batch's rows are committed (or with the error).
    using Completion = std::function<void(Expected<WriteOutcome>)>;

    IngestService(Storage::EventWriter &writer, Live::ChangePublisher &publisher)
        : m_writer(writer), m_publisher(publisher)
    {
    }

    void append(EventBatch batch, Completion done);

private:
    Storage::EventWriter &m_writer;
    Live::ChangePublisher &m_publisher;
};

} // namespace Proctor::Collector::Services
