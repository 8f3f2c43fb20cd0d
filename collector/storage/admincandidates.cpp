// SPDX-License-Identifier: MIT
// Candidate erasure.
#include "storage/admincandidates.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::AdminCandidates {

Expected<CandidateDeletion> erase(pqxx::work &tx, qint64 candidateId)
{
    // The row lock keeps a concurrent session start for this candidate (its upsert) waiting until we are
    // done.
    if (tx.exec_params("SELECT 1 FROM candidates WHERE id = $1 FOR UPDATE", candidateId).empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such candidate"), QStringLiteral("id"));
    CandidateDeletion d;
    std::string ids = "{";
    for (const auto &row : tx.exec_params(
             "SELECT id::text FROM sessions WHERE candidate_id = $1 ORDER BY started_at", candidateId)) {
        d.sessionIds.append(toQString(row[0].as<std::string>()));
        ids += (ids.size() > 1 ? "," : "") + row[0].as<std::string>();
    }
    ids += '}';
    // events has no foreign key (it is partitioned and written by the group-commit writer), so it is
    // cleared explicitly; the rest would cascade, but counting each gives the receipt its numbers.
    d.events = tx.exec_params("DELETE FROM events WHERE session_id = ANY($1::uuid[])", ids).affected_rows();
    d.telemetry = tx.exec_params("DELETE FROM session_telemetry WHERE session_id = ANY($1::uuid[])", ids)
                      .affected_rows();
    d.certificates =
        tx.exec_params("DELETE FROM certificates WHERE candidate_id = $1", candidateId).affected_rows();
    d.sessions = tx.exec_params("DELETE FROM sessions WHERE candidate_id = $1", candidateId).affected_rows();
    tx.exec_params("DELETE FROM candidates WHERE id = $1", candidateId);
    return d;
}

} // namespace Proctor::Collector::Storage::AdminCandidates
