// SPDX-License-Identifier: MIT
// Dashboard aggregates. Everything is counted over finished test sessions except violations, which are
// counted over the events of sessions started in the period (events are partitioned by session start).
#include "storage/reviewdashboard.h"

#include <cmath>

#include <QJsonArray>

#include "contract/testdefinition.h"
#include "storage/adminsql.h"
#include "storage/database.h"
#include "storage/reviewsql.h"

namespace Proctor::Collector::Storage::ReviewDashboard {
namespace {

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

double number(const pqxx::field &f)
{
    return f.is_null() ? 0.0 : f.as<double>();
}

// Percentage change of the last 7 days against the 7 days before; null when there is nothing to compare with.
QJsonValue change(const pqxx::field &last, const pqxx::field &previous)
{
    if (last.is_null() || previous.is_null())
        return QJsonValue();
    const double before = previous.as<double>();
    if (before == 0.0)
        return QJsonValue();
    return round1((last.as<double>() - before) / before * 100.0);
}

QJsonObject metric(const QJsonValue &value, const pqxx::field &last, const pqxx::field &previous)
{
    return QJsonObject{
        {QStringLiteral("value"), value},
        {QStringLiteral("last7Days"), last.is_null() ? QJsonValue() : QJsonValue(round1(last.as<double>()))},
        {QStringLiteral("previous7Days"),
         previous.is_null() ? QJsonValue() : QJsonValue(round1(previous.as<double>()))},
        {QStringLiteral("change"), change(last, previous)}};
}

QString sqlTypeList()
{
    QStringList quoted;
    for (const QString &t : ReviewSql::violationTypes())
        quoted.append(QLatin1Char('\'') + t + QLatin1Char('\''));
    return quoted.join(QStringLiteral(", "));
}

} // namespace

QJsonObject compute(pqxx::connection &c, int days)
{
    pqxx::read_transaction tx(c);
    const std::string d = std::to_string(days);
    // One pass over the sessions finished in max(days, 14) days, windows as flags.
    const pqxx::row m = tx.exec1(
        "WITH b AS (SELECT s.candidate_id, s.score, s.passed, rl.level <> 'low' AS anomalous, "
        "  s.finished_at >= now() - make_interval(days => " +
        d +
        ") AS p, "
        "  s.finished_at >= now() - interval '7 days' AS w1, "
        "  s.finished_at < now() - interval '7 days' AND s.finished_at >= now() - interval '14 days' AS w0 "
        "  FROM sessions s " +
        ReviewSql::violationJoins() +
        "  WHERE s.kind = 'test' AND s.finished_at IS NOT NULL "
        "  AND s.finished_at >= now() - make_interval(days => GREATEST(" +
        d +
        ", 14))) "
        "SELECT count(*) FILTER (WHERE p), count(*) FILTER (WHERE w1), count(*) FILTER (WHERE w0), "
        "  avg(score) FILTER (WHERE p), avg(score) FILTER (WHERE w1), avg(score) FILTER (WHERE w0), "
        "  count(*) FILTER (WHERE p AND anomalous), count(*) FILTER (WHERE w1 AND anomalous), count(*) "
        "FILTER (WHERE w0 AND anomalous), "
        "  count(DISTINCT candidate_id) FILTER (WHERE p), count(DISTINCT candidate_id) FILTER (WHERE w1), "
        "  count(DISTINCT candidate_id) FILTER (WHERE w0), "
        "  100.0 * avg(passed::int) FILTER (WHERE p), 100.0 * avg(passed::int) FILTER (WHERE w1), "
        "  100.0 * avg(passed::int) FILTER (WHERE w0) FROM b");

    QJsonObject out{
        {QStringLiteral("days"), days},
        {QStringLiteral("completed"), metric(m[0].as<qint64>(), m[1], m[2])},
        {QStringLiteral("averageScore"),
         metric(m[3].is_null() ? QJsonValue() : QJsonValue(round1(number(m[3]))), m[4], m[5])},
        {QStringLiteral("anomalies"), metric(m[6].as<qint64>(), m[7], m[8])},
        {QStringLiteral("uniqueCandidates"), metric(m[9].as<qint64>(), m[10], m[11])},
        {QStringLiteral("passRate"),
         metric(m[12].is_null() ? QJsonValue() : QJsonValue(round1(number(m[12]))), m[13], m[14])}};

    QJsonArray perDay;
    for (const auto &row : tx.exec(
             "WITH f AS (SELECT (finished_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n, count(*) "
             "FILTER (WHERE passed) AS ok "
             "  FROM sessions WHERE kind = 'test' AND finished_at >= ((now() AT TIME ZONE 'UTC')::date - " +
             std::to_string(days - 1) +
             ")::timestamp AT TIME ZONE 'UTC' GROUP BY 1) "
             "SELECT to_char(g.day, 'YYYY-MM-DD'), COALESCE(f.n, 0), COALESCE(f.ok, 0) "
             "FROM generate_series((now() AT TIME ZONE 'UTC')::date - " +
             std::to_string(days - 1) +
             ", (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS g(day) LEFT JOIN f ON f.day = "
             "g.day::date ORDER BY g.day"))
        perDay.append(QJsonObject{{QStringLiteral("date"), toQString(row[0].as<std::string>())},
                                  {QStringLiteral("completed"), row[1].as<qint64>()},
                                  {QStringLiteral("passed"), row[2].as<qint64>()}});
    out.insert(QStringLiteral("perDay"), perDay);

    QJsonObject grades{{QStringLiteral("excellent"), 0},
                       {QStringLiteral("good"), 0},
                       {QStringLiteral("satisfactory"), 0},
                       {QStringLiteral("unsatisfactory"), 0},
                       {QStringLiteral("poor"), 0}};
    for (const auto &row :
         tx.exec("SELECT score, count(*) FROM sessions WHERE kind = 'test' AND score IS NOT NULL "
                 "AND finished_at >= now() - make_interval(days => " +
                 d + ") GROUP BY score")) {
        const QString key = Contract::grade(row[0].as<int>()).key;
        grades.insert(key, grades.value(key).toInteger() + row[1].as<qint64>());
    }
    out.insert(QStringLiteral("grades"), grades);

    const std::string types = toStd(sqlTypeList());
    QJsonObject byType;
    for (const QString &t : ReviewSql::violationTypes())
        byType.insert(t, 0);
    for (const auto &row : tx.exec(
             "SELECT type, count(*) FROM events WHERE session_started_at >= now() - make_interval(days => " +
             d + ") AND type IN (" + types + ") GROUP BY type"))
        byType.insert(toQString(row[0].as<std::string>()), row[1].as<qint64>());
    out.insert(QStringLiteral("violationsByType"), byType);

    QJsonArray top;
    for (const auto &row : tx.exec("SELECT c.id, concat_ws(' ', c.last_name, c.first_name, "
                                   "NULLIF(c.middle_name, '')), count(*) AS n, "
                                   "count(DISTINCT s.id) FROM events e JOIN sessions s ON s.id = "
                                   "e.session_id JOIN candidates c ON c.id = s.candidate_id "
                                   "WHERE e.session_started_at >= now() - make_interval(days => " +
                                   d + ") AND e.type IN (" + types +
                                   ") "
                                   "GROUP BY c.id ORDER BY n DESC, c.id LIMIT 10"))
        top.append(QJsonObject{{QStringLiteral("candidateId"), row[0].as<qint64>()},
                               {QStringLiteral("name"), toQString(row[1].as<std::string>())},
                               {QStringLiteral("anomalies"), row[2].as<qint64>()},
                               {QStringLiteral("sessions"), row[3].as<qint64>()}});
    out.insert(QStringLiteral("topCandidatesByAnomalies"), top);
    return out;
}

} // namespace Proctor::Collector::Storage::ReviewDashboard
