// SPDX-License-Identifier: MIT
// Erasing one candidate's personal data on request: the candidate, all their sessions, events, telemetry and
// certificates, in one transaction with its audit receipt; then every instance is told (CandidateDeleted).
#pragma once

#include <QFuture>

#include "core/error.h"
#include "services/actor.h"
#include "storage/admincandidates.h"

namespace Proctor::Collector {
namespace Live {
class Announcer;
}
namespace Storage {
class DbPool;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Services {

// The receipt of an erasure.
struct CandidateErasure
{
    qint64 candidateId = 0;
    Storage::CandidateDeletion deleted;
    qint64 auditId = 0; // the audit row that records it
};

class CandidateErasureService
{
public:
    CandidateErasureService(Storage::DbPool &db, Live::Announcer &announcer)
        : m_db(db), m_announcer(announcer)
    {
    }

    // NotFound (field "id") when there is no such candidate.
    QFuture<Expected<CandidateErasure>> erase(const Actor &actor, qint64 candidateId);

private:
    Storage::DbPool &m_db;
    Live::Announcer &m_announcer;
};

} // namespace Proctor::Collector::Services
