// SPDX-License-Identifier: MIT
// The stored chance models (table chance_models) and the random samples of sessions they are fitted on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <QString>

#include "analysis/chancemodel.h"
#include "analysis/keystrokes.h"
#include "analysis/trajectory.h"

namespace Proctor::Collector::Storage::ChanceModelRepository {

struct StoredChanceModel
{
    Analysis::ChanceModelParams params;
    qint64 population = 0;          // sessions with data when it was fitted
    double secondsSinceCheck = 0.0; // since the population was last counted
};

std::optional<StoredChanceModel> load(pqxx::connection &c, const std::string &factor, const QString &testId);
void save(pqxx::connection &c, const std::string &factor, const QString &testId,
          const Analysis::ChanceModelParams &params, qint64 population);
// The population was counted and has not grown enough to refit.
void touch(pqxx::connection &c, const std::string &factor, const QString &testId);

// The test's sessions with keystroke timings / with mouse telemetry.
qint64 keystrokePopulation(pqxx::connection &c, const QString &testId);
qint64 mousePopulation(pqxx::connection &c, const QString &testId);

struct SampledKeystrokes
{
    qint64 candidateId = 0;
    Analysis::KeystrokeSamples samples;
};
// Up to `limit` of the test's sessions with keystrokes, drawn at random.
std::vector<SampledKeystrokes> sampleKeystrokes(pqxx::connection &c, const QString &testId, int limit);

struct SampledTrajectory
{
    qint64 candidateId = 0;
    Analysis::QuestionTrajectory trajectory;
};
// Every question's trajectory of up to `limit` of the test's sessions with mouse telemetry, drawn at random.
std::vector<SampledTrajectory> sampleTrajectories(pqxx::connection &c, const QString &testId, int limit);

} // namespace Proctor::Collector::Storage::ChanceModelRepository
