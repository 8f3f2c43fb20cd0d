// SPDX-License-Identifier: MIT
// Dashboard aggregates. Everything is counted over finished test sessions except violations, which are
// counted over the events of sessions started in the period (events are partitioned by session start).
#include "storage/reviewdashboard.h"

#include "storage/database.h"
#include "storage/reviewsql.h"

namespace Proctor::Collector::Storage::ReviewDashboard {
namespace {

std::optional<double> number(const pqxx::field &f)
{
    return f.is_null() ? std::nullopt : std::optional<double>(f.as<double>());
}

DashboardWindows windows(const pqxx::row &m, int first)
{
    return DashboardWindows{number(m[first]), number(m[first + 1]), number(m[first + 2])};
}

QString sqlTypeList()
{
    QStringList quoted;
    for (const QString &t : ReviewSql::violationTypes())
        quoted.append(QLatin1Char('\'') + t + QLatin1Char('\''));
    return quoted.join(QStringLiteral(", "));
}

} // namespace

DashboardAggregates read(pqxx::connection &c, int days)
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

    DashboardAggregates out;
    out.completed = windows(m, 0);
    out.averageScore = windows(m, 3);
    out.anomalies = windows(m, 6);
    out.uniqueCandidates = windows(m, 9);
    out.passRate = windows(m, 12);

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
        out.perDay.append(DayCount{QDate::fromString(toQString(row[0].as<std::string>()), Qt::ISODate),
                                   row[1].as<qint64>(), row[2].as<qint64>()});

    for (const auto &row :
         tx.exec("SELECT score, count(*) FROM sessions WHERE kind = 'test' AND score IS NOT NULL "
                 "AND finished_at >= now() - make_interval(days => " +
                 d + ") GROUP BY score"))
        out.scores.append(ScoreCount{row[0].as<int>(), row[1].as<qint64>()});

    const std::string types = toStd(sqlTypeList());
    for (const auto &row : tx.exec(
             "SELECT type, count(*) FROM events WHERE session_started_at >= now() - make_interval(days => " +
             d + ") AND type IN (" + types + ") GROUP BY type"))
        out.violationsByType.insert(toQString(row[0].as<std::string>()), row[1].as<qint64>());

    for (const auto &row : tx.exec("SELECT c.id, concat_ws(' ', c.last_name, c.first_name, "
                                   "NULLIF(c.middle_name, '')), count(*) AS n, "
                                   "count(DISTINCT s.id) FROM events e JOIN sessions s ON s.id = "
                                   "e.session_id JOIN candidates c ON c.id = s.candidate_id "
                                   "WHERE e.session_started_at >= now() - make_interval(days => " +
                                   d + ") AND e.type IN (" + types +
                                   ") "
                                   "GROUP BY c.id ORDER BY n DESC, c.id LIMIT 10"))
        out.topCandidates.append(AnomalousCandidate{row[0].as<qint64>(), toQString(row[1].as<std::string>()),
                                                    row[2].as<qint64>(), row[3].as<qint64>()});
    return out;
}

} // namespace Proctor::Collector::Storage::ReviewDashboard
