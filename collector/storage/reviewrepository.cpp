// SPDX-License-Identifier: MIT
// Review queries: results, session detail, timeline, telemetry, abandoned sessions, certificate registry,
// search.
#include "storage/reviewrepository.h"

#include <QJsonArray>
#include <QSet>

#include "contract/testdefinition.h"
#include "storage/adminsql.h"
#include "storage/database.h"
#include "storage/reviewsql.h"
#include "storage/testcatalog.h"

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

// c.id, c.last_name, c.first_name, c.middle_name, c.position starting at `i`.
const char *kCandidateColumns = "c.id, c.last_name, c.first_name, c.middle_name, c.position";

// A session id prefix as a LIKE pattern: the query's own % and _ are literal, or "%%" would match every id.
QString idPrefixPattern(const QString &query)
{
    return AdminSql::containsPattern(query.trimmed()).mid(1);
}

QJsonObject candidateJson(const pqxx::row &r, int i)
{
    return QJsonObject{{QStringLiteral("id"), r[i].as<qint64>()},
                       {QStringLiteral("lastName"), text(r[i + 1])},
                       {QStringLiteral("firstName"), text(r[i + 2])},
                       {QStringLiteral("middleName"), text(r[i + 3])},
                       {QStringLiteral("position"), text(r[i + 4])}};
}

QJsonValue gradeJson(const pqxx::field &score)
{
    if (score.is_null())
        return QJsonValue();
    const Contract::Grade g = Contract::grade(score.as<int>());
    return QJsonObject{{QStringLiteral("number"), g.number}, {QStringLiteral("key"), g.key}};
}

QJsonObject pageJson(const QJsonArray &items, const QJsonValue &next)
{
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}};
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool sessionExists(pqxx::transaction_base &tx, const QUuid &id)
{
    return !tx.exec_params("SELECT 1 FROM sessions WHERE id = $1", toStd(uuidText(id))).empty();
}

} // namespace

Expected<QJsonObject> results(pqxx::connection &c, const ResultFilter &f, const PageRequest &page)
{
    Params p;
    std::string where = "s.finished_at IS NOT NULL AND s.kind = 'test'";
    if (!f.testId.isEmpty())
        where += " AND s.test_id = " + p.add(f.testId);
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
        const std::string like = p.add(AdminSql::containsPattern(f.query));
        where += " AND (concat_ws(' ', c.last_name, c.first_name, c.middle_name) ILIKE " + like +
                 " OR concat_ws(' ', c.first_name, c.last_name) ILIKE " + like + " OR cert.number ILIKE " +
                 like + " OR s.id::text LIKE lower(" + p.add(idPrefixPattern(f.query)) + "))";
    }
    if (!f.risk.isEmpty())
        where += " AND rl.level = " + p.add(f.risk);

    const bool byScore = f.sort == QLatin1String("score");
    const std::string sortName = byScore ? "score" : "finished";
    if (page.after) {
        const QJsonArray &k = *page.after;
        if (k.size() != 3 || k[0].toString() != QString::fromStdString(sortName) ||
            QUuid::fromString(k[2].toString()).isNull())
            return tl::unexpected(badCursor());
        if (byScore) {
            if (!k[1].isDouble())
                return tl::unexpected(badCursor());
            where += " AND (s.score, s.id) < (" + p.add(QString::number(k[1].toInt())) + "::integer, " +
                     p.add(k[2].toString()) + "::uuid)";
        } else {
            where += " AND (s.finished_at, s.id) < (" + p.add(k[1].toString()) + "::timestamptz, " +
                     p.add(k[2].toString()) + "::uuid)";
        }
    }
    const std::string order = byScore ? "s.score DESC, s.id DESC" : "s.finished_at DESC, s.id DESC";
    const std::string sql =
        "SELECT s.id::text, s.test_id, t.title, " + std::string(kCandidateColumns) + ", " +
        iso("s.started_at") + ", " + iso("s.finished_at") +
        ", extract(epoch FROM s.finished_at - s.started_at)::bigint, s.score, s.passed, cert.number, "
        "s.fingerprint_hash, rs.score, rl.level, v.violations::text, " +
        keyTime("s.finished_at") +
        " FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = s.test_id "
        "LEFT JOIN certificates cert ON cert.session_id = s.id " +
        ReviewSql::violationJoins() + " WHERE " + where + " ORDER BY " + order + " LIMIT " +
        std::to_string(page.limit + 1);

    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(sql, p.dynamic());
    QJsonArray items;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        items.append(
            QJsonObject{{QStringLiteral("sessionId"), text(row[0])},
                        {QStringLiteral("testId"), text(row[1])},
                        {QStringLiteral("testTitle"), text(row[2])},
                        {QStringLiteral("candidate"), candidateJson(row, 3)},
                        {QStringLiteral("startedAt"), AdminSql::timestampJson(row[8])},
                        {QStringLiteral("finishedAt"), AdminSql::timestampJson(row[9])},
                        {QStringLiteral("durationSeconds"), AdminSql::intJson(row[10])},
                        {QStringLiteral("score"), AdminSql::intJson(row[11])},
                        {QStringLiteral("passed"), AdminSql::boolJson(row[12])},
                        {QStringLiteral("grade"), gradeJson(row[11])},
                        {QStringLiteral("certificateNumber"), AdminSql::textJson(row[13])},
                        {QStringLiteral("fingerprintHash"), text(row[14])},
                        {QStringLiteral("risk"), QJsonObject{{QStringLiteral("score"), row[15].as<int>()},
                                                             {QStringLiteral("level"), text(row[16])}}},
                        {QStringLiteral("violations"), AdminSql::jsonb(row[17])}});
        lastKey = byScore ? QJsonArray{QStringLiteral("score"), row[11].as<int>(), text(row[0])}
                          : QJsonArray{QStringLiteral("finished"), text(row[18]), text(row[0])};
    }
    return pageJson(items,
                    int(r.size()) > page.limit ? QJsonValue(ReviewCursor::encode(lastKey)) : QJsonValue());
}

