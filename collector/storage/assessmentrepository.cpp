// SPDX-License-Identifier: MIT
// SQL of the stored risk assessment: attempt facts in, the assessment out, and the queue between.
#include "storage/assessmentrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "storage/database.h"

namespace Proctor::Collector::Storage::AssessmentRepository {
namespace {

const char *kRiskSettingsKey = "risk";

std::string uuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).toStdString();
}

QJsonObject jsonObject(const pqxx::field &f)
{
    return f.is_null() ? QJsonObject()
                       : QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>())).object();
}

QJsonArray jsonArray(const pqxx::field &f)
{
    return f.is_null() ? QJsonArray()
                       : QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>())).array();
}

std::string compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

QDateTime timeFrom(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    return QDateTime::fromMSecsSinceEpoch(f.as<qint64>(), Qt::UTC);
}

std::string uuidArray(const std::vector<QUuid> &ids)
{
    std::string out = "{";
    for (const QUuid &id : ids)
        out += (out.size() > 1 ? "," : "") + uuid(id);
    return out + "}";
}

// The closed attempt's duration: to the result, else to its last event (an expired or abandoned attempt).
const char *kAttemptSeconds =
    "extract(epoch FROM COALESCE(s.finished_at, (SELECT max(e.received_at) FROM events e "
    "WHERE e.session_id = s.id), s.started_at) - s.started_at)::double precision";

RiskSettingsRow settingsFrom(const pqxx::result &r)
{
    RiskSettingsRow out;
    if (r.empty())
        return out;
    const QJsonObject doc = jsonObject(r[0][0]);
    out.value = doc.value(QStringLiteral("settings")).toObject();
    out.version = doc.value(QStringLiteral("version")).toInt();
    out.updatedAt = timeFrom(r[0][1]);
    return out;
}

} // namespace

std::optional<AttemptFacts> attemptFacts(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params(
        std::string("SELECT s.kind, s.test_id, s.finished_at IS NOT NULL, s.status <> 'in_progress', "
                    "COALESCE(s.score, 0), ") +
            kAttemptSeconds +
            ", array_to_json(s.question_ids)::text, s.answers::text, t.questions::text, "
            // Study time: the candidate's study sessions of this test opened before this attempt ended, each
            // to its last event (at most 4 hours); NULL when the test has no study material.
            "CASE WHEN jsonb_typeof(tt.definition->'study') = 'object' THEN ("
            "  SELECT COALESCE(sum(LEAST(14400, extract(epoch FROM COALESCE(st.finished_at, (SELECT "
            "  max(e.received_at) FROM events e WHERE e.session_id = st.id), st.started_at) - "
            "st.started_at))), 0)"
            "  FROM sessions st WHERE st.kind = 'study' AND st.candidate_id = s.candidate_id AND "
            "  st.test_id = s.test_id AND st.started_at < COALESCE(s.finished_at, now())) END::double "
            "precision "
            "FROM sessions s JOIN tests tt ON tt.id = s.test_id "
            "LEFT JOIN session_telemetry t ON t.session_id = s.id WHERE s.id = $1",
        uuid(sessionId));
    if (r.empty())
        return std::nullopt;
    const auto &row = r[0];
    AttemptFacts f;
    f.kind = toQString(row[0].as<std::string>());
    f.testId = toQString(row[1].as<std::string>());
    f.finished = row[2].as<bool>();
    f.closed = row[3].as<bool>();
    f.scorePercent = row[4].as<double>();
    f.attemptSeconds = row[5].is_null() ? 0.0 : row[5].as<double>();
    for (const auto &q : jsonArray(row[6]))
        f.questionIds.append(q.toString());
    for (const auto &a : jsonArray(row[7])) {
        const QJsonObject o = a.toObject();
        const QString q = o.value(QStringLiteral("questionId")).toString();
        if (f.answers.contains(q))
            continue; // the first answer counts, as in scoring
        QStringList options;
        for (const auto &id : o.value(QStringLiteral("optionIds")).toArray())
            options.append(id.toString());
        f.answers.insert(q, options);
    }
    for (const auto &t : jsonArray(row[8])) {
        const QJsonObject o = t.toObject();
        const QString q = o.value(QStringLiteral("questionId")).toString();
        if (!f.latencies.contains(q))
            f.latencies.insert(q, o.value(QStringLiteral("latencyMs")).toDouble());
    }
    f.studySeconds = row[9].is_null() ? -1.0 : row[9].as<double>();
    return f;
}

