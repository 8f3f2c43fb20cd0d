// SPDX-License-Identifier: MIT
// The wire shapes of review cases: the decision body (POST /api/v1/sessions/{id}/review), the case with
// its history (the answer to both GET and POST) and the per-factor precision (GET /api/v1/review/precision).
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "services/reviewcaseservice.h"

namespace Proctor::Collector::Http::Json {

// {"sessionId","state","session":{"status"},"certificate":{"number","revoked"}|null,
//  "history":[{"id","state","comment","reviewer":{"id"|null,"email"},"decidedAt","revokedCertificate"|null}]}
QJsonObject toJson(const Services::ReviewCase &reviewCase);
// {"days","factors":[{"reason","flagged","decided","confirmed","precision":0..1|null}]}
QJsonObject toJson(const Services::ReviewPrecision &precision);
// {"state": "unreviewed"|"cleared"|"violation"|"second_look", "comment"?: string,
//  "revokeCertificate"?: boolean}: 400 naming the field for an unknown field, a missing or unknown state, or
//  a
// wrong type (the service checks lengths and rules).
Expected<Services::ReviewDecisionInput> parseReviewDecision(const QJsonObject &body);

} // namespace Proctor::Collector::Http::Json
