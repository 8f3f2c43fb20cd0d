// SPDX-License-Identifier: MIT
#include "services/sessionriskassessor.h"

#include "analysis/keystrokes.h"
#include "services/attemptriskinputs.h"
#include "services/similarsessionsearch.h"
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
    // The same candidate repeating their own movements is no evidence of anything.
    for (const SimilarHit &hit : SimilarSessionSearch::run(c, *brief, id, {}, kMouseHitsPerQuestion).matches)
        if (hit.session.candidateId != brief->candidateId)
            input.mouseHits.push_back(
                {hit.session.sessionId.toStdString(), hit.questionId.toStdString(), hit.similarity});
    const auto keys = Repo::keystrokes(c, id);
    if (!keys.empty()) {
        const auto own = Analysis::KeystrokeProfile::fromSamples(Analysis::extractKeystrokeFeatures(keys));
        for (const auto &other :
             Repo::keystrokesOfOtherCandidates(c, brief->testId, brief->candidateId, kKeystrokeComparisons)) {
            const auto score = Analysis::sameTypist(
                own, Analysis::KeystrokeProfile::fromSamples(Analysis::extractKeystrokeFeatures(other.keys)));
            if (score.comparable)
                input.keystrokeHits.push_back({other.session.sessionId.toStdString(), score.score});
        }
    }
    return Analysis::assessRisk(input, config);
}

} // namespace Proctor::Collector::Services
