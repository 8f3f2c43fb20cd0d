// SPDX-License-Identifier: MIT
#include "storage/analysisrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "storage/database.h"
#include "storage/reviewsql.h"

namespace Proctor::Collector::Storage::AnalysisRepository {
namespace {

std::string uuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).toStdString();
}

Analysis::QuestionTrajectory trajectoryFrom(const QString &questionId, const QJsonArray &points)
{
    Analysis::QuestionTrajectory t;
    t.questionId = questionId.toStdString();
    t.points.reserve(size_t(points.size()));
    for (const auto &p : points) {
        const QJsonArray xyz = p.toArray();
        if (xyz.size() >= 3)
            t.points.push_back({xyz[0].toDouble(), xyz[1].toDouble(), xyz[2].toDouble()});
    }
    return t;
}

QJsonArray jsonArray(const pqxx::field &f)
{
    return f.is_null() ? QJsonArray()
                       : QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>())).array();
}

SessionBrief briefFrom(const pqxx::row &r, int first)
{
    SessionBrief b;
    b.sessionId = toQString(r[first].as<std::string>());
    b.testId = toQString(r[first + 1].as<std::string>());
    b.candidateId = r[first + 2].as<qint64>();
    b.candidateName = toQString(r[first + 3].as<std::string>());
    return b;
}

const char *kBriefColumns = "s.id::text, s.test_id, s.candidate_id, "
                            "trim(c.last_name || ' ' || c.first_name || ' ' || c.middle_name)";

QJsonValue jsonValue(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>()));
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

} // namespace

Analysis::KeystrokeSamples keystrokeSamplesFrom(const QJsonValue &stored)
{
    if (stored.isArray()) {
        std::vector<Analysis::Keystroke> keys;
        const QJsonArray rows = stored.toArray();
        keys.reserve(size_t(rows.size()));
        for (const auto &k : rows) {
            const QJsonObject o = k.toObject();
            keys.push_back({o.value(QStringLiteral("code")).toString().toStdString(),
                            o.value(QStringLiteral("downMs")).toDouble(),
                            o.value(QStringLiteral("upMs")).toDouble()});
        }
        return Analysis::extractKeystrokeFeatures(keys);
    }
    Analysis::KeystrokeSamples samples;
    const QJsonObject o = stored.toObject();
    for (const char *kind : {"dwell", "flight", "digraph"}) {
        const QJsonObject lists = o.value(QLatin1String(kind)).toObject();
        for (auto it = lists.begin(); it != lists.end(); ++it) {
            std::vector<double> &values = samples[std::string(kind) + ':' + it.key().toStdString()];
            for (const auto &v : it.value().toArray())
                if (v.isDouble())
                    values.push_back(v.toDouble());
        }
    }
    return Analysis::withAggregates(std::move(samples));
}

std::optional<SessionBrief> sessionBrief(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r =
        tx.exec_params(std::string("SELECT ") + kBriefColumns +
                           " FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = $1",
                       uuid(sessionId));
    if (r.empty())
        return std::nullopt;
    return briefFrom(r[0], 0);
}

std::vector<Analysis::QuestionTrajectory> mouse(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r =
        tx.exec_params("SELECT mouse::text FROM session_telemetry WHERE session_id = $1", uuid(sessionId));
    std::vector<Analysis::QuestionTrajectory> out;
    if (r.empty())
        return out;
    for (const auto &seg : jsonArray(r[0][0])) {
        const QJsonObject o = seg.toObject();
        out.push_back(trajectoryFrom(o.value(QStringLiteral("questionId")).toString(),
                                     o.value(QStringLiteral("points")).toArray()));
    }
    return Analysis::splitByQuestion(out);
}

Analysis::KeystrokeSamples keystrokes(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT keystrokes::text FROM session_telemetry WHERE session_id = $1",
                                  uuid(sessionId));
    return r.empty() ? Analysis::KeystrokeSamples() : keystrokeSamplesFrom(jsonValue(r[0][0]));
}

