// SPDX-License-Identifier: MIT
// Risk factors: thresholds on their boundaries, and evidence that points at real input events.
#include "analysis/riskscore.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace Proctor::Analysis;

namespace {

class EventLog
{
public:
    std::string add(const std::string &type, std::int64_t ts, std::map<std::string, std::string> details = {})
    {
        const std::string id = "ev-" + std::to_string(m_input.events.size()) + "-" + type;
        m_input.events.push_back({id, type, ts, std::move(details)});
        return id;
    }
    RiskInput &input() { return m_input; }

private:
    RiskInput m_input;
};

const RiskFactor *factor(const RiskAssessment &a, const std::string &key)
{
    for (const RiskFactor &f : a.factors) {
        if (f.reasonKey == key) {
            return &f;
        }
    }
    return nullptr;
}

// Every id a factor cites must exist in the input.
void verifyEvidenceIsReal(const RiskAssessment &a, const RiskInput &input)
{
    std::set<std::string> ids;
    for (const RiskEvent &e : input.events) {
        ids.insert(e.eventId);
    }
    for (const RiskFactor &f : a.factors) {
        for (const std::string &id : f.eventIds) {
            QVERIFY2(ids.contains(id),
                     qPrintable(QString::fromStdString(f.reasonKey + " cites unknown " + id)));
        }
    }
}

} // namespace

class TestRiskScore : public QObject
{
    Q_OBJECT

private slots:
    void focusLosses_data()
    {
        QTest::addColumn<int>("losses");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("5 losses: at the limit, not flagged") << 5 << false;
        QTest::newRow("6 losses: flagged") << 6 << true;
        QTest::newRow("none") << 0 << false;
    }
    void focusLosses()
    {
        QFETCH(int, losses);
        QFETCH(bool, flagged);
        EventLog log;
        log.add("test_started", 0);
        std::vector<std::string> lossIds;
        for (int i = 0; i < losses; ++i) {
            lossIds.push_back(log.add("focus_loss", 1000 + i * 10'000));
            log.add("focus_gain", 2000 + i * 10'000, {{"durationMs", "1000"}});
        }
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        QCOMPARE(a.focusLosses, static_cast<std::size_t>(losses));
        const RiskFactor *f = factor(a, "risk.focus_losses");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->eventIds, lossIds);
            QCOMPARE(f->count, static_cast<std::size_t>(losses));
            QCOMPARE(f->threshold, 5.0);
            QCOMPARE(f->points, RiskConfig{}.focusLossPoints);
        }
    }

    void blurTime_data()
    {
        QTest::addColumn<QString>("durationMs");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("exactly 60 s: not flagged") << "60000" << false;
        QTest::newRow("60.001 s: flagged") << "60001" << true;
        QTest::newRow("no duration: clock difference 61 s") << "" << true;
    }
    void blurTime()
    {
        QFETCH(QString, durationMs);
        QFETCH(bool, flagged);
        EventLog log;
        const std::string loss = log.add("focus_loss", 1000);
        std::map<std::string, std::string> details;
        if (!durationMs.isEmpty()) {
            details["durationMs"] = durationMs.toStdString();
        }
        const std::string gain = log.add("focus_gain", 62'000, details);
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        const RiskFactor *f = factor(a, "risk.blur_time");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->eventIds, (std::vector<std::string>{loss, gain}));
            QVERIFY(f->observed > 60'000.0);
        }
    }

    void blurStillAwayAtTheEnd()
    {
        EventLog log;
        log.add("test_started", 0);
        const std::string loss = log.add("focus_loss", 10'000);
        log.add("network_offline", 80'000);
        const RiskAssessment a = assessRisk(log.input());
        QCOMPARE(a.totalBlurMs, 70'000.0);
        const RiskFactor *f = factor(a, "risk.blur_time");
        QVERIFY(f);
        QCOMPARE(f->eventIds, (std::vector<std::string>{loss}));
    }

    void printAndScreenshotAttempts_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("no attempt") << "print_attempt" << 0 << false;
        QTest::newRow("one print dialog") << "print_attempt" << 1 << true;
        QTest::newRow("one PrintScreen") << "screenshot_attempt" << 1 << true;
    }
    void printAndScreenshotAttempts()
    {
        QFETCH(QString, type);
        QFETCH(int, count);
        QFETCH(bool, flagged);
        EventLog log;
        log.add("test_started", 0);
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i) {
            ids.push_back(log.add(type.toStdString(), 100 + i, {{"key", "PrintScreen"}}));
        }
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        const RiskFactor *f = factor(a, "risk.print_attempts");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->eventIds, ids);
            QCOMPARE(a.level, RiskLevel::Medium); // one original trigger alone is "medium"
        } else {
            QCOMPARE(a.level, RiskLevel::Low);
        }
    }

