// SPDX-License-Identifier: MIT
// Explainable per-session risk score: every point is tied to the events (or other sessions) behind it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "analysis/chancemodel.h"

namespace Proctor::Analysis {

struct RiskEvent
{
    std::string eventId;                        // the page-made uuid, what the timeline jumps to
    std::string type;                           // e.g. "focus_loss" (docs/api.md event table)
    std::int64_t clientTsMs = 0;                // client clock, ms since epoch
    std::map<std::string, std::string> details; // e.g. {"durationMs", "8300"}
};

struct MouseSimilarityHit
{
    std::string otherSessionId;
    std::string questionId;
    double similarity = 0.0; // Dtw::similarity(), 0..100
    double distance = -1.0;  // mean deviation per step (d / max(n, m)); < 0: derived from similarity
};

struct KeystrokeHit
{
    std::string otherSessionId;
    double score = 0.0;     // sameTypist() score, 0..100
    double distance = -1.0; // sameTypist() D; < 0: derived from score
};

// What the assessor knows about a cross-session comparison beyond its hits: how many other sessions
// (trajectories) were compared, the population's chance model, and whether this session had enough
// data to compare at all. Without `evaluated` and without hits the factor is silent.
struct CrossSessionCheck
{
    bool evaluated = false;
    bool notEnoughData = false;
    std::size_t comparisons = 0; // N; the hits count when smaller
    bool hasModel = false;       // false: the factor's built-in prior (ChanceModel::prior*())
    ChanceModel model;
};

struct RiskInput
{
    std::vector<RiskEvent> events;
    std::vector<MouseSimilarityHit> mouseHits;
    std::vector<KeystrokeHit> keystrokeHits;
    CrossSessionCheck mouseCheck;
    CrossSessionCheck keystrokeCheck;
    // Seconds the result was stored after the test's time limit ran out, measured by the server from the
    // session start (0 when the test has no limit or the session is not finished). The page submits by
    // itself at the limit, so more than a grace period means a stopped timer or a result held back.
    double overtimeSeconds = 0.0;
};

// Thresholds default to the original system's anomaly rule: focus losses > 5, total blur > 60 s,
// any print dialog or PrintScreen press (it counted both as "printAttempts"); mouse similarity >= 85
// was its "suspicious" line. Points are chosen so any one of those original triggers alone lands in
// "medium"; "high" needs independent signals together (e.g. print + focus losses, or a mouse match +
// a print attempt). Level cut-offs: low < 25 <= medium < 60 <= high.
struct RiskConfig
{
    int maxFocusLosses = 5;       // flag when count > this
    double maxBlurMs = 60'000.0;  // flag when total > this
    int maxPrintAttempts = 0;     // print_attempt + screenshot_attempt, flag when > this
    int maxClipboardAttempts = 0; // copy/cut/paste_attempt, flag when > this
    int maxFullscreenExits = 0;   // flag when > this
    // Cross-session factors fire on calibrated chance (chancerule.h): at most this share of honest
    // sessions flagged per factor, whatever the number of sessions compared.
    double targetFalseAlarmRate = 0.01;
    // Floors: a weaker match is never evidence, whatever a (mis)fitted model says.
    double mouseSimilarityThreshold = 50.0; // similarity >= this considered (mean deviation <= 6.9 %)
    double sameTypistThreshold = 50.0;      // score >= this considered (D <= 2, see keystrokes.h)
    double overtimeGraceSeconds = 30.0; // flag when overtime > this (request and commit latency, clock drift)
    // Event types that may legitimately arrive after test_finished (the page being left or closed).
    std::vector<std::string> allowedAfterFinish = {"focus_loss",        "focus_gain",
                                                   "visibility_hidden", "visibility_visible",
                                                   "network_offline",   "network_online"};

    double focusLossPoints = 25.0;
    double blurPoints = 25.0;
    double printPoints = 35.0;
    double clipboardPoints = 15.0;
    double fullscreenExitPoints = 10.0;
    double afterFinishPoints = 30.0;
    double mouseSimilarityPoints = 35.0;
    double sameTypistPoints = 25.0;
    double overtimePoints = 40.0;

    double mediumFrom = 25.0; // score >= this is Medium
    double highFrom = 60.0;   // score >= this is High
};

enum class RiskLevel
{
    Low,
    Medium,
    High
};

struct RiskFactor
{
    std::string reasonKey; // stable key the UI translates, e.g. "risk.focus_losses"
    double points = 0.0;
    double observed = 0.0;                      // the measured value (count, ms, similarity)
    double threshold = 0.0;                     // the configured limit it was compared with
    std::size_t count = 0;                      // number of events / hits behind the factor
    std::vector<std::string> eventIds;          // evidence on this session's timeline, in time order
    std::vector<std::string> relatedSessionIds; // other sessions involved (similarity factors)
    std::vector<std::string> questionIds;       // questions involved (mouse similarity)
    // Cross-session factors: the closest match and how likely it is by chance (chancerule.h). For them
    // `threshold` is the calibrated score limit for this session's number of comparisons.
    std::string matchedSessionId;
    double chancePerComparison = 0.0; // "a match this close happens by chance in 1 of 1/p comparisons"
    std::size_t comparisons = 0;      // other sessions (trajectories) compared
    bool notEnoughData = false;       // too little data to compare: 0 points, shown as such
};

struct RiskAssessment
{
    double score = 0.0; // sum of factor points, capped at 100
    RiskLevel level = RiskLevel::Low;
    std::vector<RiskFactor> factors; // highest points first
    double totalBlurMs = 0.0;        // reported even when below the threshold
    std::size_t focusLosses = 0;
};

// Factors (reason keys):
//   risk.focus_losses        focus_loss count > maxFocusLosses; evidence: the focus_loss events
//   risk.blur_time           total time away > maxBlurMs: sum of focus_gain.durationMs (a focus_loss
//                            without a later focus_gain counts until the last event); evidence: both
//   risk.print_attempts      print_attempt + screenshot_attempt > maxPrintAttempts
//   risk.clipboard           copy_attempt + cut_attempt + paste_attempt > maxClipboardAttempts
//   risk.fullscreen_exit     fullscreen_exit > maxFullscreenExits
//   risk.events_after_finish events later than test_finished not in allowedAfterFinish; evidence
//                            starts with the test_finished event itself
//   risk.mouse_similarity    the closest trajectory of another candidate is unlikely to be chance:
//                            chance per comparison <= 1 - (1 - targetFalseAlarmRate)^(1/comparisons)
//                            under the population's model (and similarity >= the floor); observed = its
//                            similarity, threshold = the similarity at that limit; evidence: the
//                            sessions/questions of every hit under the limit, the matched session, the
//                            chance per comparison and the comparisons made. notEnoughData: 0 points.
//   risk.same_typist         the same rule on the sameTypist() distance of keystroke hits
//   risk.overtime            overtimeSeconds > overtimeGraceSeconds; observed = the overtime in seconds;
//                            evidence: the test_finished event
RiskAssessment assessRisk(const RiskInput &input, const RiskConfig &config = {});

const char *riskLevelName(RiskLevel level) noexcept; // "low", "medium", "high"

} // namespace Proctor::Analysis
