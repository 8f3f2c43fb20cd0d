// SPDX-License-Identifier: MIT
#include "storage/attemptrepository.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "storage/database.h"

namespace Proctor::Collector::Storage::AttemptRepository {
namespace {

// When an unfinished attempt's time is over, as SQL over sessions s joined with tests t.
const char *const kDeadline = "s.started_at + make_interval(secs => CASE WHEN t.time_limit_seconds > 0 "
                              "THEN t.time_limit_seconds + $G ELSE $U END)";

std::string withParams(std::string sql, int grace, int untimed)
{
    auto replace = [&sql](const std::string &what, const std::string &with) {
        for (auto pos = sql.find(what); pos != std::string::npos; pos = sql.find(what, pos + with.size()))
            sql.replace(pos, what.size(), with);
    };
    replace("$G", std::to_string(grace));
    replace("$U", std::to_string(untimed));
    return sql;
}

QJsonArray parseArray(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>())).array();
}

} // namespace

void lock(pqxx::transaction_base &tx, const QString &candidateKey)
{
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", toStd(candidateKey));
}

std::optional<qint64> candidateId(pqxx::transaction_base &tx, const QString &identityKey)
{
    const auto rows = tx.exec_params("SELECT id FROM candidates WHERE identity_key = $1", toStd(identityKey));
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<qint64>();
}

std::vector<QUuid> expireOverdue(pqxx::transaction_base &tx, std::optional<qint64> candidateId,
                                 const QString &testId, int graceSeconds, int untimedSeconds)
{
    // Integers only are spliced in (the windows); the candidate and test go as parameters.
    const std::string sql = withParams(std::string("UPDATE sessions s SET status = 'expired' FROM tests t "
                                                   "WHERE t.id = s.test_id AND s.kind = 'test' "
                                                   "AND s.status = 'in_progress' AND ") +
                                           kDeadline +
                                           " <= now() AND ($1::bigint IS NULL OR s.candidate_id = $1) "
                                           "AND ($2 = '' OR s.test_id = $2) RETURNING s.id::text",
                                       graceSeconds, untimedSeconds);
    std::vector<QUuid> closed;
    for (const auto &row : tx.exec_params(sql, candidateId, toStd(testId)))
        closed.push_back(QUuid::fromString(QLatin1String(row[0].c_str())));
    return closed;
}

AttemptHistory history(pqxx::transaction_base &tx, qint64 candidateId, const QString &testId,
                       int graceSeconds, int untimedSeconds)
{
    AttemptHistory out;
    const std::string counts = withParams(
        std::string("SELECT count(*) FILTER (WHERE s.status IN ('completed', 'expired')), "
                    "floor(extract(epoch FROM max(CASE WHEN s.status = 'completed' THEN s.finished_at "
                    "WHEN s.status = 'expired' THEN ") +
            kDeadline +
            " END)) * 1000)::bigint "
            "FROM sessions s JOIN tests t ON t.id = s.test_id "
            "WHERE s.candidate_id = $1 AND s.test_id = $2 AND s.kind = 'test'",
        graceSeconds, untimedSeconds);
    const auto row = tx.exec_params1(counts, candidateId, toStd(testId));
    out.used = row[0].as<int>();
    if (!row[1].is_null())
        out.lastEndedAt = QDateTime::fromMSecsSinceEpoch(row[1].as<qint64>(), Qt::UTC);

    const auto open = tx.exec_params(
        "SELECT id, floor(extract(epoch FROM started_at) * 1000)::bigint, array_to_json(question_ids)::text "
        "FROM sessions WHERE candidate_id = $1 AND test_id = $2 AND kind = 'test' AND status = 'in_progress' "
        "ORDER BY started_at DESC LIMIT 1",
        candidateId, toStd(testId));
    if (!open.empty()) {
        OpenAttempt a;
        a.id = QUuid::fromString(toQString(open[0][0].as<std::string>()));
        a.startedAtMs = open[0][1].as<qint64>();
        for (const auto &v : parseArray(open[0][2]))
            a.questionIds.append(v.toString());
        out.open = a;
    }
    return out;
}

QJsonArray answersSoFar(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto rows = tx.exec_params("SELECT DISTINCT ON (details->>'questionId') details->>'questionId', "
                                     "(details->'to')::text FROM events "
                                     "WHERE session_id = $1 AND type = 'answer_changed' "
                                     "ORDER BY details->>'questionId', seq DESC, client_ts DESC",
                                     toStd(sessionId.toString(QUuid::WithoutBraces)));
    QJsonArray out;
    for (const auto &r : rows)
        out.append(QJsonObject{{QStringLiteral("questionId"), toQString(r[0].as<std::string>())},
                               {QStringLiteral("optionIds"), parseArray(r[1])}});
    return out;
}

QString status(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto rows = tx.exec_params("SELECT status FROM sessions WHERE id = $1",
                                     toStd(sessionId.toString(QUuid::WithoutBraces)));
    return rows.empty() ? QString() : toQString(rows[0][0].as<std::string>());
}

QJsonArray storedAnswers(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto rows = tx.exec_params("SELECT answers::text FROM sessions WHERE id = $1",
                                     toStd(sessionId.toString(QUuid::WithoutBraces)));
    return rows.empty() ? QJsonArray() : parseArray(rows[0][0]);
}

std::optional<QJsonObject> lockDefinition(pqxx::transaction_base &tx, const QString &testId)
{
    const auto rows =
        tx.exec_params("SELECT definition::text FROM tests WHERE id = $1 FOR UPDATE", toStd(testId));
    if (rows.empty())
        return std::nullopt;
    return QJsonDocument::fromJson(QByteArray::fromStdString(rows[0][0].as<std::string>())).object();
}

void storeDefinition(pqxx::transaction_base &tx, const QString &testId, const QJsonObject &definition)
{
    tx.exec_params("UPDATE tests SET definition = $2::jsonb, updated_at = now() WHERE id = $1", toStd(testId),
                   QJsonDocument(definition).toJson(QJsonDocument::Compact).toStdString());
}

} // namespace Proctor::Collector::Storage::AttemptRepository
