// SPDX-License-Identifier: MIT
// Loading, refitting and storing the per-test chance models from random different-candidate pairs.
#include "services/populationchancemodels.h"

#include <algorithm>
#include <map>
#include <random>

#include "analysis/dtw.h"
#include "analysis/keystrokes.h"
#include "analysis/trajectory.h"
#include "storage/chancemodelrepository.h"

namespace Proctor::Collector::Services {

namespace Repo = Storage::ChanceModelRepository;
using Self = PopulationChanceModels;

namespace {

// Random different-candidate index pairs among `candidates`, at most `limit`, without repeats.
std::vector<std::pair<std::size_t, std::size_t>> pairsOf(const std::vector<qint64> &candidates,
                                                         std::size_t limit, std::mt19937 &rng)
{
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (std::size_t j = i + 1; j < candidates.size(); ++j)
            if (candidates[i] != candidates[j])
                out.emplace_back(i, j);
    std::shuffle(out.begin(), out.end(), rng);
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

// A stored model is reused until the population has grown: counting runs at most once per recheck
// interval, fitting only after growth, so an assessment costs one primary-key read.
template <typename Count, typename Fit>
Analysis::ChanceModel loadOrRefit(pqxx::connection &c, const std::string &factor, const QString &testId,
                                  const Analysis::ChanceModel &prior, Count count, Fit fit)
{
    const auto stored = Repo::load(c, factor, testId);
    const auto use = [&](const Analysis::ChanceModelParams &p) {
        return p.source == "fitted" ? Analysis::ChanceModel(p) : prior;
    };
    if (stored) {
        const bool onPrior = stored->params.source != "fitted";
        if (stored->secondsSinceCheck < (onPrior ? Self::kRecheckPriorSeconds : Self::kRecheckSeconds))
            return use(stored->params);
    }
    const qint64 population = count(c, testId);
    if (stored && population < qint64(double(stored->population) * 1.1) + 5) {
        Repo::touch(c, factor, testId);
        return use(stored->params);
    }
    const Analysis::ChanceModel model = fit(c);
    Repo::save(c, factor, testId, model.params(), population);
    return model;
}

} // namespace

Analysis::ChanceModel PopulationChanceModels::sameTypist(pqxx::connection &c, const QString &testId)
{
    const Analysis::ChanceModel prior = Analysis::ChanceModel::priorSameTypist();
    return loadOrRefit(c, "risk.same_typist", testId, prior, Repo::keystrokePopulation,
                       [&](pqxx::connection &conn) {
                           std::vector<Analysis::KeystrokeProfile> profiles;
                           std::vector<qint64> candidates;
                           for (const auto &s : Repo::sampleKeystrokes(conn, testId, kSampleSessions)) {
                               auto profile = Analysis::KeystrokeProfile::fromSamples(s.samples);
                               if (!Analysis::enoughKeystrokeData(profile))
                                   continue;
                               profiles.push_back(std::move(profile));
                               candidates.push_back(s.candidateId);
                           }
                           std::mt19937 rng(std::random_device{}());
                           std::vector<double> null;
                           for (const auto &[i, j] : pairsOf(candidates, kSamplePairs, rng)) {
                               const auto score = Analysis::sameTypist(profiles[i], profiles[j]);
                               if (score.comparable)
                                   null.push_back(score.distance);
                           }
                           return Analysis::ChanceModel::fit(std::move(null), prior);
                       });
}

Analysis::ChanceModel PopulationChanceModels::mouseSimilarity(pqxx::connection &c, const QString &testId)
{
    const Analysis::ChanceModel prior = Analysis::ChanceModel::priorMouse();
    return loadOrRefit(c, "risk.mouse_similarity", testId, prior, Repo::mousePopulation,
                       [&](pqxx::connection &conn) {
                           // Only trajectories of the same question are ever compared.
                           std::map<std::string, std::vector<std::size_t>> byQuestion;
                           std::vector<Dtw::Series> series;
                           std::vector<qint64> candidates;
                           for (const auto &t : Repo::sampleTrajectories(conn, testId, kSampleSessions)) {
                               auto prepared = Analysis::prepareTrajectory(t.trajectory).series;
                               if (prepared.size() < kMinMousePoints)
                                   continue;
                               byQuestion[t.trajectory.questionId].push_back(series.size());
                               series.push_back(std::move(prepared));
                               candidates.push_back(t.candidateId);
                           }
                           std::mt19937 rng(std::random_device{}());
                           std::vector<std::pair<std::size_t, std::size_t>> pairs;
                           for (const auto &[key, members] : byQuestion) {
                               std::vector<qint64> who;
                               for (const std::size_t m : members)
                                   who.push_back(candidates[m]);
                               for (const auto &[i, j] : pairsOf(who, kSamplePairs, rng))
                                   pairs.emplace_back(members[i], members[j]);
                           }
                           std::shuffle(pairs.begin(), pairs.end(), rng);
                           if (pairs.size() > kSamplePairs)
                               pairs.resize(kSamplePairs);
                           // The similar-session search's DTW (SimilarSearchOptions defaults: 10 % band,
                           // float kernel).
                           Dtw::Options options;
                           options.band = Dtw::Band::fraction(0.1);
                           std::vector<double> null;
                           null.reserve(pairs.size());
                           for (const auto &[i, j] : pairs)
                               null.push_back(Dtw::distance(series[i], series[j], options) /
                                              double(std::max(series[i].size(), series[j].size())));
                           return Analysis::ChanceModel::fit(std::move(null), prior);
                       });
}

} // namespace Proctor::Collector::Services
