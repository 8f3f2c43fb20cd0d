// SPDX-License-Identifier: MIT
// Top-k similar mouse trajectories of one session among the same test's other sessions, question by
// question (Analysis::SimilarSearch over the stored telemetry). Runs on a connection the caller holds:
// the similar-sessions read and the risk assessment both need it inside their database work.
#pragma once

#include <cstddef>

#include <pqxx/pqxx>

#include <QString>
#include <QUuid>

#include "services/analysistypes.h"

namespace Proctor::Collector::Services {

class SimilarSessionSearch
{
public:
    // The newest this many other trajectories of a question are compared: bounds the work per question.
    static constexpr int kCandidatesPerQuestion = 10000;

    // Hits in question order, each question's best first (not sorted across questions); `onlyQuestion`
    // empty searches every question of the session. Trajectories (the query's and the others') with fewer
    // prepared points than `minPoints` are not compared (the risk assessment skips near-empty ones).
    static SimilarSessions run(pqxx::connection &c, const SessionBrief &session, const QUuid &sessionId,
                               const QString &onlyQuestion, std::size_t k, std::size_t minPoints = 2);
};

} // namespace Proctor::Collector::Services