QHash<QString, QuestionFacts> questionFacts(pqxx::connection &c, const QString &testId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT definition->'questions' FROM tests WHERE id = $1", toStd(testId));
    QHash<QString, QuestionFacts> out;
    if (r.empty())
        return out;
    for (const auto &q : jsonArray(r[0][0])) {
        const QJsonObject o = q.toObject();
        QuestionFacts f;
        f.textChars = std::size_t(o.value(QStringLiteral("text")).toString().size());
        for (const auto &opt : o.value(QStringLiteral("options")).toArray())
            f.textChars += std::size_t(opt.toObject().value(QStringLiteral("text")).toString().size());
        for (const auto &id : o.value(QStringLiteral("correct")).toArray())
            f.correct.append(id.toString());
        out.insert(o.value(QStringLiteral("id")).toString(), f);
    }
    return out;
}

std::vector<Analysis::NearbyAttempt> nearbyAttempts(pqxx::connection &c, const QUuid &sessionId,
                                                    double windowSeconds, int limit)
{
    pqxx::nontransaction tx(c);
    // sessions_fingerprint serves the device side, sessions_api_key the key side; the address side is
    // bounded by the time window.
    const auto r = tx.exec_params(
        std::string("SELECT s.id::text, s.client_ip IS NOT DISTINCT FROM me.client_ip AND s.client_ip IS NOT "
                    "NULL, s.fingerprint_hash = me.fingerprint_hash, s.status <> 'in_progress', ") +
            kAttemptSeconds +
            ", COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(s.answers) = 'array' THEN s.answers END), "
            "0), "
            "COALESCE(array_length(s.question_ids, 1), 0), COALESCE(s.api_key_id = me.api_key_id, false) "
            "FROM sessions me JOIN sessions s ON s.id <> me.id AND s.kind = 'test' AND "
            "(s.fingerprint_hash = me.fingerprint_hash OR s.client_ip = me.client_ip OR "
            "s.api_key_id = me.api_key_id) AND "
            "s.started_at BETWEEN me.started_at - make_interval(secs => $2) AND "
            "me.started_at + make_interval(secs => $2) "
            // One page key usually serves the whole deployment: its crowd must not crowd out the address's
            // and device's attempts under the limit.
            "WHERE me.id = $1 ORDER BY COALESCE(s.fingerprint_hash = me.fingerprint_hash OR s.client_ip = "
            "me.client_ip, false) DESC, s.started_at, s.id LIMIT $3",
        uuid(sessionId), windowSeconds, limit);
    std::vector<Analysis::NearbyAttempt> out;
    out.reserve(r.size());
    for (const auto &row : r) {
        Analysis::NearbyAttempt n;
        n.sessionId = row[0].as<std::string>();
        n.sameAddress = row[1].as<bool>();
        n.sameDevice = row[2].as<bool>();
        n.closed = row[3].as<bool>();
        n.durationSeconds = row[4].is_null() ? 0.0 : row[4].as<double>();
        n.answered = row[5].as<std::size_t>();
        n.questions = row[6].as<std::size_t>();
        n.sameKey = row[7].as<bool>();
        out.push_back(std::move(n));
    }
    return out;
}

std::optional<PreviousAssessment> lockForAssessment(pqxx::work &tx, const QUuid &sessionId)
{
    // The row lock orders two instances storing the same session; the later one writes last.
    const auto r =
        tx.exec_params("SELECT assessed_at IS NOT NULL, risk_level, assessment_rules FROM sessions "
                       "WHERE id = $1 FOR NO KEY UPDATE",
                       uuid(sessionId));
    if (r.empty())
        return std::nullopt;
    PreviousAssessment p;
    p.assessed = r[0][0].as<bool>();
    p.level = r[0][1].as<int>();
    p.rulesVersion = r[0][2].as<int>();
    for (const auto &row :
         tx.exec_params("SELECT DISTINCT jsonb_array_elements_text(detail->'relatedSessionIds') "
                        "FROM session_risk_factors WHERE session_id = $1 ORDER BY 1",
                        uuid(sessionId)))
        p.relatedSessionIds.append(toQString(row[0].as<std::string>()));
    return p;
}

