// SPDX-License-Identifier: MIT
// Review queries: results, session detail, timeline, telemetry, abandoned sessions, certificate registry,
// search.
#include "storage/reviewrepository.h"

#include <optional>
#include <utility>

#include <QJsonArray>
#include <QJsonObject>

#include "storage/adminsql.h"
#include "storage/database.h"
#include "storage/reviewsql.h"

namespace Proctor::Collector::Storage::ReviewRepository {
namespace {

using AdminSql::iso;
using AdminSql::Params;

// Full precision (microseconds) for keys: a millisecond rendering could skip or repeat rows at a page edge.
std::string keyTime(const std::string &expr)
{
    return "to_char((" + expr + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
}

Error badCursor()
{
    return Error{ErrorCode::BadParameter, QStringLiteral("cursor does not belong to this list"),
                 QStringLiteral("cursor"), 0};
}

QString text(const pqxx::field &f)
{
    return f.is_null() ? QString() : toQString(f.as<std::string>());
}

std::optional<QString> optionalText(const pqxx::field &f)
{
    return f.is_null() ? std::nullopt : std::optional<QString>(toQString(f.as<std::string>()));
}

template <typename T> std::optional<T> optional(const pqxx::field &f)
{
    return f.is_null() ? std::nullopt : std::optional<T>(f.as<T>());
}

QUuid uuid(const pqxx::field &f)
{
    return QUuid::fromString(text(f));
}

// A jsonb column read as text; NULL stays null.
QJsonValue jsonValue(const pqxx::field &f)
{
    return AdminSql::jsonb(f);
}

// The stored `violations` jsonb (sessions.violations): type -> count, zero counts left out.
ViolationCounts violationCounts(const pqxx::field &f)
{
    ViolationCounts out;
    const QJsonObject o = AdminSql::jsonb(f).toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

// c.id, c.last_name, c.first_name, c.middle_name, c.position starting at `i`.
const char *kCandidateColumns = "c.id, c.last_name, c.first_name, c.middle_name, c.position";

// The trigram-indexed name text of candidate alias `c` (proctor_candidate_names, 0010): last, first and
// middle name, then first and last name, so "Иван Иванов" and "Иванов Иван" both match.
std::string candidateNames(const std::string &alias)
{
    return "proctor_candidate_names(" + alias + ".last_name, " + alias + ".first_name, " + alias +
           ".middle_name)";
}

// A session id prefix ("3f2a", "3f2a9c1e-7") as the range of uuids that start with it, or nullopt when the
// text cannot begin a uuid: a range uses the primary key, a LIKE on the id's text reads every session.
std::optional<std::pair<std::string, std::string>> idPrefixRange(const QString &query)
{
    const QString q = query.trimmed().toLower();
    static const QString layout = QStringLiteral("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    if (q.isEmpty() || q.size() > layout.size())
        return std::nullopt;
    QString lo, hi;
    for (qsizetype i = 0; i < layout.size(); ++i) {
        const bool dash = layout[i] == QLatin1Char('-');
        if (i < q.size()) {
            const QChar ch = q[i];
            if (dash ? ch != QLatin1Char('-')
                     : !(ch.isDigit() || (ch >= QLatin1Char('a') && ch <= QLatin1Char('f'))))
                return std::nullopt;
            lo += ch;
            hi += ch;
        } else {
            lo += dash ? QLatin1Char('-') : QLatin1Char('0');
            hi += dash ? QLatin1Char('-') : QLatin1Char('f');
        }
    }
    return std::make_pair(toStd(lo), toStd(hi));
}

CandidateSummary candidateFrom(const pqxx::row &r, int i)
{
    return CandidateSummary{r[i].as<qint64>(), text(r[i + 1]), text(r[i + 2]), text(r[i + 3]),
                            text(r[i + 4])};
}

QString nextCursor(bool more, const QJsonArray &lastKey)
{
    return more ? ReviewCursor::encode(lastKey) : QString();
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool sessionExists(pqxx::transaction_base &tx, const QUuid &id)
{
    return !tx.exec_params("SELECT 1 FROM sessions WHERE id = $1", toStd(uuidText(id))).empty();
}

// One column of a results sort: the SQL expression ordered on, how its value travels in the cursor (text)
// and the cast that turns the cursor text back into the column's type.
struct KeyColumn
{
    std::string expr;
    std::string text;
    std::string cast;
};

// The results sorts: the named column(s), then the finishing time and the id so every row has one place in
// the order (keyset paging needs a total order). Each has an index in 0010_review_reads.sql.
std::vector<KeyColumn> resultSortColumns(const QString &sort)
{
    const KeyColumn finished{"s.finished_at", keyTime("s.finished_at"), "timestamptz"};
    if (sort == QLatin1String("score"))
        return {{"s.score", "s.score::text", "integer"}, finished};
    if (sort == QLatin1String("risk"))
        return {{"s.risk_score", "s.risk_score::text", "smallint"}, finished};
    if (sort == QLatin1String("duration"))
        return {{"(s.finished_at - s.started_at)", "(s.finished_at - s.started_at)::text", "interval"},
                finished};
    if (sort == QLatin1String("candidate"))
        return {{"c.last_name", "c.last_name", "text"},
                {"c.first_name", "c.first_name", "text"},
                {"c.middle_name", "c.middle_name", "text"},
                {"c.id", "c.id::text", "bigint"},
                finished};
    return {finished};
}

// A PostgreSQL array literal of whole numbers ("{1,2}").
std::string intArray(const QList<int> &values)
{
    std::string out = "{";
    for (int v : values) {
        if (out.size() > 1)
            out += ',';
        out += std::to_string(v);
    }
    return out + "}";
}

// A PostgreSQL array literal of test ids (checked against [A-Za-z0-9_-] by the caller; quoted anyway).
std::string textArray(const QStringList &values)
{
    std::string out = "{";
    for (const QString &v : values) {
        QString quoted = v;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        out += (out.size() > 1 ? ",\"" : "\"") + toStd(quoted) + "\"";
    }
    return out + "}";
}

} // namespace

Expected<ResultPage> results(pqxx::connection &c, const ResultFilter &f, const PageRequest &page)
{
    Params p;
    std::string where = "s.finished_at IS NOT NULL AND s.kind = 'test'";
    if (f.testIds.size() == 1)
        where += " AND s.test_id = " + p.add(f.testIds.first());
    else if (!f.testIds.isEmpty())
        where += " AND s.test_id = ANY(" + p.add(textArray(f.testIds)) + "::text[])";
    if (f.from)
        where += " AND s.finished_at >= (" + p.add(f.from->toString(Qt::ISODate)) +
                 "::date::timestamp AT TIME ZONE 'UTC')";
    if (f.to)
        where += " AND s.finished_at < ((" + p.add(f.to->toString(Qt::ISODate)) +
                 "::date + 1)::timestamp AT TIME ZONE 'UTC')";
    if (f.passed)
        where += " AND s.passed = " + p.add(std::string(*f.passed ? "true" : "false")) + "::boolean";
    if (!f.fingerprint.isEmpty())
        where += " AND s.fingerprint_hash = " + p.add(f.fingerprint);
    if (!f.query.isEmpty()) {
        // The matching sessions first (trigram indexes on names and numbers, the key range of an id
        // prefix), then the order and page: walking the sort order and testing each session's name reads
        // the whole table when the name is rare.
        const std::string like = p.add(AdminSql::containsPattern(f.query));
        // (Finished test sessions of the matching candidates: read index-only from
        // sessions_review_candidate.)
        std::string matches =
            "SELECT x.id FROM sessions x WHERE x.finished_at IS NOT NULL AND x.kind = 'test' AND "
            "x.candidate_id IN (SELECT xc.id FROM candidates xc WHERE " +
            candidateNames("xc") + " ILIKE " + like +
            ") UNION SELECT xe.session_id FROM certificates xe WHERE xe.number ILIKE " + like;
        if (const auto range = idPrefixRange(f.query))
            matches += " UNION SELECT x.id FROM sessions x WHERE x.id BETWEEN " + p.add(range->first) +
                       "::uuid AND " + p.add(range->second) + "::uuid";
        where += " AND s.id IN (SELECT id FROM (" + matches + ") m(id) OFFSET 0)";
    }
    // One value as an equality (the planner then uses the (value, finished_at, id) index in order).
    if (f.riskLevels.size() == 1)
        where += " AND s.risk_level = " + p.add(std::to_string(f.riskLevels.first())) + "::smallint";
    else if (!f.riskLevels.isEmpty())
        where += " AND s.risk_level = ANY(" + p.add(intArray(f.riskLevels)) + "::smallint[])";
    if (f.reviewStates.size() == 1)
        where += " AND s.review_state = " + p.add(std::to_string(f.reviewStates.first())) + "::smallint";
    else if (!f.reviewStates.isEmpty())
        where += " AND s.review_state = ANY(" + p.add(intArray(f.reviewStates)) + "::smallint[])";

    const std::vector<KeyColumn> keys = resultSortColumns(f.sort);
    const bool ascending = f.isAscending();
    const char *dir = ascending ? " ASC" : " DESC";
    std::string order, keyTuple, keyTexts;
    for (const KeyColumn &k : keys) {
        order += k.expr + dir + ", ";
        keyTuple += k.expr + ", ";
        keyTexts += ", " + k.text;
    }
    order += std::string("s.id") + dir;
    keyTuple += "s.id";
    if (page.after) {
        // [sort, ascending, key texts..., id]: a cursor of another sort or direction is refused, not
        // misread.
        const QJsonArray &k = *page.after;
        if (k.size() != qsizetype(keys.size()) + 3 || k[0].toString() != f.sort || !k[1].isBool() ||
            k[1].toBool() != ascending || QUuid::fromString(k[k.size() - 1].toString()).isNull())
            return tl::unexpected(badCursor());
        std::string values;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (!k[qsizetype(i) + 2].isString())
                return tl::unexpected(badCursor());
            values += p.add(k[qsizetype(i) + 2].toString()) + "::" + keys[i].cast + ", ";
        }
        values += p.add(k[k.size() - 1].toString()) + "::uuid";
        where += " AND (" + keyTuple + ") " + (ascending ? ">" : "<") + " (" + values + ")";
    }
    const std::string sql =
        "SELECT s.id::text, s.test_id, t.title, " + std::string(kCandidateColumns) + ", " +
        iso("s.started_at") + ", " + iso("s.finished_at") +
        ", extract(epoch FROM s.finished_at - s.started_at)::bigint, s.score, s.passed, cert.number, "
        "s.fingerprint_hash, s.risk_score, s.risk_level, s.violations::text, s.violation_count, "
        "s.review_state" +
        keyTexts +
        " FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = s.test_id "
        "LEFT JOIN certificates cert ON cert.session_id = s.id WHERE " +
        where + " ORDER BY " + order + " LIMIT " + std::to_string(page.limit + 1);

    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(sql, p.dynamic());
    ResultPage out;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        ResultRow item;
        item.sessionId = uuid(row[0]);
        item.testId = text(row[1]);
        item.testTitle = text(row[2]);
        item.candidate = candidateFrom(row, 3);
        item.startedAt = AdminSql::timestamp(row[8]);
        item.finishedAt = AdminSql::timestamp(row[9]);
        item.durationSeconds = optional<qint64>(row[10]);
        item.score = optional<int>(row[11]);
        item.passed = optional<bool>(row[12]);
        item.certificateNumber = optionalText(row[13]);
        item.fingerprintHash = text(row[14]);
        item.risk = ListRisk{row[15].as<int>(), riskLevelName(row[16].as<int>())};
        item.violations = violationCounts(row[17]);
        item.violationCount = row[18].as<qint64>();
        item.reviewState = ReviewState(row[19].as<int>());
        out.items.append(std::move(item));
        lastKey = QJsonArray{f.sort, ascending};
        for (std::size_t k = 0; k < keys.size(); ++k)
            lastKey.append(text(row[20 + int(k)]));
        lastKey.append(text(row[0]));
    }
    out.nextCursor = nextCursor(int(r.size()) > page.limit, lastKey);
    return out;
}

Expected<SessionRecord> session(pqxx::connection &c, const QUuid &id)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT s.id::text, s.kind, s.status, s.test_id, t.title, t.pass_threshold, " +
            std::string(kCandidateColumns) + ", c.email, " + iso("s.started_at") + ", " +
            iso("s.finished_at") +
            ", extract(epoch FROM s.finished_at - s.started_at)::bigint, s.score, s.correct_count, "
            "s.total_count, "
            "s.passed, cert.number, " +
            iso("cert.issued_at") +
            ", cert.revoked_at IS NOT NULL, s.fingerprint_hash, "
            "s.fingerprint::text, host(s.client_ip), s.user_agent, array_to_json(s.question_ids)::text, "
            "s.answers::text, tel.questions::text, s.violations::text, s.event_count, s.risk_score, "
            "s.risk_level, s.locale, " +
            iso("s.last_event_at") + ", c.persistent_id, t.time_limit_seconds, round(" +
            ReviewSql::overtimeSecondsExpression() + ")::bigint, s.violation_count, s.review_state, " +
            iso("s.assessed_at") +
            " FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = "
            "s.test_id "
            "LEFT JOIN certificates cert ON cert.session_id = s.id "
            "LEFT JOIN session_telemetry tel ON tel.session_id = s.id WHERE s.id = $1",
        toStd(uuidText(id)));
    if (r.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    const pqxx::row &row = r[0];
    SessionRecord out;
    out.sessionId = uuid(row[0]);
    out.kind = text(row[1]);
    out.status = text(row[2]);
    out.testId = text(row[3]);
    out.testTitle = text(row[4]);
    out.passThreshold = row[5].as<int>();
    out.candidate = candidateFrom(row, 6);
    out.email = optionalText(row[11]);
    out.startedAt = AdminSql::timestamp(row[12]);
    out.finishedAt = AdminSql::timestamp(row[13]);
    out.durationSeconds = optional<qint64>(row[14]);
    out.score = optional<int>(row[15]);
    out.correct = optional<int>(row[16]);
    out.total = optional<int>(row[17]);
    out.passed = optional<bool>(row[18]);
    if (!row[19].is_null())
        out.certificate = SessionCertificate{text(row[19]), AdminSql::timestamp(row[20]), row[21].as<bool>()};
    out.fingerprintHash = text(row[22]);
    out.fingerprintAttributes = jsonValue(row[23]);
    out.clientIp = optionalText(row[24]);
    out.userAgent = optionalText(row[25]);
    for (const QJsonValue &q : AdminSql::jsonb(row[26]).toArray())
        out.questionIds.append(q.toString());
    out.answers = AdminSql::jsonb(row[27]).toArray();
    out.telemetryQuestions = AdminSql::jsonb(row[28]).toArray();
    out.violations = violationCounts(row[29]);
    out.eventCount = row[30].as<qint64>();
    out.risk = ListRisk{row[31].as<int>(), riskLevelName(row[32].as<int>())};
    out.locale = text(row[33]);
    out.lastEventAt = AdminSql::timestamp(row[34]);
    out.persistentId = text(row[35]);
    out.timeLimitSeconds = row[36].as<int>();
    out.overtimeSeconds = row[37].as<qint64>();
    out.violationCount = row[38].as<qint64>();
    out.reviewState = ReviewState(row[39].as<int>());
    out.assessedAt = AdminSql::timestamp(row[40]);
    return out;
}

Expected<TimelinePage> events(pqxx::connection &c, const QUuid &id, const PageRequest &page)
{
    pqxx::nontransaction tx(c);
    if (!sessionExists(tx, id))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    Params p;
    const std::string sid = p.add(uuidText(id));
    std::string keyset;
    if (page.after) {
        const QJsonArray &k = *page.after;
        if (k.size() != 2 || !k[0].isDouble() || QUuid::fromString(k[1].toString()).isNull())
            return tl::unexpected(badCursor());
        keyset = " AND (e.seq, e.event_id) > (" + p.add(QString::number(k[0].toInt())) + "::integer, " +
                 p.add(k[1].toString()) + "::uuid)";
    }
    std::string violationList;
    for (const QString &t : ReviewSql::violationTypes())
        violationList += (violationList.empty() ? "'" : ", '") + t.toStdString() + "'";
    const pqxx::result r = tx.exec_params(
        "SELECT e.event_id::text, e.seq, e.type, " + iso("e.client_ts") + ", " + iso("e.received_at") +
            ", e.details::text, " + ReviewSql::afterFinishCondition() + ", e.type IN (" + violationList +
            ") "
            "FROM sessions s LEFT JOIN LATERAL (SELECT min(x.seq) AS fin_seq FROM events x WHERE "
            "x.session_id = s.id "
            "AND x.type = 'test_finished') f ON true JOIN events e ON e.session_id = s.id WHERE s.id = " +
            sid + "::uuid" + keyset + " ORDER BY e.seq, e.event_id LIMIT " + std::to_string(page.limit + 1),
        p.dynamic());
    TimelinePage out;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        TimelineEvent item;
        item.eventId = uuid(row[0]);
        item.seq = row[1].as<int>();
        item.type = text(row[2]);
        item.clientTs = AdminSql::timestamp(row[3]);
        item.receivedAt = AdminSql::timestamp(row[4]);
        item.details = jsonValue(row[5]);
        item.afterFinish = row[6].as<bool>();
        item.violation = row[7].as<bool>();
        lastKey = QJsonArray{item.seq, text(row[0])};
        out.items.append(std::move(item));
    }
    out.nextCursor = nextCursor(int(r.size()) > page.limit, lastKey);
    return out;
}

