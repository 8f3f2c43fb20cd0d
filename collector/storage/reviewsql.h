// SPDX-License-Identifier: MIT
// SQL shared by the review lists: per-session violation counts and the event-based risk score.
//
// The risk score here is the event part of the shared risk model (analysis/riskscore.h, RiskConfig
// defaults: thresholds and points are read from it, not copied): focus losses, time away, print and
// screenshot attempts, clipboard, fullscreen exits, events after test_finished, overtime. It is computed in
// SQL from the events on every read, so lists can filter and page by it without a stored column going stale
// when late events arrive. The similarity factors (mouse, keystrokes) need cross-session DTW and are
// only in GET /api/v1/sessions/{id}/risk; that endpoint's score can therefore be higher than the list's.
#pragma once

#include <string>

#include <QStringList>

#include "analysis/riskscore.h"

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

inline std::string quotedList(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &i : items)
        out += (out.empty() ? "'" : ", '") + i + "'"; // fixed identifiers from code, never user input
    return out;
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

// LEFT JOIN LATERALs for the session alias `s`, exposing:
//   v.event_count, v.last_event_at, v.violations (jsonb, only non-zero counts), ot.seconds (overtime),
//   rs.score (0..100), rl.level.
inline std::string violationJoins()
{
    const Analysis::RiskConfig cfg;
    auto num = [](double v) { return std::to_string(v); };
    std::string counts;
    for (const QString &t : violationTypes()) {
        const std::string type = t.toStdString();
        counts += (counts.empty() ? "" : ", ") + std::string("'") + type +
                  "', NULLIF(count(*) FILTER (WHERE e.type = '" + type + "'), 0)";
    }
    return "LEFT JOIN LATERAL (SELECT min(x.seq) AS fin_seq FROM events x WHERE x.session_id = s.id AND "
           "x.type = 'test_finished') f ON true "
           "LEFT JOIN LATERAL (SELECT count(*) AS event_count, max(e.received_at) AS last_event_at, "
           "  jsonb_strip_nulls(jsonb_build_object(" +
           counts +
           ")) AS violations, "
           "  count(*) FILTER (WHERE e.type = 'focus_loss') AS n_focus, "
           "  COALESCE(sum((e.details->>'durationMs')::numeric) FILTER (WHERE e.type = 'focus_gain'), 0) AS "
           "blur_ms, "
           "  count(*) FILTER (WHERE e.type IN ('print_attempt', 'screenshot_attempt')) AS n_print, "
           "  count(*) FILTER (WHERE e.type IN ('copy_attempt', 'cut_attempt', 'paste_attempt')) AS n_clip, "
           "  count(*) FILTER (WHERE e.type = 'fullscreen_exit') AS n_fullscreen, "
           "  count(*) FILTER (WHERE " +
           afterFinishCondition() + " AND e.type NOT IN (" + quotedList(cfg.allowedAfterFinish) +
           ")) AS n_after "
           "  FROM events e WHERE e.session_id = s.id) v ON true "
           "CROSS JOIN LATERAL (SELECT " +
           overtimeSecondsExpression() +
           " AS seconds) ot "
           "CROSS JOIN LATERAL (SELECT LEAST(100, "
           "  CASE WHEN v.n_focus > " +
           std::to_string(cfg.maxFocusLosses) + " THEN " + num(cfg.focusLossPoints) +
           " ELSE 0 END + "
           "  CASE WHEN v.blur_ms > " +
           num(cfg.maxBlurMs) + " THEN " + num(cfg.blurPoints) +
           " ELSE 0 END + "
           "  CASE WHEN v.n_print > " +
           std::to_string(cfg.maxPrintAttempts) + " THEN " + num(cfg.printPoints) +
           " ELSE 0 END + "
           "  CASE WHEN v.n_clip > " +
           std::to_string(cfg.maxClipboardAttempts) + " THEN " + num(cfg.clipboardPoints) +
           " ELSE 0 END + "
           "  CASE WHEN v.n_fullscreen > " +
           std::to_string(cfg.maxFullscreenExits) + " THEN " + num(cfg.fullscreenExitPoints) +
           " ELSE 0 END + "
           "  CASE WHEN v.n_after > 0 THEN " +
           num(cfg.afterFinishPoints) +
           " ELSE 0 END + "
           "  CASE WHEN ot.seconds > " +
           num(cfg.overtimeGraceSeconds) + " THEN " + num(cfg.overtimePoints) +
           " ELSE 0 END)::integer AS score) rs "
           "CROSS JOIN LATERAL (SELECT CASE WHEN rs.score >= " +
           num(cfg.highFrom) + " THEN 'high' WHEN rs.score >= " + num(cfg.mediumFrom) +
           " THEN 'medium' ELSE 'low' END AS level) rl ";
}

} // namespace Proctor::Collector::Storage::ReviewSql
