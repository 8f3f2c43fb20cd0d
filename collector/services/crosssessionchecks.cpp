// SPDX-License-Identifier: MIT
// The cross-session checks of a risk assessment: hits, comparisons made, model or "not enough data".
#include "services/crosssessionchecks.h"

#include "analysis/keystrokes.h"
#include "analysis/trajectory.h"
#include "services/populationchancemodels.h"
#include "services/similarsessionsearch.h"
#include "storage/analysisrepository.h"

namespace Proctor::Collector::Services {

namespace Repo = Storage::AnalysisRepository;

namespace {

void mouse(pqxx::connection &c, const SessionBrief &brief, const QUuid &id, Analysis::RiskInput &input)
{
    Analysis::CrossSessionCheck &check = input.mouseCheck;
    check.evaluated = true;
    bool enough = false;
    for (const auto &q : Repo::mouse(c, id))
        enough =
            enough || Analysis::prepareTrajectory(q).series.size() >= PopulationChanceModels::kMinMousePoints;
    if (!enough) {
        check.notEnoughData = true;
        return;
    }
    const SimilarSessions found = SimilarSessionSearch::run(
        c, brief, id, {}, CrossSessionChecks::kMouseHitsPerQuestion, PopulationChanceModels::kMinMousePoints);
    // The same candidate repeating their own movements is no evidence of anything.
    for (const SimilarHit &hit : found.matches)
        if (hit.session.candidateId != brief.candidateId)
            input.mouseHits.push_back(
                {hit.session.sessionId.toStdString(), hit.questionId.toStdString(), hit.similarity});
    check.comparisons =
        std::size_t(found.stats.prunedByLowerBounds + found.stats.abandoned + found.stats.completedDtw);
    check.model = PopulationChanceModels::mouseSimilarity(c, brief.testId);
    check.hasModel = true;
}

void keystrokes(pqxx::connection &c, const SessionBrief &brief, const QUuid &id, Analysis::RiskInput &input)
{
    Analysis::CrossSessionCheck &check = input.keystrokeCheck;
    check.evaluated = true;
    const auto own = Analysis::KeystrokeProfile::fromSamples(Repo::keystrokes(c, id));
    if (!Analysis::enoughKeystrokeData(own)) {
        check.notEnoughData = true;
        return;
    }
    for (const auto &other : Repo::keystrokesOfOtherCandidates(c, brief.testId, brief.candidateId,
                                                               CrossSessionChecks::kKeystrokeComparisons)) {
        const auto profile = Analysis::KeystrokeProfile::fromSamples(other.keys);
        if (!Analysis::enoughKeystrokeData(profile))
            continue;
        const auto score = Analysis::sameTypist(own, profile);
        if (!score.comparable)
            continue;
        ++check.comparisons;
        input.keystrokeHits.push_back({other.session.sessionId.toStdString(), score.score, score.distance});
    }
    check.model = PopulationChanceModels::sameTypist(c, brief.testId);
    check.hasModel = true;
}

} // namespace

void CrossSessionChecks::fill(pqxx::connection &c, const SessionBrief &session, const QUuid &sessionId,
                              Analysis::RiskInput &input)
{
    mouse(c, session, sessionId, input);
    keystrokes(c, session, sessionId, input);
}

} // namespace Proctor::Collector::Services
