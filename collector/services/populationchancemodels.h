// SPDX-License-Identifier: MIT
// The deployment's chance model per cross-session factor: loaded from chance_models, refitted from a bounded
// random sample of different-candidate pairs when the population has grown (never all pairs).
#pragma once

#include <pqxx/pqxx>

#include <QString>

#include "analysis/chancemodel.h"

namespace Proctor::Collector::Services {

class PopulationChanceModels
{
public:
    // Sessions drawn for a refit, and the different-candidate pairs formed from them at most.
    static constexpr int kSampleSessions = 400;
    static constexpr std::size_t kSamplePairs = 3000;
    // The population is counted again after this long (a minute while only the prior applies), and the
    // model refitted once it has grown by 10 % (and at least 5 sessions) since the last fit.
    static constexpr double kRecheckSeconds = 600.0;
    static constexpr double kRecheckPriorSeconds = 60.0;
    // Trajectories shorter than this (prepared points) are not compared: too little movement to tell.
    static constexpr std::size_t kMinMousePoints = 20;

    // The model of the test's population (sessions are only compared within their test).
    static Analysis::ChanceModel sameTypist(pqxx::connection &c, const QString &testId);
    static Analysis::ChanceModel mouseSimilarity(pqxx::connection &c, const QString &testId);
};

} // namespace Proctor::Collector::Services