Expected<QJsonObject> session(pqxx::connection &c, TestCatalog &tests, const QUuid &id)
{
    QJsonObject out;
    QString testId;
    QJsonArray questionIds, answers, telemetryQuestions;
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
                "s.answers::text, tel.questions::text, v.violations::text, v.event_count, rs.score, "
                "rl.level, s.locale, " +
                iso("v.last_event_at") +
                ", c.persistent_id, t.time_limit_seconds, round(ot.seconds)::bigint"
                " FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = "
                "s.test_id "
                "LEFT JOIN certificates cert ON cert.session_id = s.id "
                "LEFT JOIN session_telemetry tel ON tel.session_id = s.id " +
                ReviewSql::violationJoins() + " WHERE s.id = $1",
            toStd(uuidText(id)));
        if (r.empty())
            return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
        const pqxx::row &row = r[0];
        testId = text(row[3]);
        QJsonObject candidate = candidateJson(row, 6);
        candidate.insert(QStringLiteral("email"), AdminSql::textJson(row[11]));
        candidate.insert(QStringLiteral("persistentId"), text(row[35]));
        QJsonValue certificate;
        if (!row[19].is_null())
            certificate = QJsonObject{{QStringLiteral("number"), text(row[19])},
                                      {QStringLiteral("issuedAt"), AdminSql::timestampJson(row[20])},
                                      {QStringLiteral("revoked"), row[21].as<bool>()}};
        out = QJsonObject{
            {QStringLiteral("sessionId"), text(row[0])},
            {QStringLiteral("kind"), text(row[1])},
            {QStringLiteral("status"), text(row[2])},
            {QStringLiteral("locale"), text(row[33])},
            {QStringLiteral("test"), QJsonObject{{QStringLiteral("id"), testId},
                                                 {QStringLiteral("title"), text(row[4])},
                                                 {QStringLiteral("passThreshold"), row[5].as<int>()}}},
            {QStringLiteral("candidate"), candidate},
            {QStringLiteral("startedAt"), AdminSql::timestampJson(row[12])},
            {QStringLiteral("finishedAt"), AdminSql::timestampJson(row[13])},
            {QStringLiteral("durationSeconds"), AdminSql::intJson(row[14])},
            {QStringLiteral("timeLimitSeconds"), row[36].as<int>()},
            {QStringLiteral("overtimeSeconds"), row[37].as<qint64>()},
            {QStringLiteral("score"), AdminSql::intJson(row[15])},
            {QStringLiteral("correct"), AdminSql::intJson(row[16])},
            {QStringLiteral("total"), AdminSql::intJson(row[17])},
            {QStringLiteral("passed"), AdminSql::boolJson(row[18])},
            {QStringLiteral("grade"), gradeJson(row[15])},
            {QStringLiteral("certificate"), certificate},
            {QStringLiteral("fingerprint"),
             QJsonObject{{QStringLiteral("hash"), text(row[22])},
                         {QStringLiteral("attributes"), AdminSql::jsonb(row[23])}}},
            {QStringLiteral("clientIp"), AdminSql::textJson(row[24])},
            {QStringLiteral("userAgent"), AdminSql::textJson(row[25])},
            {QStringLiteral("violations"), AdminSql::jsonb(row[29])},
            {QStringLiteral("eventCount"), row[30].as<qint64>()},
            {QStringLiteral("lastEventAt"), AdminSql::timestampJson(row[34])},
            {QStringLiteral("risk"), QJsonObject{{QStringLiteral("score"), row[31].as<int>()},
                                                 {QStringLiteral("level"), text(row[32])}}}};
        questionIds = AdminSql::jsonb(row[26]).toArray();
        answers = AdminSql::jsonb(row[27]).toArray();
        telemetryQuestions = AdminSql::jsonb(row[28]).toArray();
    }

    // Answers with the key: from the test definition, so the key stays on the server and in admin hands.
    const auto test = tests.get(c, testId);
    QHash<QString, QStringList> chosen;
    for (const QJsonValue &a : answers) {
        QStringList ids;
        for (const QJsonValue &o : a.toObject().value(QStringLiteral("optionIds")).toArray())
            ids.append(o.toString());
        chosen.insert(a.toObject().value(QStringLiteral("questionId")).toString(), ids);
    }
    QHash<QString, QJsonObject> timing;
    for (const QJsonValue &q : telemetryQuestions)
        timing.insert(q.toObject().value(QStringLiteral("questionId")).toString(), q.toObject());
    QJsonArray answerRows;
    for (const QJsonValue &qid : questionIds) {
        const QString questionId = qid.toString();
        const Contract::Question *q = test ? (*test)->findQuestion(questionId) : nullptr;
        QJsonArray options;
        QStringList correct;
        if (q) {
            for (const Contract::Option &o : q->options)
                options.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("text"), o.text}});
            correct = q->correct;
        }
        const bool answered = chosen.contains(questionId);
        const QStringList picked = chosen.value(questionId);
        const bool isCorrect =
            q && answered &&
            QSet<QString>(picked.begin(), picked.end()) == QSet<QString>(correct.begin(), correct.end());
        const QJsonObject t = timing.value(questionId);
        answerRows.append(
            QJsonObject{{QStringLiteral("questionId"), questionId},
                        {QStringLiteral("text"), q ? QJsonValue(q->text) : QJsonValue()},
                        {QStringLiteral("options"), options},
                        {QStringLiteral("chosen"), QJsonArray::fromStringList(picked)},
                        {QStringLiteral("correct"), QJsonArray::fromStringList(correct)},
                        {QStringLiteral("answered"), answered},
                        {QStringLiteral("isCorrect"), isCorrect},
                        {QStringLiteral("latencyMs"), t.value(QStringLiteral("latencyMs"))},
                        {QStringLiteral("answerChanges"), t.value(QStringLiteral("answerChanges"))}});
    }
    out.insert(QStringLiteral("answers"), answerRows);
    return out;
}