Expected<TelemetryRecord> telemetry(pqxx::connection &c, const QUuid &id)
{
    pqxx::nontransaction tx(c);
    if (!sessionExists(tx, id))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    const pqxx::result r = tx.exec_params(
        "SELECT questions::text, mouse::text, keystrokes::text, focus_loss_count, blur_ms, viewport::text "
        "FROM session_telemetry WHERE session_id = $1",
        toStd(uuidText(id)));
    if (r.empty()) // not finished yet: telemetry arrives with the result
        return TelemetryRecord{false, QJsonArray(), QJsonArray(), QJsonArray(), 0, 0, QJsonValue()};
    const pqxx::row &row = r[0];
    return TelemetryRecord{true,
                           jsonValue(row[0]),
                           jsonValue(row[1]),
                           jsonValue(row[2]),
                           row[3].as<qint64>(),
                           row[4].as<qint64>(),
                           jsonValue(row[5])};
}

Expected<AbandonedPage> abandoned(pqxx::connection &c, const QString &kind, int idleMinutes,
                                  const PageRequest &page)
{
    Params p;
    std::string where = "s.finished_at IS NULL AND s.kind = " + p.add(kind);
    if (idleMinutes > 0)
        where += " AND GREATEST(s.started_at, s.last_event_at) < now() - make_interval(mins => " +
                 p.add(std::to_string(idleMinutes)) + "::integer)";
    if (page.after) {
        const QJsonArray &k = *page.after;
        if (k.size() != 2 || !k[0].isString() || QUuid::fromString(k[1].toString()).isNull())
            return tl::unexpected(badCursor());
        where += " AND (s.started_at, s.id) < (" + p.add(k[0].toString()) + "::timestamptz, " +
                 p.add(k[1].toString()) + "::uuid)";
    }
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT s.id::text, s.kind, s.test_id, t.title, " + std::string(kCandidateColumns) + ", " +
            iso("s.started_at") + ", " + iso("s.last_event_at") + ", s.event_count, s.violations::text, " +
            keyTime("s.started_at") +
            ", s.fingerprint_hash "
            "FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = s.test_id "
            "WHERE " +
            where + " ORDER BY s.started_at DESC, s.id DESC LIMIT " + std::to_string(page.limit + 1),
        p.dynamic());
    AbandonedPage out;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        AbandonedRow item;
        item.sessionId = uuid(row[0]);
        item.kind = text(row[1]);
        item.testId = text(row[2]);
        item.testTitle = text(row[3]);
        item.candidate = candidateFrom(row, 4);
        item.startedAt = AdminSql::timestamp(row[9]);
        item.lastEventAt = AdminSql::timestamp(row[10]);
        item.eventCount = row[11].as<qint64>();
        item.violations = violationCounts(row[12]);
        item.fingerprintHash = text(row[14]);
        out.items.append(std::move(item));
        lastKey = QJsonArray{text(row[13]), text(row[0])};
    }
    out.nextCursor = nextCursor(int(r.size()) > page.limit, lastKey);
    return out;
}

