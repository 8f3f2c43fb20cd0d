// SPDX-License-Identifier: MIT
// The explainable risk assessment of one session (Analysis::assessRisk): its events and overtime, plus the
// cross-session factors (similar mouse trajectories of other candidates, the same typing rhythm as another
// candidate). Runs on a connection the caller holds, so a later stored assessment can reuse it as is.
#pragma once

#include <pqxx/pqxx>

#include <QUuid>

#include "analysis/riskscore.h"
#include "core/error.h"

namespace Proctor::Collector::Services {

class SessionRiskAssessor
{
public:
    // NotFound naming `id` for an unknown session.
    static Expected<Analysis::RiskAssessment> assess(pqxx::connection &c, const QUuid &sessionId,
                                                     const Analysis::RiskConfig &config = {});
};

} // namespace Proctor::Collector::Services