Expected<QJsonObject> events(pqxx::connection &c, const QUuid &id, const PageRequest &page)
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
    QJsonArray items;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        items.append(QJsonObject{{QStringLiteral("eventId"), text(row[0])},
                                 {QStringLiteral("seq"), row[1].as<int>()},
                                 {QStringLiteral("type"), text(row[2])},
                                 {QStringLiteral("clientTs"), AdminSql::timestampJson(row[3])},
                                 {QStringLiteral("receivedAt"), AdminSql::timestampJson(row[4])},
                                 {QStringLiteral("details"), AdminSql::jsonb(row[5])},
                                 {QStringLiteral("afterFinish"), row[6].as<bool>()},
                                 {QStringLiteral("violation"), row[7].as<bool>()}});
    }
    QJsonValue next;
    if (int(r.size()) > page.limit) {
        const QJsonObject last = items.last().toObject();
        next = ReviewCursor::encode(
            QJsonArray{last.value(QStringLiteral("seq")), last.value(QStringLiteral("eventId"))});
    }
    return pageJson(items, next);
}

Expected<QJsonObject> telemetry(pqxx::connection &c, const QUuid &id)
{
    pqxx::nontransaction tx(c);
    if (!sessionExists(tx, id))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    const pqxx::result r = tx.exec_params(
        "SELECT questions::text, mouse::text, keystrokes::text, focus_loss_count, blur_ms, viewport::text "
        "FROM session_telemetry WHERE session_id = $1",
        toStd(uuidText(id)));
    if (r.empty()) // not finished yet: telemetry arrives with the result
        return QJsonObject{
            {QStringLiteral("submitted"), false},      {QStringLiteral("questions"), QJsonArray()},
            {QStringLiteral("mouse"), QJsonArray()},   {QStringLiteral("keystrokes"), QJsonArray()},
            {QStringLiteral("focusLossCount"), 0},     {QStringLiteral("blurMs"), 0},
            {QStringLiteral("viewport"), QJsonValue()}};
    const pqxx::row &row = r[0];
    return QJsonObject{{QStringLiteral("submitted"), true},
                       {QStringLiteral("questions"), AdminSql::jsonb(row[0])},
                       {QStringLiteral("mouse"), AdminSql::jsonb(row[1])},
                       {QStringLiteral("keystrokes"), AdminSql::jsonb(row[2])},
                       {QStringLiteral("focusLossCount"), row[3].as<qint64>()},
                       {QStringLiteral("blurMs"), row[4].as<qint64>()},
                       {QStringLiteral("viewport"), AdminSql::jsonb(row[5])}};
}

