// SPDX-License-Identifier: MIT
#include "storage/reviewcaserepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::ReviewCaseRepository {
namespace {

constexpr const char *kDecisionColumns =
    "id, state, comment, reviewer_id, reviewer, floor(extract(epoch FROM decided_at) * 1000)::bigint, "
    "coalesce(revoked_certificate, '')";

ReviewDecisionRecord decisionFrom(const pqxx::row &r)
{
    ReviewDecisionRecord out;
    out.id = r[0].as<qint64>();
    out.state = r[1].as<int>();
    out.comment = toQString(r[2].as<std::string>());
    if (!r[3].is_null())
        out.reviewerId = r[3].as<qint64>();
    out.reviewer = toQString(r[4].as<std::string>());
    out.decidedAt = QDateTime::fromMSecsSinceEpoch(r[5].as<qint64>(), Qt::UTC);
    out.revokedCertificate = toQString(r[6].as<std::string>());
    return out;
}

std::string uuidText(const QUuid &id)
{
    return toStd(id.toString(QUuid::WithoutBraces));
}

} // namespace

std::optional<ReviewSessionHead> head(pqxx::transaction_base &tx, const QUuid &sessionId, bool forUpdate)
{
    const std::string sql = std::string("SELECT s.review_state, s.status, coalesce(c.number, ''), "
                                        "c.revoked_at IS NOT NULL "
                                        "FROM sessions s LEFT JOIN certificates c ON c.session_id = s.id "
                                        "WHERE s.id = $1") +
                            (forUpdate ? " FOR UPDATE OF s" : "");
    const auto rows = tx.exec_params(sql, uuidText(sessionId));
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    return ReviewSessionHead{r[0].as<int>(), toQString(r[1].as<std::string>()),
                             toQString(r[2].as<std::string>()), r[3].as<bool>()};
}

ReviewDecisionRecord record(pqxx::transaction_base &tx, const QUuid &sessionId, const ReviewDecisionRecord &d)
{
    tx.exec_params("UPDATE sessions SET review_state = $2 WHERE id = $1", uuidText(sessionId), d.state);
    const auto rows = tx.exec_params(
        std::string("INSERT INTO review_decisions (session_id, state, comment, reviewer_id, reviewer, "
                    "revoked_certificate) VALUES ($1, $2, $3, $4, $5, nullif($6, '')) RETURNING ") +
            kDecisionColumns,
        uuidText(sessionId), d.state, toStd(d.comment), d.reviewerId, toStd(d.reviewer),
        toStd(d.revokedCertificate));
    return decisionFrom(rows[0]);
}

QList<ReviewDecisionRecord> history(pqxx::transaction_base &tx, const QUuid &sessionId, int limit)
{
    const auto rows = tx.exec_params(
        std::string("SELECT ") + kDecisionColumns +
            " FROM review_decisions WHERE session_id = $1 ORDER BY decided_at DESC, id DESC LIMIT $2",
        uuidText(sessionId), limit);
    QList<ReviewDecisionRecord> out;
    out.reserve(rows.size());
    for (const auto &r : rows)
        out.append(decisionFrom(r));
    return out;
}

QList<FactorDecisionCounts> decisionsPerFactor(pqxx::transaction_base &tx, int days)
{
    // The current decision counts (sessions.review_state), not every decision ever made: a case cleared
    // after a second look counts once, as cleared.
    const auto rows =
        tx.exec_params("SELECT f.reason_key, count(*), count(*) FILTER (WHERE s.review_state IN (1, 2)), "
                       "count(*) FILTER (WHERE s.review_state = 2) "
                       "FROM session_risk_factors f JOIN sessions s ON s.id = f.session_id "
                       "WHERE f.points > 0 AND s.started_at >= now() - make_interval(days => $1) "
                       "GROUP BY f.reason_key ORDER BY f.reason_key",
                       days);
    QList<FactorDecisionCounts> out;
    out.reserve(rows.size());
    for (const auto &r : rows)
        out.append(FactorDecisionCounts{toQString(r[0].as<std::string>()), r[1].as<int>(), r[2].as<int>(),
                                        r[3].as<int>()});
    return out;
}

} // namespace Proctor::Collector::Storage::ReviewCaseRepository
