// SPDX-License-Identifier: MIT
// The wire shape of tests for the candidate page (GET /api/v1/tests and /api/v1/tests/{id}): never the key.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include "contract/testdefinition.h"
#include "services/testservice.h"

namespace Proctor::Collector::Http::Json {

// {"id","title","description","questionsPerAttempt","timeLimitSeconds","passThreshold","hasStudy","access"}
QJsonObject toJson(const Services::TestSummary &test);
QJsonArray toJson(const QList<Services::TestSummary> &tests);
// The same plus what only admins see: "attemptPolicy" ({"maxAttempts", "minSecondsBetweenAttempts",
// "disclosure"}) and "rosterEntries" (how many people the test's roster lists).
QJsonArray toAdminJson(const QList<Services::TestSummary> &tests);
// What a candidate may see of a definition (TestDefinition::publicJson: no `correct`, no `explanation`).
QJsonObject toPublicJson(const Contract::TestDefinition &test);

} // namespace Proctor::Collector::Http::Json
