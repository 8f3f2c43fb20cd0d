// SPDX-License-Identifier: MIT
// Dashboard aggregates over finished test sessions, from the daily rollups of 0010_review_reads.sql
// (review_daily, review_daily_violations, review_candidate_days), which triggers on sessions keep equal to
// the stored assessment: a year costs a few thousand rollup rows, not a scan of every session and event.
#include "storage/reviewdashboard.h"

#include "storage/database.h"

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

} // namespace

DashboardAggregates read(pqxx::connection &c, int days)
{
    pqxx::read_transaction tx(c);
    // Whole UTC days: the period is today and the days - 1 before it; "last 7 days" is today and the 6
    // before, "previous 7 days" the 7 before those (the rollups count per day of finishing).
    const std::string first = "((now() AT TIME ZONE 'UTC')::date - " + std::to_string(days - 1) + ")";
    const std::string w1 = "((now() AT TIME ZONE 'UTC')::date - 6)";
    const std::string w0 = "((now() AT TIME ZONE 'UTC')::date - 13)";
    const std::string since = "LEAST(" + first + ", " + w0 + ")";
    const pqxx::row m = tx.exec1(
        "WITH b AS (SELECT day >= " + first + " AS p, day >= " + w1 + " AS w1, day >= " + w0 + " AND day < " +
        w1 + " AS w0, score, sessions, passed, anomalous FROM review_daily WHERE day >= " + since +
        ") "
        "SELECT sum(sessions) FILTER (WHERE p), sum(sessions) FILTER (WHERE w1), sum(sessions) FILTER (WHERE "
        "w0), "
        "  sum(score * sessions) FILTER (WHERE p AND score >= 0)::double precision / "
        "    NULLIF(sum(sessions) FILTER (WHERE p AND score >= 0), 0), "
        "  sum(score * sessions) FILTER (WHERE w1 AND score >= 0)::double precision / "
        "    NULLIF(sum(sessions) FILTER (WHERE w1 AND score >= 0), 0), "
        "  sum(score * sessions) FILTER (WHERE w0 AND score >= 0)::double precision / "
        "    NULLIF(sum(sessions) FILTER (WHERE w0 AND score >= 0), 0), "
        "  sum(anomalous) FILTER (WHERE p), sum(anomalous) FILTER (WHERE w1), sum(anomalous) FILTER (WHERE "
        "w0), "
        "  100.0 * sum(passed) FILTER (WHERE p) / NULLIF(sum(sessions) FILTER (WHERE p), 0), "
        "  100.0 * sum(passed) FILTER (WHERE w1) / NULLIF(sum(sessions) FILTER (WHERE w1), 0), "
        "  100.0 * sum(passed) FILTER (WHERE w0) / NULLIF(sum(sessions) FILTER (WHERE w0), 0) FROM b");

    DashboardAggregates out;
    // Counts are 0, not null, over no rows (sum() gives null).
    const auto count = [](const pqxx::field &f) {
        return std::optional<double>(f.is_null() ? 0.0 : f.as<double>());
    };
    out.completed = DashboardWindows{count(m[0]), count(m[1]), count(m[2])};
    out.averageScore = windows(m, 3);
    out.anomalies = DashboardWindows{count(m[6]), count(m[7]), count(m[8])};
    out.passRate = windows(m, 9);

    // Distinct candidates: those whose latest finish is in the window, for the windows that end now (a
    // candidate finished in the last N days exactly when their latest finish is), summed per day of that
    // finish; the previous week, which does not end now, counts its few sessions directly.
    const pqxx::row u = tx.exec1(
        "SELECT (SELECT COALESCE(sum(candidates), 0) FROM review_candidate_days WHERE day >= " + first +
        "), (SELECT COALESCE(sum(candidates), 0) FROM review_candidate_days WHERE day >= " + w1 +
        "), (SELECT count(DISTINCT candidate_id) FROM sessions WHERE kind = 'test' AND finished_at IS NOT "
        "NULL "
        "AND finished_at >= (" +
        w0 + "::timestamp AT TIME ZONE 'UTC') AND finished_at < (" + w1 + "::timestamp AT TIME ZONE 'UTC'))");
    out.uniqueCandidates = DashboardWindows{count(u[0]), count(u[1]), count(u[2])};

    for (const auto &row : tx.exec(
             "WITH f AS (SELECT day, sum(sessions) AS n, sum(passed) AS ok FROM review_daily WHERE day >= " +
             first +
             " GROUP BY day) SELECT to_char(g.day, 'YYYY-MM-DD'), COALESCE(f.n, 0), COALESCE(f.ok, 0) "
             "FROM generate_series(" +
             first +
             ", (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS g(day) LEFT JOIN f ON f.day = "
             "g.day::date "
             "ORDER BY g.day"))
        out.perDay.append(DayCount{QDate::fromString(toQString(row[0].as<std::string>()), Qt::ISODate),
                                   row[1].as<qint64>(), row[2].as<qint64>()});

    for (const auto &row :
         tx.exec("SELECT score, sum(sessions) FROM review_daily WHERE score >= 0 AND day >= " + first +
                 " GROUP BY score HAVING sum(sessions) > 0"))
        out.scores.append(ScoreCount{row[0].as<int>(), row[1].as<qint64>()});

    for (const auto &row : tx.exec("SELECT type, sum(events) FROM review_daily_violations WHERE day >= " +
                                   first + " GROUP BY type HAVING sum(events) > 0"))
        out.violationsByType.insert(toQString(row[0].as<std::string>()), row[1].as<qint64>());

    // Only sessions with violations, read index-only (sessions_review_violating).
    for (
        const auto &row : tx.exec(
            "SELECT c.id, concat_ws(' ', c.last_name, c.first_name, NULLIF(c.middle_name, '')), t.n, t.k "
            "FROM (SELECT candidate_id, sum(violation_count) AS n, count(*) AS k FROM sessions "
            "  WHERE kind = 'test' AND finished_at IS NOT NULL AND violation_count > 0 AND finished_at >= (" +
            first +
            "::timestamp AT TIME ZONE 'UTC') GROUP BY candidate_id ORDER BY n DESC, candidate_id LIMIT 10) t "
            "JOIN candidates c ON c.id = t.candidate_id ORDER BY t.n DESC, c.id"))
        out.topCandidates.append(AnomalousCandidate{row[0].as<qint64>(), toQString(row[1].as<std::string>()),
                                                    row[2].as<qint64>(), row[3].as<qint64>()});
    return out;
}

} // namespace Proctor::Collector::Storage::ReviewDashboard
