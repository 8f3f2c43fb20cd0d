// SPDX-License-Identifier: MIT
// POST /api/v1/analysis/mouse, /analysis/mouse/similar and /analysis/keyboard: their bodies and answers
// (docs/api.md). Parsing checks types and ids (400 bad_parameter naming the JSON pointer); the limits of
// `band` and `k` are AnalysisService's.
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "services/analysistypes.h"

namespace Proctor::Collector::Http::Json {

Expected<Services::MouseComparisonRequest> parseMouseComparison(const QJsonObject &body);
Expected<Services::SimilarSessionsRequest> parseSimilarSessions(const QJsonObject &body);
Expected<Services::KeyboardComparisonRequest> parseKeyboardComparison(const QJsonObject &body);

QJsonObject toJson(const Services::MouseComparison &comparison);
QJsonObject toJson(const Services::SimilarSessions &similar);
QJsonObject toJson(const Services::KeyboardComparison &comparison);

} // namespace Proctor::Collector::Http::Json