void store(pqxx::work &tx, const QUuid &sessionId, const StoredAssessment &a)
{
    QJsonObject violations;
    for (auto it = a.violations.begin(); it != a.violations.end(); ++it)
        if (it.value() > 0)
            violations.insert(it.key(), it.value());
    const std::string id = uuid(sessionId);
    tx.exec_params(
        "UPDATE sessions s SET risk_score = $2, risk_level = $3, violation_count = $4, violations = "
        "$5::jsonb, "
        "away_ms = $6, event_count = ev.n, last_event_at = ev.last, assessed_at = clock_timestamp(), "
        "assessment_rules = $7 "
        "FROM (SELECT count(*)::integer AS n, max(received_at) AS last FROM events WHERE session_id = $1) ev "
        "WHERE s.id = $1",
        id, a.score, a.level, a.violationCount, compact(violations), a.awayMs, a.rulesVersion);
    tx.exec_params("DELETE FROM session_risk_factors WHERE session_id = $1", id);
    for (const StoredFactor &f : a.factors)
        tx.exec_params(
            "INSERT INTO session_risk_factors (session_id, reason_key, points, observed, threshold, "
            "detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (session_id, reason_key) DO "
            "UPDATE SET points = EXCLUDED.points, observed = EXCLUDED.observed, threshold = "
            "EXCLUDED.threshold, detail = EXCLUDED.detail",
            id, toStd(f.reason), f.points, f.observed, f.threshold, compact(f.detail));
}

std::optional<StoredAssessment> stored(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const std::string id = uuid(sessionId);
    const auto r = tx.exec_params(
        "SELECT risk_score, risk_level, violations::text, violation_count, away_ms, event_count, "
        "(extract(epoch FROM last_event_at) * 1000)::bigint, (extract(epoch FROM assessed_at) * "
        "1000)::bigint, "
        "assessment_rules FROM sessions WHERE id = $1",
        id);
    if (r.empty())
        return std::nullopt;
    const auto &row = r[0];
    StoredAssessment a;
    a.score = row[0].as<int>();
    a.level = row[1].as<int>();
    const QJsonObject v = jsonObject(row[2]);
    for (auto it = v.begin(); it != v.end(); ++it)
        a.violations.insert(it.key(), it.value().toInteger());
    a.violationCount = row[3].as<qint64>();
    a.awayMs = row[4].as<qint64>();
    a.eventCount = row[5].as<qint64>();
    a.lastEventAt = timeFrom(row[6]);
    a.assessedAt = timeFrom(row[7]);
    a.rulesVersion = row[8].as<int>();
    for (const auto &f : tx.exec_params("SELECT reason_key, points, observed, threshold, detail::text FROM "
                                        "session_risk_factors WHERE session_id = $1 ORDER BY points DESC, "
                                        "reason_key",
                                        id))
        a.factors.append({toQString(f[0].as<std::string>()), f[1].as<double>(), f[2].as<double>(),
                          f[3].as<double>(), jsonObject(f[4])});
    return a;
}

void enqueue(pqxx::work &tx, const std::vector<QUuid> &ids, const std::vector<double> &delaySeconds)
{
    if (ids.empty())
        return;
    std::string delays = "{";
    for (std::size_t i = 0; i < ids.size(); ++i)
        delays += (i ? "," : "") + std::to_string(i < delaySeconds.size() ? delaySeconds[i] : 0.0);
    delays += "}";
    // Sorted, so two instances queueing overlapping sets take the index entries in one order.
    tx.exec_params("INSERT INTO assessment_queue (session_id, due_at) "
                   "SELECT x.id, now() + make_interval(secs => x.d) FROM unnest($1::uuid[], $2::float8[]) "
                   "AS x(id, d) WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.id = x.id) ORDER BY x.id "
                   "ON CONFLICT (session_id) DO NOTHING",
                   uuidArray(ids), delays);
}

