// SPDX-License-Identifier: MIT
// Keystroke features on hand-computed examples; same-typist scores separate typists.
#include "analysis/keystrokes.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace Proctor::Analysis;

using Values = std::vector<double>;
Q_DECLARE_METATYPE(Values)

namespace {

// KeyA 0-100, KeyB 150-230, KeyA 200-260 (pressed before B is released: rollover), then a long pause,
// KeyC 5000-5090.
std::vector<Keystroke> handExample()
{
    return {{"KeyB", 150, 230}, {"KeyA", 0, 100}, {"KeyA", 200, 260}, {"KeyC", 5000, 5090}};
}

// A synthetic typist: per-key hold times and per-pair gaps drawn once, then typed with jitter.
struct Typist
{
    std::map<std::string, double> dwell;
    std::map<std::string, double> gap;
    double jitter = 12.0;

    explicit Typist(unsigned seed)
    {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> dwellMs(60.0, 150.0);
        std::uniform_real_distribution<double> gapMs(60.0, 260.0);
        for (char c = 'A'; c <= 'Z'; ++c) {
            const std::string key = std::string("Key") + c;
            dwell[key] = dwellMs(rng);
            for (char d = 'A'; d <= 'Z'; ++d) {
                gap[key + ">Key" + d] = gapMs(rng);
            }
        }
    }

    std::vector<Keystroke> type(const std::string &text, unsigned seed) const
    {
        std::mt19937 rng(seed);
        std::normal_distribution<double> noise(0.0, jitter);
        std::vector<Keystroke> out;
        double t = 1000.0;
        std::string previous;
        for (const char c : text) {
            const std::string key = std::string("Key") + c;
            if (!previous.empty()) {
                t += std::max(5.0, gap.at(previous + ">" + key) + noise(rng));
            }
            out.push_back({key, t, t + std::max(10.0, dwell.at(key) + noise(rng))});
            previous = key;
        }
        return out;
    }
};

const std::string kText = "THEQUICKBROWNFOXJUMPSOVERTHELAZYDOGTHEQUICKBROWNFOXJUMPSOVERTHELAZYDOG";

} // namespace

class TestKeystrokes : public QObject
{
    Q_OBJECT

private slots:
    void features_data()
    {
        QTest::addColumn<QString>("feature");
        QTest::addColumn<Values>("expected");
        QTest::newRow("dwell of A") << "dwell:KeyA" << Values{100, 60};
        QTest::newRow("dwell of B") << "dwell:KeyB" << Values{80};
        QTest::newRow("dwell of C (after the pause)") << "dwell:KeyC" << Values{90};
        QTest::newRow("flight A>B") << "flight:KeyA>KeyB" << Values{50};
        QTest::newRow("flight B>A is negative (rollover)") << "flight:KeyB>KeyA" << Values{-30};
        QTest::newRow("digraph A>B down-to-down") << "digraph:KeyA>KeyB" << Values{150};
        QTest::newRow("digraph B>A") << "digraph:KeyB>KeyA" << Values{50};
        QTest::newRow("no pair across the pause") << "digraph:KeyA>KeyC" << Values{};
        QTest::newRow("all dwells") << "dwell:*" << Values{100, 80, 60, 90};
        QTest::newRow("all flights") << "flight:*" << Values{50, -30};
    }
    void features()
    {
        QFETCH(QString, feature);
        QFETCH(Values, expected);
        const KeystrokeSamples samples = extractKeystrokeFeatures(handExample());
        const auto it = samples.find(feature.toStdString());
        const Values actual = it == samples.end() ? Values{} : it->second;
        QCOMPARE(actual, expected);
    }

    void badKeyUpIsIgnored()
    {
        // A lost key-up (up before down) gives no dwell and no flight from it, but the digraph stays.
        const std::vector<Keystroke> keys{{"KeyA", 0, -1}, {"KeyB", 120, 200}};
        const KeystrokeSamples s = extractKeystrokeFeatures(keys);
        QVERIFY(!s.contains("dwell:KeyA"));
        QVERIFY(!s.contains("flight:KeyA>KeyB"));
        QCOMPARE(s.at("digraph:KeyA>KeyB"), Values{120});
    }

    void profileAndScaledManhattan()
    {
        KeystrokeSamples profileSamples{
            {"dwell:KeyA", {100, 60}}, {"dwell:KeyB", {80, 80, 80}}, {"flight:*", {10, 30}}};
        const KeystrokeProfile profile = KeystrokeProfile::fromSamples(profileSamples);
        QCOMPARE(profile.features.at("dwell:KeyA").mean, 80.0);
        QCOMPARE(profile.features.at("dwell:KeyA").meanAbsDeviation, 20.0);
        QCOMPARE(profile.features.at("dwell:KeyB").meanAbsDeviation, 0.0);

        const KeystrokeProfile sample = KeystrokeProfile::fromSamples(
            {{"dwell:KeyA", {120, 120}}, {"dwell:KeyB", {90, 90}}, {"flight:*", {20, 20}}});
        KeystrokeOptions options;
        options.minSharedFeatures = 3;
        const ProfileDistance d = scaledManhattan(sample, profile, options);
        // |120-80|/20 = 2; |90-80|/max(0, 5 ms floor) = 2; |20-20|/10 = 0 -> mean 4/3.
        QCOMPARE(d.sharedFeatures, std::size_t{3});
        QVERIFY(d.comparable);
        QVERIFY(std::abs(d.distance - 4.0 / 3.0) < 1e-12);

        options.minCount = 3; // only dwell:KeyB has 3 observations in the profile, and the sample has 2
        QCOMPARE(scaledManhattan(sample, profile, options).sharedFeatures, std::size_t{0});
        QVERIFY(!scaledManhattan(sample, profile, options).comparable);
    }