Expected<CertificatePage> certificates(pqxx::connection &c, const CertificateFilter &f,
                                       const PageRequest &page)
{
    struct SortColumn
    {
        const char *name;
        std::string expr; // in the ORDER BY and the keyset comparison
        std::string key;  // how the key travels in the cursor (text)
        const char *cast;
    };
    const SortColumn columns[] = {{"issued", "ce.issued_at", keyTime("ce.issued_at"), "timestamptz"},
                                  {"number", "ce.number", "ce.number", "text"},
                                  {"holder", "ce.holder_name", "ce.holder_name", "text"},
                                  {"score", "ce.score", "ce.score::text", "integer"}};
    const SortColumn *sort = &columns[0];
    for (const SortColumn &col : columns)
        if (f.sort == QLatin1String(col.name))
            sort = &col;

    Params p;
    std::string where = "true";
    if (f.year) {
        const std::string start =
            f.month ? p.add(QStringLiteral("%1-%2-01")
                                .arg(*f.year, 4, 10, QLatin1Char('0'))
                                .arg(*f.month, 2, 10, QLatin1Char('0')))
                    : p.add(QStringLiteral("%1-01-01").arg(*f.year, 4, 10, QLatin1Char('0')));
        where += " AND ce.issued_at >= (" + start +
                 "::date::timestamp AT TIME ZONE 'UTC') AND ce.issued_at < ((" + start +
                 "::date + interval '1 " + (f.month ? "month" : "year") + "') AT TIME ZONE 'UTC')";
    }
    const char *dir = f.ascending ? "ASC" : "DESC";
    if (page.after) {
        const QJsonArray &k = *page.after;
        if (k.size() != 4 || k[0].toString() != QLatin1String(sort->name) || k[1].toBool() != f.ascending ||
            !k[2].isString() || !k[3].isString())
            return tl::unexpected(badCursor());
        where += " AND (" + sort->expr + ", ce.number) " + (f.ascending ? ">" : "<") + " (" +
                 p.add(k[2].toString()) + "::" + sort->cast + ", " + p.add(k[3].toString()) + "::text)";
    }
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT ce.number, ce.holder_name, ce.position, ce.test_id, t.title, ce.score, " +
            iso("ce.issued_at") + ", ce.session_id::text, ce.revoked_at IS NOT NULL, ce.candidate_id, " +
            sort->key + " FROM certificates ce JOIN tests t ON t.id = ce.test_id WHERE " + where +
            " ORDER BY " + sort->expr + " " + dir + ", ce.number " + dir + " LIMIT " +
            std::to_string(page.limit + 1),
        p.dynamic());
    CertificatePage out;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        out.items.append(CertificateRow{text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4]),
                                        row[5].as<int>(), AdminSql::timestamp(row[6]), uuid(row[7]),
                                        row[8].as<bool>(), row[9].as<qint64>()});
        lastKey = QJsonArray{QString::fromLatin1(sort->name), f.ascending, text(row[10]), text(row[0])};
    }
    out.nextCursor = nextCursor(int(r.size()) > page.limit, lastKey);
    return out;
}