std::vector<OtherTrajectory> trajectoriesOfQuestion(pqxx::connection &c, const QString &testId,
                                                    const QString &questionId, const QUuid &excludeSession,
                                                    int limit)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params(
        std::string("SELECT ") + kBriefColumns +
            ", seg->'points' FROM sessions s "
            "JOIN candidates c ON c.id = s.candidate_id JOIN session_telemetry t ON t.session_id = s.id "
            "CROSS JOIN LATERAL jsonb_array_elements(t.mouse) seg "
            "WHERE s.test_id = $1 AND seg->>'questionId' = $2 AND s.id <> $3 "
            "ORDER BY s.finished_at DESC NULLS LAST, s.id LIMIT $4",
        toStd(testId), toStd(questionId), uuid(excludeSession), limit);
    std::vector<OtherTrajectory> out;
    out.reserve(r.size());
    for (const auto &row : r)
        out.push_back({briefFrom(row, 0), trajectoryFrom(questionId, jsonArray(row[4]))});
    return out;
}

std::vector<OtherKeystrokes> keystrokesOfOtherCandidates(pqxx::connection &c, const QString &testId,
                                                         qint64 candidateId, int limit)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params(
        std::string("SELECT ") + kBriefColumns +
            ", t.keystrokes::text FROM sessions s "
            "JOIN candidates c ON c.id = s.candidate_id JOIN session_telemetry t ON t.session_id = s.id "
            "WHERE s.test_id = $1 AND s.candidate_id <> $2 AND t.keystrokes NOT IN ('[]'::jsonb, "
            "'{}'::jsonb) "
            "ORDER BY s.finished_at DESC NULLS LAST LIMIT $3",
        toStd(testId), candidateId, limit);
    std::vector<OtherKeystrokes> out;
    for (const auto &row : r)
        out.push_back({briefFrom(row, 0), keystrokeSamplesFrom(jsonValue(row[4]))});
    return out;
}

double overtimeSeconds(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT " + ReviewSql::overtimeSecondsExpression() +
                                      " FROM sessions s WHERE s.id = $1",
                                  uuid(sessionId));
    return r.empty() ? 0.0 : r[0][0].as<double>();
}

std::vector<Analysis::RiskEvent> riskEvents(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params(
        "SELECT event_id::text, type, (extract(epoch FROM client_ts) * 1000)::bigint, details::text "
        "FROM events WHERE session_id = $1 ORDER BY seq, client_ts",
        uuid(sessionId));
    std::vector<Analysis::RiskEvent> out;
    out.reserve(r.size());
    for (const auto &row : r) {
        Analysis::RiskEvent e;
        e.eventId = row[0].as<std::string>();
        e.type = row[1].as<std::string>();
        e.clientTsMs = row[2].as<std::int64_t>();
        const QJsonObject details =
            QJsonDocument::fromJson(QByteArray::fromStdString(row[3].as<std::string>())).object();
        for (auto it = details.begin(); it != details.end(); ++it)
            e.details[it.key().toStdString()] =
                it.value().isString() ? it.value().toString().toStdString()
                                      : QString::number(it.value().toDouble(), 'g', 15).toStdString();
        out.push_back(std::move(e));
    }
    return out;
}

DeviceRows deviceRows(pqxx::connection &c, bool onlyFlaggable)
{
    // Only the sessions that can be part of a flag (a device used by several candidates, a candidate on
    // several devices) when that is all the caller shows: at a million sessions the whole table does not
    // fit in a reply or in memory. The flags themselves are still decided by Analysis::groupDevices.
    const std::string flaggable =
        onlyFlaggable ? " WHERE s.fingerprint_hash IN (SELECT fingerprint_hash FROM sessions "
                        "WHERE fingerprint_hash <> '' GROUP BY 1 HAVING count(DISTINCT candidate_id) > 1) "
                        "OR s.candidate_id IN (SELECT candidate_id FROM sessions WHERE fingerprint_hash <> '' "
                        "GROUP BY 1 HAVING count(DISTINCT fingerprint_hash) > 1)"
                      : "";
    pqxx::nontransaction tx(c);
    DeviceRows out;
    for (const auto &row : tx.exec("SELECT s.id::text, s.candidate_id::text, s.fingerprint_hash, "
                                   "trim(c.last_name || ' ' || c.first_name || ' ' || c.middle_name) "
                                   "FROM sessions s JOIN candidates c ON c.id = s.candidate_id" +
                                   flaggable)) {
        out.rows.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
        out.candidateNames.insert(toQString(row[1].as<std::string>()), toQString(row[3].as<std::string>()));
    }
    return out;
}

} // namespace Proctor::Collector::Storage::AnalysisRepository
