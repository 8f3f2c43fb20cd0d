// SPDX-License-Identifier: MIT
// SQL pieces the review reads share. The risk score, the level and the violation counts are NOT computed
// here: the assessment (shared/analysis, written by the collector's assessment maintainer) stores them with
// the session (db/migrations/0006), and every list, filter, sort and the dashboard read those columns.
// What stays are facts of one session's timeline (is an event after the finish, how late was the finish)
// and the list of violation types the dashboard reports.
#pragma once

#include <string>

#include <QStringList>

namespace Proctor::Collector::Storage::ReviewSql {

// Event types counted as violations (the `violations` object of every list row).
inline const QStringList &violationTypes()
{
    static const QStringList types{QStringLiteral("focus_loss"),     QStringLiteral("visibility_hidden"),
                                   QStringLiteral("copy_attempt"),   QStringLiteral("cut_attempt"),
                                   QStringLiteral("paste_attempt"),  QStringLiteral("context_menu"),
                                   QStringLiteral("print_attempt"),  QStringLiteral("screenshot_attempt"),
                                   QStringLiteral("fullscreen_exit")};
    return types;
}

// "Event is after the finish" for events alias `e`, session alias `s`, finish lateral `f`: after the
// test_finished event when there is one, else received after the result was stored.
inline std::string afterFinishCondition()
{
    return "((f.fin_seq IS NOT NULL AND e.seq > f.fin_seq) OR "
           "(f.fin_seq IS NULL AND s.finished_at IS NOT NULL AND e.received_at > s.finished_at))";
}

// Seconds the session `s` finished after its test's time limit (0: no limit, not finished, or in time).
inline std::string overtimeSecondsExpression()
{
    return "COALESCE((SELECT CASE WHEN tl.time_limit_seconds > 0 AND s.finished_at IS NOT NULL "
           "THEN GREATEST(0, extract(epoch FROM s.finished_at - s.started_at) - tl.time_limit_seconds) ELSE "
           "0 END "
           "FROM tests tl WHERE tl.id = s.test_id), 0)::double precision";
}

} // namespace Proctor::Collector::Storage::ReviewSql
