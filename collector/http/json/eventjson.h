// SPDX-License-Identifier: MIT
// The wire shape of ingest (POST /api/v1/events): the batch turned into the rows the event writer stores,
// and the answer once they are committed.
#pragma once

#include <QJsonObject>

#include "auth/sessiontoken.h"
#include "core/error.h"
#include "services/ingestservice.h"

namespace Proctor::Collector::Http::Json {

// `body` has passed the event-batch schema; `claims` are the session token's (session id, partition key).
// ValidationFailed naming /events/<i>/<field> for what the schema cannot express.
Expected<Services::EventBatch> parseEventBatch(const QJsonObject &body, const Auth::SessionClaims &claims);

// {"accepted","duplicates"}: the rows this request stored, and those a retry had already stored.
QJsonObject toJson(const Storage::WriteOutcome &written);

} // namespace Proctor::Collector::Http::Json