Expected<QJsonObject> abandoned(pqxx::connection &c, const QString &kind, int idleMinutes,
                                const PageRequest &page)
{
    Params p;
    std::string where = "s.finished_at IS NULL AND s.kind = " + p.add(kind);
    if (idleMinutes > 0)
        where += " AND GREATEST(s.started_at, v.last_event_at) < now() - make_interval(mins => " +
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
            iso("s.started_at") + ", " + iso("v.last_event_at") + ", v.event_count, v.violations::text, " +
            keyTime("s.started_at") +
            ", s.fingerprint_hash "
            "FROM sessions s JOIN candidates c ON c.id = s.candidate_id JOIN tests t ON t.id = s.test_id " +
            ReviewSql::violationJoins() + " WHERE " + where +
            " ORDER BY s.started_at DESC, s.id DESC LIMIT " + std::to_string(page.limit + 1),
        p.dynamic());
    QJsonArray items;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        items.append(QJsonObject{{QStringLiteral("sessionId"), text(row[0])},
                                 {QStringLiteral("kind"), text(row[1])},
                                 {QStringLiteral("testId"), text(row[2])},
                                 {QStringLiteral("testTitle"), text(row[3])},
                                 {QStringLiteral("candidate"), candidateJson(row, 4)},
                                 {QStringLiteral("startedAt"), AdminSql::timestampJson(row[9])},
                                 {QStringLiteral("lastEventAt"), AdminSql::timestampJson(row[10])},
                                 {QStringLiteral("eventCount"), row[11].as<qint64>()},
                                 {QStringLiteral("violations"), AdminSql::jsonb(row[12])},
                                 {QStringLiteral("fingerprintHash"), text(row[14])}});
        lastKey = QJsonArray{text(row[13]), text(row[0])};
    }
    return pageJson(items,
                    int(r.size()) > page.limit ? QJsonValue(ReviewCursor::encode(lastKey)) : QJsonValue());
}

