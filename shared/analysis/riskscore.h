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

// One drawn question of the attempt, for the answer-speed factors. latencyMs < 0: the page sent no time.
struct AnswerTiming
{
    std::string questionId;
    double latencyMs = -1.0; // from the result's question telemetry (first view to last answer change)
    bool answered = false;
    bool correct = false;
    std::size_t textChars = 0; // question text plus option texts: what must be read before answering
};

// Another attempt opened from the same client address, the same device or with the same page key within
// attemptBurstWindow of this one (issue 13's oracle pattern), as the server recorded it.
struct NearbyAttempt
{
    std::string sessionId;
    bool sameAddress = false;
    bool sameDevice = false;
    bool closed = false; // finished, expired or abandoned; open attempts are not judged yet
    double durationSeconds = 0.0;
    std::size_t answered = 0;
    std::size_t questions = 0;
    bool sameKey = false; // opened by the same page key (a script rotating addresses and devices)
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

    // The attempt itself (test sessions; all zero/empty for study sessions and unfinished attempts).
    bool finished = false;       // a result was stored
    double scorePercent = 0.0;   // the result's score, 0..100
    double attemptSeconds = 0.0; // start to result, server clock
    double studySeconds = -1.0;  // the candidate's study time for this test before the result; < 0: unknown
    std::vector<AnswerTiming> answers; // the drawn questions, in order
    // This attempt's own shape for the burst factor (also set for unfinished attempts).
    bool closed = false;
    std::size_t answeredCount = 0;
    std::size_t questionCount = 0;
    std::vector<NearbyAttempt> nearbyAttempts;
};

// Bumped whenever a rule or a default below changes meaning, so stored assessments are rebuilt
// (`proctor-collector reassess`, the stored assessment_rules column). The deployment's risk settings add
// their own version on top (see the collector's risk settings).
inline constexpr int kRiskRulesVersion = 3;

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

    // High score with little study and a fast finish: score >= fastHighScorePercent, study time below
    // minStudySeconds, and the attempt shorter than fastSecondsPerQuestion per drawn question.
    double fastHighScorePercent = 90.0;
    double minStudySeconds = 120.0;
    double fastSecondsPerQuestion = 10.0;
    // Reading-time floor of a question: readBaseMs + readMsPerChar * (question + option characters). 15 ms
    // per character is about 65 characters a second, three times a fast reader's pace (~20/s): an answer
    // under it was not read. At least minFastAnswers correct answers under their floor, and at least half
    // of the correct answers, make the factor (one lucky quick answer does not).
    double readBaseMs = 1000.0;
    double readMsPerChar = 15.0;
    int minFastAnswers = 3;
    // Many short or near-empty attempts from one address, device or page key within an hour (the
    // answer-key oracle): an attempt counts when closed and shorter than shortAttemptSeconds or with at
    // most nearEmptyAnswerFraction of its questions answered; flagged when this attempt counts and, with
    // the others from its address or device, they are at least burstAttempts, or with the others opened by
    // its page key at least keyBurstAttempts. A deployment usually serves every candidate with one page
    // key, so a few honest drop-outs an hour share it: the key side needs a larger crowd than an address.
    double attemptBurstWindowSeconds = 3600.0;
    double shortAttemptSeconds = 60.0;
    double nearEmptyAnswerFraction = 0.2;
    int burstAttempts = 5;
    int keyBurstAttempts = 20;

    double fastHighScorePoints = 30.0;
    double answerSpeedPoints = 35.0;
    double fastAttemptPoints = 35.0;
    double attemptBurstPoints = 40.0;

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
    // Violations per event type (violationEventTypes()), non-zero counts only; what the lists show.
    std::map<std::string, std::size_t> violations;
};

// The event types the review lists count as violations (one definition for lists, detail and the stored
// assessment).
const std::vector<std::string> &violationEventTypes();

// "After the finish": an event is later than the session's first test_finished event by client clock
// (the event's own time, so a late upload of events that happened during the test does not count).
bool isAfterFinish(const RiskEvent &event, const RiskEvent &finished);

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
//   risk.fast_high_score     score >= fastHighScorePercent, studySeconds known and < minStudySeconds, and
//                            attemptSeconds < fastSecondsPerQuestion * drawn questions; observed = the
//                            attempt's seconds, threshold = that limit
//   risk.answer_speed        correct answers faster than their reading floor >= minFastAnswers and >= half
//                            of the correct answers; observed = their count; questionIds = those questions
//   risk.fast_attempt        a finished attempt with a correct answer, shorter (server clock) than the sum
//                            of its questions' reading floors (catches scripts that send no timings);
//                            observed = attempt ms, threshold = that sum
//   risk.attempt_burst       this attempt is short or near-empty and, with the nearby ones that are too,
//                            they number >= burstAttempts from its address or device, or >=
//                            keyBurstAttempts opened by its page key; observed = the number on the sides
//                            that fire (this one included); relatedSessionIds = the others on those sides
RiskAssessment assessRisk(const RiskInput &input, const RiskConfig &config = {});

const char *riskLevelName(RiskLevel level) noexcept; // "low", "medium", "high"

} // namespace Proctor::Analysis
