// SPDX-License-Identifier: MIT
// Trajectory preparation on hand-computed examples.
#include "analysis/trajectory.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace Proctor::Analysis;

using Points = std::vector<TrajectoryPoint>;
Q_DECLARE_METATYPE(Points)

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

void comparePoints(const Points &actual, const Points &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        QVERIFY2(near(actual[i].x, expected[i].x) && near(actual[i].y, expected[i].y) &&
                     near(actual[i].t, expected[i].t),
                 qPrintable(QStringLiteral("point %1: (%2, %3, %4) expected (%5, %6, %7)")
                                .arg(i)
                                .arg(actual[i].x)
                                .arg(actual[i].y)
                                .arg(actual[i].t)
                                .arg(expected[i].x)
                                .arg(expected[i].y)
                                .arg(expected[i].t)));
    }
}

} // namespace

class TestTrajectory : public QObject
{
    Q_OBJECT

private slots:
    void resample_data()
    {
        QTest::addColumn<Points>("input");
        QTest::addColumn<double>("interval");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<Points>("expected");
        QTest::addColumn<double>("effectiveInterval");

        const Points lShape{{0, 0, 0}, {32, 0, 32}, {32, 32, 64}};
        QTest::newRow("L shape every 16 ms")
            << lShape << 16.0 << 100
            << Points{{0, 0, 0}, {16, 0, 16}, {32, 0, 32}, {32, 16, 48}, {32, 32, 64}} << 16.0;
        QTest::newRow("cap at 3 points widens to 32 ms")
            << lShape << 16.0 << 3 << Points{{0, 0, 0}, {32, 0, 32}, {32, 32, 64}} << 32.0;
        QTest::newRow("uneven input interpolated in time")
            << Points{{0, 0, 100}, {10, 20, 110}, {10, 20, 150}} << 20.0 << 100
            << Points{{0, 0, 100}, {10, 20, 120}, {10, 20, 140}} << 20.0;
        QTest::newRow("end not on the grid is dropped")
            << Points{{0, 0, 0}, {40, 0, 40}} << 16.0 << 100 << Points{{0, 0, 0}, {16, 0, 16}, {32, 0, 32}}
            << 16.0;
        QTest::newRow("single point unchanged")
            << Points{{5, 6, 7}} << 16.0 << 100 << Points{{5, 6, 7}} << 16.0;
    }
    void resample()
    {
        QFETCH(Points, input);
        QFETCH(double, interval);
        QFETCH(int, maxPoints);
        QFETCH(Points, expected);
        QFETCH(double, effectiveInterval);
        double effective = 0.0;
        comparePoints(
            Proctor::Analysis::resample(input, interval, static_cast<std::size_t>(maxPoints), &effective),
            expected);
        QVERIFY(near(effective, effectiveInterval));
    }

    void firstStroke_data()
    {
        QTest::addColumn<Points>("input");
        QTest::addColumn<double>("pause");
        QTest::addColumn<int>("expectedCount");
        QTest::addColumn<bool>("pauseFound");
        const Points pts{{0, 0, 0}, {1, 0, 100}, {2, 0, 350}, {3, 0, 351}, {4, 0, 1000}};
        QTest::newRow("gap of 250 is not a pause (> threshold)") << pts << 250.0 << 4 << true;
        QTest::newRow("cut at first gap > 200") << pts << 200.0 << 2 << true;
        QTest::newRow("no pause above 1000") << pts << 1000.0 << 5 << false;
    }
    void firstStroke()
    {
        QFETCH(Points, input);
        QFETCH(double, pause);
        QFETCH(int, expectedCount);
        QFETCH(bool, pauseFound);
        bool found = !pauseFound;
        QCOMPARE(Proctor::Analysis::firstStroke(input, pause, &found).size(),
                 static_cast<std::size_t>(expectedCount));
        QCOMPARE(found, pauseFound);
    }

