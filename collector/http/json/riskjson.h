// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/{id}/risk: the explainable risk assessment with its factors and evidence
// (docs/api.md).
#pragma once

#include <QJsonObject>

#include "analysis/riskscore.h"
#include "services/assessmentservice.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Analysis::RiskAssessment &risk);
// The stored assessment (what GET /api/v1/sessions/{id}/risk answers): each factor's `detail` members
// (count, eventIds, relatedSessionIds, questionIds, and whatever a factor adds) sit beside reason, points,
// observed and threshold.
QJsonObject toJson(const Services::StoredAssessment &risk);

// GET/PUT /api/v1/settings/risk.
QJsonObject toJson(const Services::RiskRules &rules);
QJsonObject toJson(const Services::RiskSettingsChange &change);

} // namespace Proctor::Collector::Http::Json
