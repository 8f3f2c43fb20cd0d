// SPDX-License-Identifier: MIT
#include "storage/candidateexport.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::CandidateExport {

Expected<Document> build(pqxx::transaction_base &tx, qint64 candidateId, qint64 maxEvents)
{
    Document d;
    const auto counts = tx.exec_params(
        "SELECT (SELECT count(*) FROM sessions WHERE candidate_id = $1),"
        " (SELECT count(*) FROM events WHERE session_id IN (SELECT id FROM sessions WHERE candidate_id = $1))"
        " FROM candidates WHERE id = $1",
        candidateId);
    if (counts.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such candidate"), QStringLiteral("id"));
    d.sessions = counts[0][0].as<qint64>();
    d.events = counts[0][1].as<qint64>();
    if (d.events > maxEvents)
        return makeError(ErrorCode::PayloadTooLarge,
                         QStringLiteral("the candidate has %1 events, more than one export holds (%2)")
                             .arg(d.events)
                             .arg(maxEvents),
                         QStringLiteral("id"));
    // Every other table with a session_id column (stored assessments, review state, tables later migrations
    // add) joins the export without this code knowing it.
    std::string related = "jsonb_build_object()";
    for (const auto &row :
         tx.exec("SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
                 "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                 "WHERE c.table_schema = 'public' AND c.column_name = 'session_id' AND t.table_type = 'BASE "
                 "TABLE' "
                 "AND c.table_name NOT IN ('events', 'session_telemetry', 'certificates') "
                 "AND NOT c.table_name LIKE 'events\\_%' ORDER BY c.table_name")) {
        const std::string table = row[0].as<std::string>();
        // Appended piece by piece: `"literal" + std::string&&` trips GCC 12's -Wrestrict false positive.
        related += " || jsonb_build_object(";
        related += tx.quote(table);
        related += ", coalesce((SELECT jsonb_agg(to_jsonb(x)) FROM ";
        related += tx.quote_name(table);
        related += " x WHERE x.session_id IN (SELECT id FROM sessions WHERE candidate_id = $1)), '[]'))";
    }
    const auto doc = tx.exec_params1(
        "SELECT jsonb_build_object("
        " 'format', 'proctor-candidate-export/1', 'exportedAt', now(),"
        " 'candidate', (SELECT to_jsonb(c) FROM candidates c WHERE c.id = $1),"
        " 'sessions', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.started_at) FROM sessions s"
        "   WHERE s.candidate_id = $1), '[]'),"
        " 'telemetry', coalesce((SELECT jsonb_agg(to_jsonb(t)) FROM session_telemetry t"
        "   WHERE t.session_id IN (SELECT id FROM sessions WHERE candidate_id = $1)), '[]'),"
        " 'events', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e.session_id, e.seq) FROM events e"
        "   WHERE e.session_id IN (SELECT id FROM sessions WHERE candidate_id = $1)), '[]'),"
        " 'certificates', coalesce((SELECT jsonb_agg(to_jsonb(k) ORDER BY k.issued_at) FROM certificates k"
        "   WHERE k.candidate_id = $1), '[]'),"
        " 'related', " +
            related + ")::text",
        candidateId);
    d.json = QByteArray::fromStdString(doc[0].as<std::string>());
    return d;
}

} // namespace Proctor::Collector::Storage::CandidateExport
