// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/{id}/risk: the explainable risk assessment with its factors and evidence
// (docs/api.md).
#pragma once

#include <QJsonObject>

#include "analysis/riskscore.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Analysis::RiskAssessment &risk);

} // namespace Proctor::Collector::Http::Json