void enqueue(pqxx::work &tx, const QStringList &ids, double delaySeconds)
{
    std::vector<QUuid> uuids;
    for (const QString &id : ids)
        if (const QUuid u = QUuid::fromString(id); !u.isNull())
            uuids.push_back(u);
    enqueue(tx, uuids, std::vector<double>(uuids.size(), delaySeconds));
}

std::vector<QUuid> claimDue(pqxx::connection &c, int limit)
{
    pqxx::work tx(c);
    const auto r =
        tx.exec_params("DELETE FROM assessment_queue WHERE session_id IN (SELECT session_id FROM "
                       "assessment_queue WHERE due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE "
                       "SKIP LOCKED) RETURNING session_id::text",
                       limit);
    tx.commit();
    std::vector<QUuid> out;
    out.reserve(r.size());
    for (const auto &row : r)
        out.push_back(QUuid::fromString(QLatin1String(row[0].c_str())));
    return out;
}

int enqueueStale(pqxx::connection &c, int hours)
{
    pqxx::work tx(c);
    const auto r = tx.exec_params(
        "INSERT INTO assessment_queue (session_id, due_at) SELECT s.id, now() FROM sessions s "
        "WHERE s.started_at > now() - make_interval(hours => $1) AND EXISTS (SELECT 1 FROM events e "
        "WHERE e.session_id = s.id AND (s.assessed_at IS NULL OR e.received_at > s.assessed_at)) "
        "ON CONFLICT (session_id) DO NOTHING",
        hours);
    tx.commit();
    return int(r.affected_rows());
}

int enqueueOutdated(pqxx::connection &c, int rulesVersion)
{
    pqxx::work tx(c);
    const auto r = tx.exec_params("INSERT INTO assessment_queue (session_id, due_at) SELECT id, now() FROM "
                                  "sessions WHERE assessment_rules <> $1 ON CONFLICT (session_id) DO NOTHING",
                                  rulesVersion);
    tx.commit();
    return int(r.affected_rows());
}

qint64 queueLength(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    return tx.exec("SELECT count(*) FROM assessment_queue")[0][0].as<qint64>();
}

std::vector<QUuid> outdated(pqxx::connection &c, int rulesVersion, const QUuid &afterId, int limit)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT id::text FROM sessions WHERE assessment_rules <> $1 AND id > $2 "
                                  "ORDER BY id LIMIT $3",
                                  rulesVersion, uuid(afterId), limit);
    std::vector<QUuid> out;
    for (const auto &row : r)
        out.push_back(QUuid::fromString(QLatin1String(row[0].c_str())));
    return out;
}

qint64 countOutdated(pqxx::connection &c, int rulesVersion)
{
    pqxx::nontransaction tx(c);
    return tx.exec_params("SELECT count(*) FROM sessions WHERE assessment_rules <> $1", rulesVersion)[0][0]
        .as<qint64>();
}

RiskSettingsRow riskSettings(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    return settingsFrom(tx.exec_params(
        "SELECT value::text, (extract(epoch FROM updated_at) * 1000)::bigint FROM settings WHERE key = $1",
        kRiskSettingsKey));
}

RiskSettingsRow riskSettings(pqxx::work &tx)
{
    return settingsFrom(tx.exec_params("SELECT value::text, (extract(epoch FROM updated_at) * 1000)::bigint "
                                       "FROM settings WHERE key = $1 FOR UPDATE",
                                       kRiskSettingsKey));
}

int saveRiskSettings(pqxx::work &tx, const QJsonObject &value, qint64 adminId)
{
    const int version = riskSettings(tx).version + 1;
    const QJsonObject doc{{QStringLiteral("version"), version}, {QStringLiteral("settings"), value}};
    tx.exec_params(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = "
        "EXCLUDED.updated_by",
        kRiskSettingsKey, compact(doc), adminId > 0 ? std::optional<qint64>(adminId) : std::nullopt);
    return version;
}

} // namespace Proctor::Collector::Storage::AssessmentRepository