Expected<SearchHits> search(pqxx::connection &c, const QString &query)
{
    const std::string like = toStd(AdminSql::containsPattern(query.trimmed()));
    const auto range = idPrefixRange(query);
    pqxx::nontransaction tx(c);
    SearchHits out;
    for (const auto &row :
         tx.exec_params("SELECT " + std::string(kCandidateColumns) +
                            ", c.email, (SELECT count(*) FROM sessions x WHERE x.candidate_id = c.id) "
                            "FROM candidates c WHERE " +
                            candidateNames("c") +
                            " ILIKE $1 OR c.email ILIKE $1 ORDER BY "
                            "c.last_name, c.first_name, c.id LIMIT 10",
                        like)) {
        out.candidates.append(CandidateHit{candidateFrom(row, 0), optionalText(row[5]), row[6].as<qint64>()});
    }
    for (const auto &row : tx.exec_params(
             "SELECT s.id::text, s.kind, s.status, s.test_id, s.score, s.passed, " + iso("s.started_at") +
                 ", " + std::string(kCandidateColumns) +
                 " FROM sessions s JOIN candidates c ON c.id = s.candidate_id "
                 "WHERE s.id IN (SELECT id FROM (SELECT x.id FROM candidates xc JOIN sessions x ON "
                 "x.candidate_id = xc.id WHERE " +
                 candidateNames("xc") +
                 " ILIKE $1 UNION SELECT x.id FROM sessions x WHERE x.id BETWEEN $2::uuid AND "
                 "$3::uuid) m(id) OFFSET 0) ORDER BY s.started_at DESC, s.id DESC LIMIT 10",
             like, range ? range->first : std::string("ffffffff-ffff-ffff-ffff-ffffffffffff"),
             range ? range->second : std::string("00000000-0000-0000-0000-000000000000")))
        out.sessions.append(SessionHit{uuid(row[0]), text(row[1]), text(row[2]), text(row[3]),
                                       optional<int>(row[4]), optional<bool>(row[5]),
                                       AdminSql::timestamp(row[6]), candidateFrom(row, 7)});
    for (const auto &row : tx.exec_params("SELECT number, holder_name, test_id, score, " + iso("issued_at") +
                                              ", session_id::text, revoked_at IS NOT NULL "
                                              "FROM certificates WHERE number ILIKE $1 OR holder_name ILIKE "
                                              "$1 ORDER BY issued_at DESC, number DESC LIMIT 10",
                                          like))
        out.certificates.append(CertificateHit{text(row[0]), text(row[1]), text(row[2]), row[3].as<int>(),
                                               AdminSql::timestamp(row[4]), uuid(row[5]), row[6].as<bool>()});
    return out;
}

} // namespace Proctor::Collector::Storage::ReviewRepository
