// SPDX-License-Identifier: MIT
// Everything stored about one candidate as one JSON document (subject-access request): identity, sessions
// with answers and fingerprint, telemetry, events, certificates, and the rows of every other table keyed by
// session_id (assessments, review state), built by PostgreSQL in one snapshot.
#pragma once

#include <pqxx/pqxx>

#include <QByteArray>

#include "core/error.h"

namespace Proctor::Collector::Storage::CandidateExport {

struct Document
{
    QByteArray json;
    qint64 sessions = 0;
    qint64 events = 0;
};

// NotFound (field "id") for an unknown candidate; PayloadTooLarge when the candidate has more than
// `maxEvents` events (the answer is built in memory, so it is bounded).
Expected<Document> build(pqxx::transaction_base &tx, qint64 candidateId, qint64 maxEvents);

} // namespace Proctor::Collector::Storage::CandidateExport
