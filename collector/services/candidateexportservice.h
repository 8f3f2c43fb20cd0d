// SPDX-License-Identifier: MIT
// A candidate's data export (subject-access request): one JSON document with everything stored about them,
// read in one snapshot; the export itself is audited (who took whose data, how much).
#pragma once

#include <QFuture>

#include "core/error.h"
#include "services/actor.h"
#include "storage/candidateexport.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

class CandidateExportService
{
public:
    explicit CandidateExportService(Storage::DbPool &db, qint64 maxEvents = 500000)
        : m_db(db), m_maxEvents(maxEvents)
    {
    }

    // NotFound (field "id"); PayloadTooLarge beyond the bound. Writes "candidate.export" to the audit log.
    QFuture<Expected<Storage::CandidateExport::Document>> exportCandidate(const Actor &actor,
                                                                          qint64 candidateId);

private:
    Storage::DbPool &m_db;
    qint64 m_maxEvents;
};

} // namespace Proctor::Collector::Services
