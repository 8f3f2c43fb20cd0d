// SPDX-License-Identifier: MIT
// Candidates on the wire: the receipt of an erasure (DELETE /api/v1/candidates/{id}).
#pragma once

#include <QJsonObject>

#include "services/candidateerasureservice.h"

namespace Proctor::Collector::Http::Json {

// {"candidateId", "deleted": {"sessions", "events", "telemetry", "certificates"}, "auditId"}
QJsonObject toJson(const Services::CandidateErasure &erasure);

} // namespace Proctor::Collector::Http::Json
