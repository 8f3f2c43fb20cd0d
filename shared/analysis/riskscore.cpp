// SPDX-License-Identifier: MIT
// Risk factors from session events and similarity hits, each with its evidence.
#include "analysis/riskscore.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <limits>
#include <set>

#include "analysis/chancerule.h"
#include "analysis/dtw.h"
#include "analysis/keystrokes.h"

namespace Proctor::Analysis {

namespace {

std::optional<double> detailNumber(const RiskEvent &e, const std::string &key)
{
    const auto it = e.details.find(key);
    if (it == e.details.end() || it->second.empty()) {
        return std::nullopt;
    }
    char *end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end != '\0' || !std::isfinite(v) || v < 0.0) {
        return std::nullopt;
    }
    return v;
}

bool isOneOf(const std::string &type, std::initializer_list<const char *> types)
{
    return std::any_of(types.begin(), types.end(), [&](const char *t) { return type == t; });
}

// Count-based factor: flagged when more events than `limit`; all of them are the evidence.
void countFactor(std::vector<RiskFactor> &factors, const char *reasonKey, std::vector<std::string> ids,
                 int limit, double points)
{
    if (static_cast<double>(ids.size()) <= static_cast<double>(limit)) {
        return;
    }
    RiskFactor f;
    f.reasonKey = reasonKey;
    f.points = points;
    f.observed = static_cast<double>(ids.size());
    f.threshold = limit;
    f.count = ids.size();
    f.eventIds = std::move(ids);
    factors.push_back(std::move(f));
}

// Cross-session factor: the closest hit above the floor is judged against the population's chance model
// for the number of comparisons made (chancerule.h); every hit under the same limit is evidence.
template <typename Hit, typename Score, typename Distance, typename Question, typename ToScore>
void crossSessionFactor(std::vector<RiskFactor> &factors, const char *reasonKey, const std::vector<Hit> &hits,
                        const CrossSessionCheck &check, const ChanceModel &prior, double floor, double points,
                        double targetRate, Score score, Distance distance, Question question, ToScore toScore)
{
    if (check.notEnoughData) {
        RiskFactor f;
        f.reasonKey = reasonKey;
        f.notEnoughData = true;
        f.comparisons = check.comparisons;
        factors.push_back(std::move(f));
        return;
    }
    const Hit *best = nullptr;
    for (const Hit &h : hits)
        if (score(h) >= floor && (!best || distance(h) < distance(*best)))
            best = &h;
    if (!best)
        return;
    const ChanceModel &model = check.hasModel ? check.model : prior;
    const ChanceDecision d =
        ChanceRule::decide(model, distance(*best), std::max(check.comparisons, hits.size()), targetRate);
    if (!d.fires)
        return;
    RiskFactor f;
    std::set<std::string> sessions;
    std::set<std::string> questions;
    for (const Hit &h : hits) {
        if (!(score(h) >= floor) || model.chance(distance(h)) > d.limitPerComparison)
            continue;
        f.observed = std::max(f.observed, score(h));
        ++f.count;
        sessions.insert(h.otherSessionId);
        if (const std::string *q = question(h); q && !q->empty())
            questions.insert(*q);
    }
    f.reasonKey = reasonKey;
    f.points = points;
    f.threshold = std::max(floor, toScore(model.distanceAt(d.limitPerComparison)));
    f.matchedSessionId = best->otherSessionId;
    f.chancePerComparison = d.chancePerComparison;
    f.comparisons = d.comparisons;
    f.relatedSessionIds.assign(sessions.begin(), sessions.end());
    f.questionIds.assign(questions.begin(), questions.end());
    factors.push_back(std::move(f));
}

double mouseDistance(const MouseSimilarityHit &h)
{
    if (h.distance >= 0.0)
        return h.distance;
    // Inverse of Dtw::similarity(): similarity = 100 exp(-deviation / kSimilarityScale).
    return h.similarity > 0.0 ? -Dtw::kSimilarityScale * std::log(std::min(h.similarity, 100.0) / 100.0)
                              : std::numeric_limits<double>::infinity();
}

double readingFloorMs(const AnswerTiming &a, const RiskConfig &config)
{
    return config.readBaseMs + config.readMsPerChar * static_cast<double>(a.textChars);
}

void speedFactors(std::vector<RiskFactor> &factors, const RiskInput &input, const RiskConfig &config)
{
    std::vector<std::string> fast;
    std::size_t correct = 0;
    double floorSum = 0.0;
    for (const AnswerTiming &a : input.answers) {
        floorSum += readingFloorMs(a, config);
        if (!a.correct)
            continue;
        ++correct;
        if (a.latencyMs >= 0.0 && a.latencyMs < readingFloorMs(a, config))
            fast.push_back(a.questionId);
    }
    if (fast.size() >= static_cast<std::size_t>(std::max(1, config.minFastAnswers)) &&
        2 * fast.size() >= correct) {
        RiskFactor f;
        f.reasonKey = "risk.answer_speed";
        f.points = config.answerSpeedPoints;
        f.observed = static_cast<double>(fast.size());
        f.threshold = config.minFastAnswers;
        f.count = fast.size();
        f.questionIds = std::move(fast);
        factors.push_back(std::move(f));
    }
    const double attemptMs = input.attemptSeconds * 1000.0;
    if (input.finished && correct > 0 && floorSum > 0.0 && attemptMs < floorSum) {
        RiskFactor f;
        f.reasonKey = "risk.fast_attempt";
        f.points = config.fastAttemptPoints;
        f.observed = attemptMs;
        f.threshold = floorSum;
        f.count = 1;
        factors.push_back(std::move(f));
    }
    const double questions = static_cast<double>(std::max(input.questionCount, input.answers.size()));
    const double fastLimit = config.fastSecondsPerQuestion * questions;
    if (input.finished && input.scorePercent >= config.fastHighScorePercent && input.studySeconds >= 0.0 &&
        input.studySeconds < config.minStudySeconds && questions > 0 && input.attemptSeconds < fastLimit) {
        RiskFactor f;
        f.reasonKey = "risk.fast_high_score";
        f.points = config.fastHighScorePoints;
        f.observed = input.attemptSeconds;
        f.threshold = fastLimit;
        f.count = 1;
        factors.push_back(std::move(f));
    }
}

bool shortOrNearEmpty(bool closed, double seconds, std::size_t answered, std::size_t questions,
                      const RiskConfig &config)
{
    if (!closed)
        return false;
    const bool nearEmpty =
        static_cast<double>(answered) <=
        config.nearEmptyAnswerFraction * static_cast<double>(std::max<std::size_t>(1, questions));
    return seconds < config.shortAttemptSeconds || nearEmpty;
}

void burstFactor(std::vector<RiskFactor> &factors, const RiskInput &input, const RiskConfig &config)
{
    if (!shortOrNearEmpty(input.closed, input.attemptSeconds, input.answeredCount, input.questionCount,
                          config))
        return;
    std::set<std::string> byPlace; // same address or device
    std::set<std::string> byKey;   // same page key
    for (const NearbyAttempt &n : input.nearbyAttempts) {
        if (!shortOrNearEmpty(n.closed, n.durationSeconds, n.answered, n.questions, config))
            continue;
        if (n.sameAddress || n.sameDevice)
            byPlace.insert(n.sessionId);
        if (n.sameKey)
            byKey.insert(n.sessionId);
    }
    const bool placeFires = byPlace.size() + 1 >= static_cast<std::size_t>(std::max(2, config.burstAttempts));
    const bool keyFires = byKey.size() + 1 >= static_cast<std::size_t>(std::max(2, config.keyBurstAttempts));
    if (!placeFires && !keyFires)
        return;
    std::set<std::string> related;
    if (placeFires)
        related.insert(byPlace.begin(), byPlace.end());
    if (keyFires)
        related.insert(byKey.begin(), byKey.end());
    RiskFactor f;
    f.reasonKey = "risk.attempt_burst";
    f.points = config.attemptBurstPoints;
    f.observed = static_cast<double>(related.size() + 1);
    // The threshold of the side that fired (the address's or device's when both did).
    f.threshold = placeFires ? config.burstAttempts : config.keyBurstAttempts;
    f.count = related.size();
    f.relatedSessionIds.assign(related.begin(), related.end());
    factors.push_back(std::move(f));
}

} // namespace