    void scoreMapping_data()
    {
        QTest::addColumn<double>("distance");
        QTest::addColumn<double>("score");
        QTest::newRow("identical rhythm") << 0.0 << 100.0;
        QTest::newRow("one standard error apart") << 1.0 << 100.0 / (1.0 + 1.0 / 16.0);
        QTest::newRow("two: the half point") << 2.0 << 50.0;
        QTest::newRow("three") << 3.0 << 100.0 / (1.0 + 81.0 / 16.0);
        QTest::newRow("four") << 4.0 << 100.0 / 17.0;
    }
    void scoreMapping()
    {
        QFETCH(double, distance);
        QFETCH(double, score);
        // Profiles with 10 observations and MAD 10 ms per feature on both sides: the expected spread of
        // a difference of means is 10 · sqrt(10/9) · sqrt(1/10 + 1/10).
        const double scale = 10.0 * std::sqrt(10.0 / 9.0) * std::sqrt(0.2);
        KeystrokeProfile a;
        KeystrokeProfile b;
        for (const char *name : {"dwell:*", "flight:*", "digraph:*"}) {
            a.features[name] = FeatureStats{100.0, 10.0, 10};
            b.features[name] = FeatureStats{100.0 + distance * scale, 10.0, 10};
        }
        const SameTypistScore s = sameTypist(a, b);
        QVERIFY(s.comparable);
        QCOMPARE(s.sharedFeatures, std::size_t{3});
        QVERIFY2(std::abs(s.distance - distance) < 1e-9, qPrintable(QString::number(s.distance)));
        QVERIFY2(std::abs(s.score - score) < 1e-9, qPrintable(QString::number(s.score)));
    }

    void sameTypistScoresHigher_data()
    {
        QTest::addColumn<unsigned>("typist");
        QTest::addColumn<unsigned>("other");
        for (unsigned t = 1; t <= 6; ++t) {
            QTest::addRow("typist %u vs typist %u", t, t + 100) << t << t + 100;
        }
    }
    void sameTypistScoresHigher()
    {
        QFETCH(unsigned, typist);
        QFETCH(unsigned, other);
        const Typist alice(typist);
        const Typist bob(other);
        const auto first = alice.type(kText, typist * 10 + 1);
        const auto second = alice.type(kText, typist * 10 + 2);
        const auto stranger = bob.type(kText, typist * 10 + 3);
        const SameTypistScore same = sameTypist(first, second);
        const SameTypistScore different = sameTypist(first, stranger);
        QVERIFY(same.comparable);
        QVERIFY(different.comparable);
        QVERIFY2(same.score > different.score,
                 qPrintable(QStringLiteral("same %1 <= different %2").arg(same.score).arg(different.score)));
        QVERIFY2(same.score >= 60.0, qPrintable(QString::number(same.score)));
        QVERIFY2(different.score < 40.0, qPrintable(QString::number(different.score)));
    }

    void tooLittleTypingIsNotComparable()
    {
        const std::vector<Keystroke> a{{"KeyA", 0, 90}};
        const std::vector<Keystroke> b{{"KeyA", 0, 95}, {"KeyB", 100, 180}};
        const SameTypistScore s = sameTypist(a, b);
        QVERIFY(!s.comparable);
        QCOMPARE(s.score, 0.0);
    }

    // The result contract carries per-key and per-pair timing lists, not the key order: rebuilt with
    // their aggregates they are exactly what the ordered keys give, so old and new rows compare alike.
    void timingListsGiveTheSameFeaturesAsTheKeys()
    {
        Typist t(7);
        const auto keys = t.type(kText + kText, 1);
        KeystrokeSamples full = extractKeystrokeFeatures(keys);
        KeystrokeSamples lists = full;
        for (auto it = lists.begin(); it != lists.end();)
            it = it->first.back() == '*' ? lists.erase(it) : std::next(it);
        lists["dwell:*"] = {1.0}; // sent aggregates are ignored
        KeystrokeSamples rebuilt = withAggregates(lists);
        QCOMPARE(rebuilt.size(), full.size());
        for (const char *name : {"dwell:*", "flight:*", "digraph:*"}) {
            auto a = rebuilt[name];
            auto b = full[name];
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            QCOMPARE(a, b);
        }
        QCOMPARE(
            sameTypist(KeystrokeProfile::fromSamples(rebuilt), KeystrokeProfile::fromSamples(full)).distance,
            0.0);
    }

    void enoughDataNeedsTenKeysAndRepeatedFeatures()
    {
        Typist t(8);
        QVERIFY(enoughKeystrokeData(
            KeystrokeProfile::fromSamples(extractKeystrokeFeatures(t.type(kText.substr(0, 40), 1)))));
        QVERIFY(!enoughKeystrokeData(
            KeystrokeProfile::fromSamples(extractKeystrokeFeatures(t.type("HELLO", 1)))));
        QVERIFY(!enoughKeystrokeData(KeystrokeProfile{}));
    }

    void scoreAndDistanceAreInverse()
    {
        for (double d : {0.0, 0.5, 1.0, 2.0, 3.5})
            QVERIFY(std::abs(sameTypistDistanceOf(sameTypistScoreOf(d)) - d) < 1e-9);
        QCOMPARE(sameTypistScoreOf(2.0), 50.0);
        QVERIFY(std::isinf(sameTypistDistanceOf(0.0)));
    }
};

QTEST_APPLESS_MAIN(TestKeystrokes)
#include "tst_keystrokes.moc"
