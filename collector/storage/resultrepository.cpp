// SPDX-License-Identifier: MIT
#include "storage/resultrepository.h"

#include <QJsonDocument>

#include "storage/database.h"

namespace Proctor::Collector::Storage::ResultRepository {
namespace {

std::string sessionKey(const QUuid &id)
{
    return toStd(id.toString(QUuid::WithoutBraces));
}

std::string json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}
std::string json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
}

QDateTime fromEpochMs(const pqxx::field &f)
{
    return f.is_null() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(f.as<qint64>(), Qt::UTC);
}

} // namespace

Expected<std::pair<QString, QString>> sessionTest(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT test_id, kind FROM sessions WHERE id = $1", sessionKey(sessionId));
    if (r.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("sessionId"));
    return std::pair{toQString(r[0][0].as<std::string>()), toQString(r[0][1].as<std::string>())};
}

std::optional<SessionForResult> lockSession(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto rows = tx.exec_params("SELECT s.test_id, s.kind, s.status = 'completed', "
                                     "array_to_json(s.question_ids)::text, s.candidate_id, "
                                     "c.last_name, c.first_name, c.middle_name, c.position "
                                     "FROM sessions s JOIN candidates c ON c.id = s.candidate_id "
                                     "WHERE s.id = $1 FOR UPDATE OF s",
                                     sessionKey(sessionId));
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    auto text = [&](int i) { return toQString(r[i].as<std::string>()); };
    SessionForResult s;
    s.testId = text(0);
    s.kind = text(1);
    s.finished = r[2].as<bool>();
    for (const QJsonValue &id :
         QJsonDocument::fromJson(QByteArray::fromStdString(r[3].as<std::string>())).array())
        s.questionIds.append(id.toString());
    s.candidateId = r[4].as<qint64>();
    s.lastName = text(5);
    s.firstName = text(6);
    s.middleName = text(7);
    s.position = text(8);
    return s;
}

QDateTime transactionTime(pqxx::transaction_base &tx)
{
    // Truncated to the millisecond here and in storedResult(), so a replay reads back exactly this value.
    return fromEpochMs(tx.exec1("SELECT floor(extract(epoch FROM now()) * 1000)::bigint")[0]);
}

qint64 nextCertificateValue(pqxx::transaction_base &tx, const QString &period)
{
    // The upsert takes the period row's lock: concurrent passes queue here and get consecutive numbers, and
    // the first pass of a new month creates the row without a race.
    return tx
        .exec_params1("INSERT INTO document_counters (period, last_value) VALUES ($1, 1) "
                      "ON CONFLICT (period) DO UPDATE SET last_value = document_counters.last_value + 1 "
                      "RETURNING last_value",
                      toStd(period))[0]
        .as<qint64>();
}

void finish(pqxx::transaction_base &tx, const QUuid &sessionId, const Contract::Score &score, bool passed,
            int gradeNumber, const QJsonArray &answers)
{
    tx.exec_params("UPDATE sessions SET status = 'completed', finished_at = now(), score = $2, "
                   "correct_count = $3, total_count = $4, passed = $5, grade = $6, answers = $7::jsonb "
                   "WHERE id = $1",
                   sessionKey(sessionId), score.percent, score.correct, score.total, passed, gradeNumber,
                   json(answers));
}

void storeTelemetry(pqxx::transaction_base &tx, const QUuid &sessionId, const QJsonObject &t)
{
    tx.exec_params(
        "INSERT INTO session_telemetry (session_id, questions, mouse, keystrokes, focus_loss_count, blur_ms, "
        "viewport) "
        "VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7::jsonb) ON CONFLICT (session_id) DO NOTHING",
        sessionKey(sessionId), json(t.value(QStringLiteral("questions")).toArray()),
        json(t.value(QStringLiteral("mouse")).toArray()),
        json(t.value(QStringLiteral("keystrokes")).toObject()),
        t.value(QStringLiteral("focusLossCount")).toInt(),
        qint64(t.value(QStringLiteral("blurMs")).toDouble()),
        t.contains(QStringLiteral("viewport"))
            ? std::optional<std::string>(json(t.value(QStringLiteral("viewport")).toObject()))
            : std::optional<std::string>());
}

std::optional<StoredResult> storedResult(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto rows =
        tx.exec_params("SELECT s.score, s.correct_count, s.total_count, s.passed, s.grade, "
                       "floor(extract(epoch FROM s.finished_at) * 1000)::bigint, c.number, "
                       "floor(extract(epoch FROM c.issued_at) * 1000)::bigint, c.verification_code "
                       "FROM sessions s LEFT JOIN certificates c ON c.session_id = s.id "
                       "WHERE s.id = $1 AND s.status = 'completed'",
                       sessionKey(sessionId));
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    StoredResult out;
    out.score.percent = r[0].as<int>();
    out.score.correct = r[1].as<int>();
    out.score.total = r[2].as<int>();
    out.passed = r[3].as<bool>();
    out.gradeNumber = r[4].as<int>();
    out.finishedAt = fromEpochMs(r[5]);
    if (!r[6].is_null()) {
        out.certificateNumber = toQString(r[6].as<std::string>());
        out.certificateIssuedAt = fromEpochMs(r[7]);
        out.certificateCode = toQString(r[8].as<std::string>());
    }
    return out;
}

} // namespace Proctor::Collector::Storage::ResultRepository