Expected<QJsonObject> certificates(pqxx::connection &c, const CertificateFilter &f, const PageRequest &page)
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
    QJsonArray items;
    QJsonArray lastKey;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const pqxx::row &row = r[i];
        items.append(QJsonObject{{QStringLiteral("number"), text(row[0])},
                                 {QStringLiteral("holderName"), text(row[1])},
                                 {QStringLiteral("position"), text(row[2])},
                                 {QStringLiteral("testId"), text(row[3])},
                                 {QStringLiteral("testTitle"), text(row[4])},
                                 {QStringLiteral("score"), row[5].as<int>()},
                                 {QStringLiteral("issuedAt"), AdminSql::timestampJson(row[6])},
                                 {QStringLiteral("sessionId"), text(row[7])},
                                 {QStringLiteral("revoked"), row[8].as<bool>()},
                                 {QStringLiteral("candidateId"), row[9].as<qint64>()}});
        lastKey = QJsonArray{QString::fromLatin1(sort->name), f.ascending, text(row[10]), text(row[0])};
    }
    return pageJson(items,
                    int(r.size()) > page.limit ? QJsonValue(ReviewCursor::encode(lastKey)) : QJsonValue());
}

Expected<QJsonObject> search(pqxx::connection &c, const QString &query)
{
    const std::string like = toStd(AdminSql::containsPattern(query.trimmed()));
    const std::string prefix = toStd(idPrefixPattern(query).toLower());
    pqxx::nontransaction tx(c);
    QJsonArray candidates, sessions, certificates;
    for (const auto &row : tx.exec_params(
             "SELECT " + std::string(kCandidateColumns) +
                 ", c.email, (SELECT count(*) FROM sessions x WHERE x.candidate_id = c.id) "
                 "FROM candidates c WHERE concat_ws(' ', c.last_name, c.first_name, c.middle_name) ILIKE $1 "
                 "OR concat_ws(' ', c.first_name, c.last_name) ILIKE $1 OR c.email ILIKE $1 ORDER BY "
                 "c.last_name, c.first_name, c.id LIMIT 10",
             like)) {
        QJsonObject cand = candidateJson(row, 0);
        cand.insert(QStringLiteral("email"), AdminSql::textJson(row[5]));
        cand.insert(QStringLiteral("sessionCount"), row[6].as<qint64>());
        candidates.append(cand);
    }
    for (const auto &row :
         tx.exec_params("SELECT s.id::text, s.kind, s.status, s.test_id, s.score, s.passed, " +
                            iso("s.started_at") + ", " + std::string(kCandidateColumns) +
                            " FROM sessions s JOIN candidates c ON c.id = s.candidate_id "
                            "WHERE s.id::text LIKE $2 OR concat_ws(' ', c.last_name, c.first_name, "
                            "c.middle_name) ILIKE $1 "
                            "OR concat_ws(' ', c.first_name, c.last_name) ILIKE $1 ORDER BY s.started_at "
                            "DESC, s.id DESC LIMIT 10",
                        like, prefix))
        sessions.append(QJsonObject{{QStringLiteral("sessionId"), text(row[0])},
                                    {QStringLiteral("kind"), text(row[1])},
                                    {QStringLiteral("status"), text(row[2])},
                                    {QStringLiteral("testId"), text(row[3])},
                                    {QStringLiteral("score"), AdminSql::intJson(row[4])},
                                    {QStringLiteral("passed"), AdminSql::boolJson(row[5])},
                                    {QStringLiteral("startedAt"), AdminSql::timestampJson(row[6])},
                                    {QStringLiteral("candidate"), candidateJson(row, 7)}});
    for (const auto &row : tx.exec_params("SELECT number, holder_name, test_id, score, " + iso("issued_at") +
                                              ", session_id::text, revoked_at IS NOT NULL "
                                              "FROM certificates WHERE number ILIKE $1 OR holder_name ILIKE "
                                              "$1 ORDER BY issued_at DESC, number DESC LIMIT 10",
                                          like))
        certificates.append(QJsonObject{{QStringLiteral("number"), text(row[0])},
                                        {QStringLiteral("holderName"), text(row[1])},
                                        {QStringLiteral("testId"), text(row[2])},
                                        {QStringLiteral("score"), row[3].as<int>()},
                                        {QStringLiteral("issuedAt"), AdminSql::timestampJson(row[4])},
                                        {QStringLiteral("sessionId"), text(row[5])},
                                        {QStringLiteral("revoked"), row[6].as<bool>()}});
    return QJsonObject{{QStringLiteral("candidates"), candidates},
                       {QStringLiteral("sessions"), sessions},
                       {QStringLiteral("certificates"), certificates}};
}

} // namespace Proctor::Collector::Storage::ReviewRepository
