// SPDX-License-Identifier: MIT
// Explainable per-session risk score: every point is tied to the events (or other sessions) behind it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

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
};

struct KeystrokeHit
{
    std::string otherSessionId;
    double score = 0.0; // sameTypist() score, 0..100
};

struct RiskInput
{
    std::vector<RiskEvent> events;
    std::vector<MouseSimilarityHit> mouseHits;
    std::vector<KeystrokeHit> keystrokeHits;
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
    int maxFocusLosses = 5;                 // flag when count > this
    double maxBlurMs = 60'000.0;            // flag when total > this
    int maxPrintAttempts = 0;               // print_attempt + screenshot_attempt, flag when > this
    int maxClipboardAttempts = 0;           // copy/cut/paste_attempt, flag when > this
    int maxFullscreenExits = 0;             // flag when > this
    double mouseSimilarityThreshold = 85.0; // flag when similarity >= this
    double sameTypistThreshold = 80.0;      // flag when score >= this (D <= 1.41, see keystrokes.h)
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
//   risk.mouse_similarity    any hit >= mouseSimilarityThreshold; observed = the highest similarity
//   risk.same_typist         any keystroke hit >= sameTypistThreshold; observed = the highest score
//   risk.overtime            overtimeSeconds > overtimeGraceSeconds; observed = the overtime in seconds;
//                            evidence: the test_finished event
RiskAssessment assessRisk(const RiskInput &input, const RiskConfig &config = {});

const char *riskLevelName(RiskLevel level) noexcept; // "low", "medium", "high"

} // namespace Proctor::Analysis
