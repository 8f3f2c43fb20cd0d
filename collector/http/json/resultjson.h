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

// {"sessionId","passed","disclosure","finishedAt","attemptsUsed","attemptsLeft","nextAttemptAt",
//  "grade" (passed only), "score" (score/review), "wrongQuestions" (review, once passed or out of attempts),
//  "certificate": null | {"number","issuedAt","verifyUrl"}}; never "correct" or "total".
QJsonObject toJson(const Services::ResultOutcome &outcome);

} // namespace Proctor::Collector::Http::Json