const std::vector<std::string> &violationEventTypes()
{
    static const std::vector<std::string> types{"focus_loss",    "visibility_hidden",  "copy_attempt",
                                                "cut_attempt",   "paste_attempt",      "context_menu",
                                                "print_attempt", "screenshot_attempt", "fullscreen_exit"};
    return types;
}

bool isAfterFinish(const RiskEvent &event, const RiskEvent &finished)
{
    return &event != &finished && event.clientTsMs > finished.clientTsMs;
}

const char *riskLevelName(RiskLevel level) noexcept
{
    switch (level) {
    case RiskLevel::Low:
        return "low";
    case RiskLevel::Medium:
        return "medium";
    case RiskLevel::High:
        return "high";
    }
    return "low";
}

RiskAssessment assessRisk(const RiskInput &input, const RiskConfig &config)
{
    // Time order for the blur pairing and "after finish"; stable so equal timestamps keep input order.
    std::vector<const RiskEvent *> events;
    events.reserve(input.events.size());
    for (const RiskEvent &e : input.events) {
        events.push_back(&e);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const RiskEvent *l, const RiskEvent *r) { return l->clientTsMs < r->clientTsMs; });

    RiskAssessment out;
    std::vector<RiskFactor> &factors = out.factors;

    std::vector<std::string> focusLosses;
    std::vector<std::string> blurEvidence;
    std::vector<std::string> prints;
    std::vector<std::string> clipboard;
    std::vector<std::string> fullscreen;
    const RiskEvent *pendingLoss = nullptr;
    const RiskEvent *finished = nullptr;
    const auto &violationTypes = violationEventTypes();
    for (const RiskEvent *e : events) {
        const std::string &type = e->type;
        if (std::find(violationTypes.begin(), violationTypes.end(), type) != violationTypes.end())
            ++out.violations[type];
        if (type == "focus_loss") {
            focusLosses.push_back(e->eventId);
            if (!pendingLoss) {
                pendingLoss = e;
            }
        } else if (type == "focus_gain") {
            // The page measures the time away itself; fall back to the clock difference.
            double away = 0.0;
            if (const auto d = detailNumber(*e, "durationMs")) {
                away = *d;
            } else if (pendingLoss) {
                away =
                    static_cast<double>(std::max<std::int64_t>(0, e->clientTsMs - pendingLoss->clientTsMs));
            }
            if (away > 0.0) {
                out.totalBlurMs += away;
                if (pendingLoss) {
                    blurEvidence.push_back(pendingLoss->eventId);
                }
                blurEvidence.push_back(e->eventId);
            }
            pendingLoss = nullptr;
        } else if (isOneOf(type, {"print_attempt", "screenshot_attempt"})) {
            prints.push_back(e->eventId);
        } else if (isOneOf(type, {"copy_attempt", "cut_attempt", "paste_attempt"})) {
            clipboard.push_back(e->eventId);
        } else if (type == "fullscreen_exit") {
            fullscreen.push_back(e->eventId);
        } else if (type == "test_finished" && !finished) {
            finished = e;
        }
    }
    // Still away when the log ends: the session was left in the background until its last event.
    if (pendingLoss && !events.empty()) {
        const double away = static_cast<double>(
            std::max<std::int64_t>(0, events.back()->clientTsMs - pendingLoss->clientTsMs));
        if (away > 0.0) {
            out.totalBlurMs += away;
            blurEvidence.push_back(pendingLoss->eventId);
        }
    }
    out.focusLosses = focusLosses.size();

    countFactor(factors, "risk.focus_losses", std::move(focusLosses), config.maxFocusLosses,
                config.focusLossPoints);
    if (out.totalBlurMs > config.maxBlurMs) {
        RiskFactor f;
        f.reasonKey = "risk.blur_time";
        f.points = config.blurPoints;
        f.observed = out.totalBlurMs;
        f.threshold = config.maxBlurMs;
        f.count = blurEvidence.size();
        f.eventIds = std::move(blurEvidence);
        factors.push_back(std::move(f));
    }
    countFactor(factors, "risk.print_attempts", std::move(prints), config.maxPrintAttempts,
                config.printPoints);
    countFactor(factors, "risk.clipboard", std::move(clipboard), config.maxClipboardAttempts,
                config.clipboardPoints);
    countFactor(factors, "risk.fullscreen_exit", std::move(fullscreen), config.maxFullscreenExits,
                config.fullscreenExitPoints);

    if (finished) {
        std::vector<std::string> late;
        for (const RiskEvent *e : events) {
            if (!isAfterFinish(*e, *finished)) {
                continue;
            }
            const bool allowed = std::find(config.allowedAfterFinish.begin(), config.allowedAfterFinish.end(),
                                           e->type) != config.allowedAfterFinish.end();
            if (!allowed) {
                late.push_back(e->eventId);
            }
        }
        if (!late.empty()) {
            RiskFactor f;
            f.reasonKey = "risk.events_after_finish";
            f.points = config.afterFinishPoints;
            f.observed = static_cast<double>(late.size());
            f.count = late.size();
            f.eventIds.push_back(finished->eventId);
            f.eventIds.insert(f.eventIds.end(), late.begin(), late.end());
            factors.push_back(std::move(f));
        }
    }

    if (input.overtimeSeconds > config.overtimeGraceSeconds) {
        RiskFactor f;
        f.reasonKey = "risk.overtime";
        f.points = config.overtimePoints;
        f.observed = input.overtimeSeconds;
        f.threshold = config.overtimeGraceSeconds;
        f.count = 1;
        if (finished)
            f.eventIds.push_back(finished->eventId);
        factors.push_back(std::move(f));
    }

    speedFactors(factors, input, config);
    burstFactor(factors, input, config);

    crossSessionFactor(
        factors, "risk.mouse_similarity", input.mouseHits, input.mouseCheck, ChanceModel::priorMouse(),
        config.mouseSimilarityThreshold, config.mouseSimilarityPoints, config.targetFalseAlarmRate,
        [](const MouseSimilarityHit &h) { return h.similarity; }, mouseDistance,
        [](const MouseSimilarityHit &h) { return &h.questionId; },
        [](double deviation) { return 100.0 * std::exp(-deviation / Dtw::kSimilarityScale); });
    crossSessionFactor(
        factors, "risk.same_typist", input.keystrokeHits, input.keystrokeCheck,
        ChanceModel::priorSameTypist(), config.sameTypistThreshold, config.sameTypistPoints,
        config.targetFalseAlarmRate, [](const KeystrokeHit &h) { return h.score; },
        [](const KeystrokeHit &h) { return h.distance >= 0.0 ? h.distance : sameTypistDistanceOf(h.score); },
        [](const KeystrokeHit &) { return static_cast<const std::string *>(nullptr); }, sameTypistScoreOf);

    std::stable_sort(factors.begin(), factors.end(),
                     [](const RiskFactor &l, const RiskFactor &r) { return l.points > r.points; });
    const double sum = std::accumulate(factors.begin(), factors.end(), 0.0,
                                       [](double acc, const RiskFactor &f) { return acc + f.points; });
    out.score = std::clamp(sum, 0.0, 100.0);
    out.level = out.score >= config.highFrom     ? RiskLevel::High
                : out.score >= config.mediumFrom ? RiskLevel::Medium
                                                 : RiskLevel::Low;
    return out;
}

} // namespace Proctor::Analysis