    // Calibrated: the closest match fires only when its chance per comparison under the population's model
    // is at most 1 - (1 - 1 %)^(1/N). The model here: 10 % of pairs within a 10 % deviation, quadratic tail,
    // so N = 100 puts the bar between similarity 96.5 (chance 1.3e-4) and 97.5 (6.4e-5).
    void mouseSimilarity_data()
    {
        QTest::addColumn<double>("similarity");
        QTest::addColumn<int>("comparisons");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("96.5 among 100: as likely as chance, quiet") << 96.5 << 100 << false;
        QTest::newRow("97.5 among 100: flagged") << 97.5 << 100 << true;
        QTest::newRow("96.5 among 10: fewer comparisons, a lower bar") << 96.5 << 10 << true;
        QTest::newRow("45 among 1: under the floor") << 45.0 << 1 << false;
    }
    void mouseSimilarity()
    {
        QFETCH(double, similarity);
        QFETCH(int, comparisons);
        QFETCH(bool, flagged);
        RiskInput input;
        input.mouseHits = {
            {"other-1", "q03", similarity}, {"other-2", "q04", 40.0}, {"other-1", "q05", similarity - 1}};
        input.mouseCheck.evaluated = true;
        input.mouseCheck.comparisons = std::size_t(comparisons);
        input.mouseCheck.hasModel = true;
        input.mouseCheck.model = ChanceModel::prior(0.1, 0.1, 2.0, 0.6);
        const RiskAssessment a = assessRisk(input);
        const RiskFactor *f = factor(a, "risk.mouse_similarity");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->relatedSessionIds, (std::vector<std::string>{"other-1"}));
            QCOMPARE(f->matchedSessionId, std::string("other-1"));
            QCOMPARE(f->observed, similarity);
            QCOMPARE(f->comparisons, std::size_t(comparisons));
            QVERIFY(f->chancePerComparison > 0 && f->chancePerComparison <= 0.01 / comparisons * 1.01);
            QVERIFY2(f->threshold <= similarity && f->threshold > 90,
                     qPrintable(QString::number(f->threshold)));
            QVERIFY(!f->questionIds.empty());
            QCOMPARE(f->questionIds.front(), std::string("q03"));
            QCOMPARE(f->points, RiskConfig{}.mouseSimilarityPoints);
        }
    }

    void notEnoughDataScoresNothingButIsShown()
    {
        RiskInput input;
        input.keystrokeCheck.evaluated = true;
        input.keystrokeCheck.notEnoughData = true;
        input.keystrokeHits = {{"other-1", 99.9}}; // ignored: this session typed too little to judge
        const RiskAssessment a = assessRisk(input);
        const RiskFactor *f = factor(a, "risk.same_typist");
        QVERIFY(f);
        QVERIFY(f->notEnoughData);
        QCOMPARE(f->points, 0.0);
        QCOMPARE(a.score, 0.0);
        QCOMPARE(a.level, RiskLevel::Low);
        // Not evaluated and no hits: nothing at all.
        QVERIFY(!factor(a, "risk.mouse_similarity"));
    }

    void overtime_data()
    {
        QTest::addColumn<double>("overtime");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("in time") << 0.0 << false;
        QTest::newRow("within the grace period") << 30.0 << false;
        QTest::newRow("past it: a stopped timer or a held-back result") << 95.5 << true;
    }
    void overtime()
    {
        QFETCH(double, overtime);
        QFETCH(bool, flagged);
        EventLog log;
        log.add("test_started", 0);
        const std::string finished = log.add("test_finished", 1000);
        log.input().overtimeSeconds = overtime;
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        const RiskFactor *f = factor(a, "risk.overtime");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->observed, overtime);
            QCOMPARE(f->threshold, RiskConfig{}.overtimeGraceSeconds);
            QCOMPARE(f->eventIds, std::vector<std::string>{finished});
            QCOMPARE(a.level, RiskLevel::Medium); // alone it is a question for the proctor, not a verdict
        }
    }

    void clipboardFullscreenAndSameTypist()
    {
        EventLog log;
        const std::string copy = log.add("copy_attempt", 10, {{"questionId", "q1"}});
        const std::string paste = log.add("paste_attempt", 20);
        const std::string exit = log.add("fullscreen_exit", 30);
        // No population model: the built-in prior, under which only a very close match (D 0.36) is news.
        log.input().keystrokeHits = {{"other-9", 99.9}, {"other-3", 20.0}, {"other-4", 91.0}};
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        QCOMPARE(factor(a, "risk.clipboard")->eventIds, (std::vector<std::string>{copy, paste}));
        QCOMPARE(factor(a, "risk.fullscreen_exit")->eventIds, (std::vector<std::string>{exit}));
        QCOMPARE(factor(a, "risk.same_typist")->relatedSessionIds, (std::vector<std::string>{"other-9"}));
        QCOMPARE(a.score, 15.0 + 10.0 + 25.0);
        QCOMPARE(a.level, RiskLevel::Medium);
        // Highest points first.
        QCOMPARE(a.factors.front().reasonKey, std::string("risk.same_typist"));
    }

    void eventsAfterFinish()
    {
        EventLog log;
        log.add("test_started", 0);
        log.add("answer_changed", 500);
        const std::string finished = log.add("test_finished", 1000);
        log.add("focus_loss", 1500);                              // leaving the page afterwards is normal
        const std::string late = log.add("answer_changed", 2000); // changing answers is not
        log.add("answer_changed", 1000);                          // same millisecond as the finish: not after
        const RiskAssessment a = assessRisk(log.input());
        verifyEvidenceIsReal(a, log.input());
        const RiskFactor *f = factor(a, "risk.events_after_finish");
        QVERIFY(f);
        QCOMPARE(f->eventIds, (std::vector<std::string>{finished, late}));
        QCOMPARE(f->count, std::size_t{1});
    }

    void levelsAndCap_data()
    {
        QTest::addColumn<double>("points");
        QTest::addColumn<int>("level");
        QTest::addColumn<double>("score");
        QTest::newRow("24.9: low") << 24.9 << int(RiskLevel::Low) << 24.9;
        QTest::newRow("25: medium") << 25.0 << int(RiskLevel::Medium) << 25.0;
        QTest::newRow("59.9: medium") << 59.9 << int(RiskLevel::Medium) << 59.9;
        QTest::newRow("60: high") << 60.0 << int(RiskLevel::High) << 60.0;
        QTest::newRow("over 100 is capped") << 80.0 << int(RiskLevel::High) << 100.0;
    }
    void levelsAndCap()
    {
        QFETCH(double, points);
        QFETCH(int, level);
        QFETCH(double, score);
        // Two flagged factors: print carries `points`; fullscreen exit adds as much again only in the
        // cap row, so the sum goes past 100.
        const bool overCap = QByteArray(QTest::currentDataTag()).contains("capped");
        RiskConfig config;
        config.printPoints = points;
        config.fullscreenExitPoints = overCap ? points : 0.0;
        EventLog log;
        log.add("print_attempt", 1);
        log.add("fullscreen_exit", 2);
        const RiskAssessment a = assessRisk(log.input(), config);
        QCOMPARE(a.score, score);
        QCOMPARE(int(a.level), level);
        QCOMPARE(riskLevelName(a.level), level == 0 ? "low" : level == 1 ? "medium" : "high");
    }

    void cleanSessionIsLow()
    {
        EventLog log;
        log.add("test_started", 0);
        log.add("question_shown", 10, {{"questionId", "q1"}});
        log.add("test_finished", 100'000);
        const RiskAssessment a = assessRisk(log.input());
        QCOMPARE(a.score, 0.0);
        QCOMPARE(a.level, RiskLevel::Low);
        QVERIFY(a.factors.empty());
        QVERIFY(a.violations.empty());
    }

    // Violations per type use the one list the review lists show; other event types are not counted.
    void violationsPerType()
    {
        EventLog log;
        log.add("focus_loss", 1);
        log.add("focus_loss", 2);
        log.add("context_menu", 3);
        log.add("answer_selected", 4);
        log.add("visibility_hidden", 5);
        const RiskAssessment a = assessRisk(log.input());
        QCOMPARE(a.violations.size(), std::size_t(3));
        QCOMPARE(a.violations.at("focus_loss"), std::size_t(2));
        QCOMPARE(a.violations.at("context_menu"), std::size_t(1));
        QCOMPARE(a.violations.at("visibility_hidden"), std::size_t(1));
        for (const auto &[type, n] : a.violations)
            QVERIFY(std::find(violationEventTypes().begin(), violationEventTypes().end(), type) !=
                    violationEventTypes().end());
    }

    // A 10-question attempt, 100 % correct: fast (< 10 s a question) and no study flags; either alone not.
    void fastHighScore_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<double>("studySeconds");
        QTest::addColumn<double>("attemptSeconds");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("fast, no study") << 100.0 << 0.0 << 99.0 << true;
        QTest::newRow("limit is exclusive") << 100.0 << 0.0 << 100.0 << false;
        QTest::newRow("studied") << 100.0 << 120.0 << 50.0 << false;
        QTest::newRow("study unknown (test without material)") << 100.0 << -1.0 << 50.0 << false;
        QTest::newRow("lower score") << 89.0 << 0.0 << 50.0 << false;
    }
    void fastHighScore()
    {
        QFETCH(double, score);
        QFETCH(double, studySeconds);
        QFETCH(double, attemptSeconds);
        QFETCH(bool, flagged);
        RiskInput in;
        in.finished = in.closed = true;
        in.scorePercent = score;
        in.studySeconds = studySeconds;
        in.attemptSeconds = attemptSeconds;
        in.questionCount = in.answeredCount = 10;
        const RiskAssessment a = assessRisk(in);
        const RiskFactor *f = factor(a, "risk.fast_high_score");
        QCOMPARE(f != nullptr, flagged);
        if (f) {
            QCOMPARE(f->observed, attemptSeconds);
            QCOMPARE(f->threshold, 100.0);
            QCOMPARE(f->points, RiskConfig{}.fastHighScorePoints);
        }
    }

    // Reading floor = 1000 ms + 15 ms per character: 200 characters -> 4000 ms.
    void answerSpeed()
    {
        RiskInput in;
        in.finished = in.closed = true;
        in.attemptSeconds = 600;
        in.questionCount = in.answeredCount = 6;
        auto add = [&](const char *q, double ms, bool correct) {
            in.answers.push_back({q, ms, true, correct, 200});
        };
        add("q1", 3999, true);
        add("q2", 800, true);
        add("q3", 4000, true); // on the floor: read
        add("q4", 200, false); // a fast wrong answer is a guess, not a sign of knowing the key
        add("q5", 3000, true);
        add("q6", -1, true); // no timing sent
        const RiskAssessment a = assessRisk(in);
        const RiskFactor *f = factor(a, "risk.answer_speed");
        QVERIFY(f);
        QCOMPARE(f->observed, 3.0);
        QCOMPARE(f->questionIds, (std::vector<std::string>{"q1", "q2", "q5"}));
        // Two fast correct answers are not enough; nor are three among eight correct ones.
        in.answers[4].latencyMs = 5000;
        QVERIFY(!factor(assessRisk(in), "risk.answer_speed"));
        in.answers[4].latencyMs = 3000;
        for (int i = 0; i < 3; ++i)
            in.answers.push_back({"slow" + std::to_string(i), 60000, true, true, 200});
        QVERIFY(!factor(assessRisk(in), "risk.answer_speed"));
        QVERIFY(!factor(assessRisk(in), "risk.fast_attempt"));
    }

    // A script that sends no timings: the whole attempt took less than reading its questions needs.
    void fastAttempt()
    {
        RiskInput in;
        in.finished = in.closed = true;
        in.questionCount = in.answeredCount = 20;
        for (int i = 0; i < 20; ++i)
            in.answers.push_back({"q" + std::to_string(i), -1, true, true, 100}); // floor 2.5 s each
        in.attemptSeconds = 0.005;
        const RiskAssessment fast = assessRisk(in);
        const RiskFactor *f = factor(fast, "risk.fast_attempt");
        QVERIFY(f);
        QCOMPARE(f->threshold, 50'000.0);
        QCOMPARE(f->observed, 5.0);
        in.attemptSeconds = 50.0;
        QVERIFY(!factor(assessRisk(in), "risk.fast_attempt"));
        in.attemptSeconds = 1.0;
        for (auto &a : in.answers)
            a.correct = false; // nothing right: nothing to suspect
        QVERIFY(!factor(assessRisk(in), "risk.fast_attempt"));
    }

    // The oracle: many one-question attempts from one address or device within the hour.
    void attemptBurst()
    {
        RiskInput in;
        in.closed = in.finished = true;
        in.attemptSeconds = 0.5;
        in.questionCount = 20;
        in.answeredCount = 1;
        for (int i = 0; i < 4; ++i)
            in.nearbyAttempts.push_back({"s" + std::to_string(i), i % 2 == 0, i % 2 == 1, true, 2.0, 1, 20});
        in.nearbyAttempts.push_back({"honest", true, false, true, 900.0, 20, 20}); // a colleague, same office
        in.nearbyAttempts.push_back({"open", true, false, false, 1.0, 0, 20});     // still running
        const RiskAssessment burst = assessRisk(in);
        const RiskFactor *f = factor(burst, "risk.attempt_burst");
        QVERIFY(f);
        QCOMPARE(f->observed, 5.0);
        QCOMPARE(f->relatedSessionIds, (std::vector<std::string>{"s0", "s1", "s2", "s3"}));
        // Long attempts with many answers from the same address are an office, not an oracle.
        in.nearbyAttempts.pop_back();
        in.nearbyAttempts.erase(in.nearbyAttempts.begin());
        QVERIFY(!factor(assessRisk(in), "risk.attempt_burst"));               // 4 in all
        in.nearbyAttempts.push_back({"s9", false, true, true, 30.0, 20, 20}); // short: counts
        QVERIFY(factor(assessRisk(in), "risk.attempt_burst"));
        in.attemptSeconds = 900;
        in.answeredCount = 20; // this attempt itself is a full one: not part of the burst
        QVERIFY(!factor(assessRisk(in), "risk.attempt_burst"));
    }

    // The oracle with a fresh address and device per probe: only the page key ties the probes together,
    // and one key serves every candidate of a deployment, so that side needs keyBurstAttempts.
    void attemptBurstByPageKey()
    {
        RiskInput in;
        in.closed = in.finished = true;
        in.attemptSeconds = 0.5;
        in.questionCount = 20;
        in.answeredCount = 1;
        const RiskConfig config;
        auto probe = [](int i) {
            NearbyAttempt n{"k" + std::to_string(100 + i), false, false, true, 2.0, 1, 20};
            n.sameKey = true;
            return n;
        };
        for (int i = 0; i < config.keyBurstAttempts - 2; ++i)
            in.nearbyAttempts.push_back(probe(i));
        // A full attempt by the same key is an honest candidate, not a probe.
        in.nearbyAttempts.push_back({"full", false, false, true, 900.0, 20, 20, true});
        // One short of keyBurstAttempts; the address side's five do not apply, nothing shares an address.
        QVERIFY(!factor(assessRisk(in), "risk.attempt_burst"));
        in.nearbyAttempts.push_back(probe(config.keyBurstAttempts));
        const RiskAssessment burst = assessRisk(in);
        const RiskFactor *f = factor(burst, "risk.attempt_burst");
        QVERIFY(f);
        QCOMPARE(f->observed, double(config.keyBurstAttempts));
        QCOMPARE(f->threshold, double(config.keyBurstAttempts));
        QCOMPARE(f->relatedSessionIds.size(), std::size_t(config.keyBurstAttempts - 1));
        QVERIFY(std::find(f->relatedSessionIds.begin(), f->relatedSessionIds.end(), "full") ==
                f->relatedSessionIds.end());
        // The key side alone at the address side's count is not a burst: a busy site's few drop-outs.
        RiskInput few = in;
        few.nearbyAttempts.resize(std::size_t(config.burstAttempts));
        QVERIFY(!factor(assessRisk(few), "risk.attempt_burst"));
        // The sides count apart: the address side fires with its own attempts as the evidence, not the
        // key's crowd.
        few.nearbyAttempts.front().sameAddress = true;
        for (int i = 0; i < config.burstAttempts; ++i)
            few.nearbyAttempts.push_back({"a" + std::to_string(i), true, false, true, 2.0, 0, 20});
        const RiskFactor *both = factor(assessRisk(few), "risk.attempt_burst");
        QVERIFY(both);
        QCOMPARE(both->threshold, double(config.burstAttempts));
        QCOMPARE(both->relatedSessionIds.size(), std::size_t(config.burstAttempts + 1));
    }
};

QTEST_APPLESS_MAIN(TestRiskScore)
#include "tst_riskscore.moc"
