// SPDX-License-Identifier: MIT
// The wire shape of a result: the submission body (POST /api/v1/sessions/{id}/result) and the answer, the
// same bytes for the first submission (201) and every replay (200).
#pragma once

#include <QJsonObject>
#include <QUuid>

#include "core/error.h"
#include "services/resultservice.h"

namespace Proctor::Collector::Http::Json {

// `body` has passed the result-submission schema.
Expected<Services::ResultSubmission> parseResultSubmission(const QUuid &sessionId, const QJsonObject &body);

// {"sessionId","score","correct","total","passed","grade":{"number","key"},"finishedAt",
//  "certificate": null | {"number","issuedAt","verifyUrl"}}
QJsonObject toJson(const Services::ResultOutcome &outcome);

} // namespace Proctor::Collector::Http::Json
