// SPDX-License-Identifier: MIT
// The behaviour analysis use cases (proctor role): mouse DTW between two sessions, similar-session
// search, keystroke comparison, the explainable risk assessment of a session, fingerprint device groups.
// The numbers are shared/analysis's, computed on the stored telemetry; this class only reads, applies the
// request's limits and gathers the results with the sessions they belong to. Read-only.
#pragma once

#include <QFuture>
#include <QString>
#include <QUuid>

#include "analysis/riskscore.h"
#include "core/error.h"
#include "services/analysistypes.h"
#include "services/assessmentservice.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

class AnalysisService
{
public:
    explicit AnalysisService(Storage::DbPool &db) : AnalysisService(db, db) {}
    // `reads` serves the pure reads (comparisons, similar sessions, device groups) and may be a replica;
    // sessionRisk stores a first assessment, so it stays on `db`.
    AnalysisService(Storage::DbPool &db, Storage::DbPool &reads);

    // How a similarity is defined, for the answers that report one.
    static QString similarityDefinition();

    // BadParameter naming /band outside 0..1; NotFound (/sessionA) when either session is unknown.
    QFuture<Expected<MouseComparison>> compareMouse(const MouseComparisonRequest &request);
    // BadParameter naming /k outside 1..100; NotFound (/sessionId).
    QFuture<Expected<SimilarSessions>> similarSessions(const SimilarSessionsRequest &request);
    // NotFound (/sessionA) when either session is unknown.
    QFuture<Expected<KeyboardComparison>> compareKeyboard(const KeyboardComparisonRequest &request);
    // The stored assessment (assessed and stored first when the session never was). NotFound (id).
    QFuture<Expected<StoredAssessment>> sessionRisk(const QUuid &sessionId);
    // Every device (privacy-safe fingerprint hash) with its sessions and candidates; `onlyShared` keeps the
    // devices several candidates used. Candidates on several devices are listed either way.
    QFuture<Expected<DeviceGroups>> deviceGroups(bool onlyShared);

private:
    Storage::DbPool &m_db;
    Storage::DbPool &m_reads;
};

} // namespace Proctor::Collector::Services