    void normalisation_data()
    {
        QTest::addColumn<Points>("input");
        QTest::addColumn<int>("origin");
        QTest::addColumn<int>("scale");
        QTest::addColumn<Points>("expected"); // t = original time
        QTest::addColumn<double>("scaleFactor");

        // Triangle (0,0) (6,0) (6,8): centroid (4, 8/3), bbox 6 x 8, diagonal 10.
        const Points tri{{0, 0, 0}, {6, 0, 1}, {6, 8, 2}};
        QTest::newRow("centroid, bbox diagonal")
            << tri << int(NormalisationOrigin::Centroid) << int(NormalisationScale::BoundingBoxDiagonal)
            << Points{{-0.4, -8.0 / 30.0, 0}, {0.2, -8.0 / 30.0, 1}, {0.2, 16.0 / 30.0, 2}} << 10.0;
        QTest::newRow("first point, bbox diagonal")
            << tri << int(NormalisationOrigin::FirstPoint) << int(NormalisationScale::BoundingBoxDiagonal)
            << Points{{0, 0, 0}, {0.6, 0, 1}, {0.6, 0.8, 2}} << 10.0;
        // (-3,0) (3,0) (0,4)... use a symmetric pair: (-1,0) (1,0): centroid 0, RMS radius 1.
        QTest::newRow("centroid, std-dev")
            << Points{{-1, 5, 0}, {1, 5, 1}} << int(NormalisationOrigin::Centroid)
            << int(NormalisationScale::StdDev) << Points{{-1, 0, 0}, {1, 0, 1}} << 1.0;
        QTest::newRow("wide flat movement keeps its aspect ratio")
            << Points{{0, 0, 0}, {300, 0, 1}, {300, 4, 2}} << int(NormalisationOrigin::FirstPoint)
            << int(NormalisationScale::BoundingBoxDiagonal)
            << Points{{0, 0, 0},
                      {300 / std::hypot(300.0, 4.0), 0, 1},
                      {300 / std::hypot(300.0, 4.0), 4 / std::hypot(300.0, 4.0), 2}}
            << std::hypot(300.0, 4.0);
        QTest::newRow("no scaling keeps pixels")
            << tri << int(NormalisationOrigin::FirstPoint) << int(NormalisationScale::None) << tri << 1.0;
        QTest::newRow("a dot is only translated")
            << Points{{7, 7, 0}, {7, 7, 1}, {7, 7, 2}} << int(NormalisationOrigin::Centroid)
            << int(NormalisationScale::BoundingBoxDiagonal) << Points{{0, 0, 0}, {0, 0, 1}, {0, 0, 2}} << 1.0;
    }
    void normalisation()
    {
        QFETCH(Points, input);
        QFETCH(int, origin);
        QFETCH(int, scale);
        QFETCH(Points, expected);
        QFETCH(double, scaleFactor);
        PreparationOptions options;
        options.resampleIntervalMs = 0; // raw samples: the example is about normalisation only
        options.origin = static_cast<NormalisationOrigin>(origin);
        options.scale = static_cast<NormalisationScale>(scale);
        const PreparedTrajectory p = prepareTrajectory(QuestionTrajectory{"q1", input}, options);
        Points actual;
        for (std::size_t i = 0; i < p.series.size(); ++i) {
            actual.push_back({p.series.x[i], p.series.y[i], p.timesMs[i]});
        }
        comparePoints(actual, expected);
        QVERIFY(near(p.info.scaleFactor, scaleFactor));
        QCOMPARE(p.info.degenerate, QByteArray(QTest::currentDataTag()).startsWith("a dot"));
    }

    void preparationRecordsChoices()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QuestionTrajectory q{"q07",
                             {{0, 0, 0},
                              {nan, 1, 5},
                              {10, 0, 10},
                              {10, 0, 10},
                              {11, 0, 16},
                              {20, 0, 20},
                              {50, 50, 900},
                              {60, 60, 950}}};
        // Out of order, duplicated timestamp (keep the later one), NaN.
        std::swap(q.points[2], q.points[5]);
        q.points[5] = {12, 0, 10};
        PreparationOptions options;
        options.firstStrokeOnly = true;
        options.pauseThresholdMs = 250;
        options.resampleIntervalMs = 5;
        options.maxPoints = 3;
        const PreparedTrajectory p = prepareTrajectory(q, options);
        QCOMPARE(p.info.questionId, std::string("q07"));
        QCOMPARE(p.info.inputPoints, std::size_t{8});
        QCOMPARE(p.info.droppedPoints, std::size_t{2}); // the NaN and the superseded duplicate
        QVERIFY(p.info.firstStrokeOnly);
        QVERIFY(p.info.pauseFound);
        QCOMPARE(p.info.strokePoints, std::size_t{4}); // t = 0, 10, 16, 20; the pause before 900 cut the rest
        QVERIFY(p.info.capped);                        // 20 ms at 5 ms would be 5 points
        QVERIFY(near(p.info.effectiveIntervalMs, 10.0));
        QCOMPARE(p.info.outputPoints, std::size_t{3});
        QVERIFY(near(p.info.durationMs, 20.0));
        QCOMPARE(p.info.origin, NormalisationOrigin::Centroid);
        QCOMPARE(p.info.scale, NormalisationScale::BoundingBoxDiagonal);
        // Samples at 0, 10, 20: x = 0, 12 (the later duplicate), 20 -> centroid 32/3, bbox diagonal 20.
        QVERIFY(near(p.info.originX, 32.0 / 3.0));
        QVERIFY(near(p.info.scaleFactor, 20.0));
        QVERIFY(near(p.series.x[1], (12.0 - 32.0 / 3.0) / 20.0));
    }

    void splitByQuestion()
    {
        const std::vector<QuestionTrajectory> segments{
            {"q1", {{0, 0, 10}, {1, 1, 20}}},
            {"q2", {{5, 5, 30}}},
            {"q1", {{2, 2, 40}, {1.5, 1.5, 25}}}, // revisited; one sample out of order
        };
        const auto split = Proctor::Analysis::splitByQuestion(segments);
        QCOMPARE(split.size(), std::size_t{2});
        QCOMPARE(split[0].questionId, std::string("q1"));
        comparePoints(split[0].points, Points{{0, 0, 10}, {1, 1, 20}, {1.5, 1.5, 25}, {2, 2, 40}});
        QCOMPARE(split[1].questionId, std::string("q2"));
        const auto prepared = prepareSession(segments);
        QCOMPARE(prepared.size(), std::size_t{2});
        QCOMPARE(prepared[1].info.questionId, std::string("q2"));
    }
};

QTEST_APPLESS_MAIN(TestTrajectory)
#include "tst_trajectory.moc"
