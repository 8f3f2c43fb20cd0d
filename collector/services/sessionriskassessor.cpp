// SPDX-License-Identifier: MIT
#include "services/sessionriskassessor.h"

#include "services/attemptriskinputs.h"
#include "services/crosssessionchecks.h"
#include "storage/analysisrepository.h"

namespace Proctor::Collector::Services {

namespace Repo = Storage::AnalysisRepository;

Expected<Analysis::RiskAssessment> SessionRiskAssessor::assess(pqxx::connection &c, const QUuid &id,
                                                               const Analysis::RiskConfig &config)
{
    const auto brief = Repo::sessionBrief(c, id);
    if (!brief)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    Analysis::RiskInput input;
    input.events = Repo::riskEvents(c, id);
    input.overtimeSeconds = Repo::overtimeSeconds(c, id);
    AttemptRiskInputs::fill(c, id, config, input);
    CrossSessionChecks::fill(c, *brief, id, input);
    return Analysis::assessRisk(input, config);
}

} // namespace Proctor::Collector::Services
