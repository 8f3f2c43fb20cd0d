// SPDX-License-Identifier: MIT
#include "services/ingestservice.h"

#include "live/changepublisher.h"

namespace Proctor::Collector::Services {

void IngestService::append(EventBatch batch, Completion done)
{
    m_writer.submit(std::move(batch.rows), [this, session = batch.sessionId, types = std::move(batch.types),
                                            done = std::move(done)](Expected<Storage::WriteOutcome> written) {
        const int accepted = written ? written->accepted : 0;
        // The acknowledgement first: the announcement is coalesced and can wait.
        done(std::move(written));
        if (accepted > 0)
            m_publisher.noteEventsAppended(session, accepted, types);
    });
}

} // namespace Proctor::Collector::Services
