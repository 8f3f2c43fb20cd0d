// SPDX-License-Identifier: MIT
// LB_Kim and LB_Keogh never exceed the true DTW distance under the same band.
#include "analysis/dtw.h"
#include "analysis/lowerbounds.h"

#include "dtwreference.h"

#include <QtTest>

#include <random>

using namespace Proctor::Dtw;
using Proctor::Dtw::Testing::naiveDtw;
using Proctor::Dtw::Testing::randomWalk;
using Proctor::Dtw::Testing::warpedCopy;

Q_DECLARE_METATYPE(Proctor::Dtw::Band)

namespace {

// Bounds and reference are both float64; only summation order differs.
bool notAbove(double bound, double truth)
{
    return bound <= truth * (1.0 + 1e-12) + 1e-12;
}

Series noise(std::mt19937 &rng, std::size_t n)
{
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Series s;
    for (std::size_t i = 0; i < n; ++i) {
        s.push(u(rng), u(rng));
    }
    return s;
}

} // namespace

class TestLowerBounds : public QObject
{
    Q_OBJECT

private slots:
    void boundsNeverExceedDistance_data()
    {
        QTest::addColumn<Band>("band");
        QTest::addColumn<bool>("equalLengths");
        QTest::addColumn<int>("kind"); // 0 random walks, 1 uniform noise, 2 warped copies
        QTest::addColumn<int>("seed");
        const std::pair<const char *, Band> bands[] = {
            {"no band", Band::none()},           {"band 5%", Band::fraction(0.05)},
            {"band 10%", Band::fraction(0.1)},   {"band 30%", Band::fraction(0.3)},
            {"band 0 cells", Band::absolute(0)}, {"band 3 cells", Band::absolute(3)},
        };
        const char *kinds[] = {"random walks", "uniform noise", "warped copies"};
        int seed = 1;
        for (const auto &[bname, band] : bands) {
            for (int kind = 0; kind < 3; ++kind) {
                for (const bool equal : {true, false}) {
                    QTest::addRow("%s, %s, %s", bname, kinds[kind],
                                  equal ? "equal lengths" : "unequal lengths")
                        << band << equal << kind << seed++;
                }
            }
        }
    }
    void boundsNeverExceedDistance()
    {
        QFETCH(Band, band);
        QFETCH(bool, equalLengths);
        QFETCH(int, kind);
        QFETCH(int, seed);
        std::mt19937 rng(static_cast<unsigned>(seed));
        std::uniform_int_distribution<std::size_t> length(1, 300);
        double keoghSum = 0.0;
        for (int pair = 0; pair < 40; ++pair) {
            const std::size_t n = length(rng);
            const std::size_t m = equalLengths ? n : length(rng);
            Series a;
            Series b;
            if (kind == 0) {
                a = randomWalk(rng, n);
                b = randomWalk(rng, m);
            } else if (kind == 1) {
                a = noise(rng, n);
                b = noise(rng, m);
            } else {
                a = randomWalk(rng, n);
                b = warpedCopy(rng, a, m, 0.3);
            }
            const Window window = Window::fromBand(n, m, band);
            const double truth = naiveDtw(a, b, window);
            const double kim = lbKim(a, b);
            const double keoghQ = lbKeogh(a, b, window);
            const double keoghC = lbKeogh(b, envelope(a, window.transposed()));
            QVERIFY2(notAbove(kim, truth),
                     qPrintable(
                         QStringLiteral("LB_Kim %1 > DTW %2 (n=%3 m=%4)").arg(kim).arg(truth).arg(n).arg(m)));
            QVERIFY2(
                notAbove(keoghQ, truth),
                qPrintable(
                    QStringLiteral("LB_Keogh %1 > DTW %2 (n=%3 m=%4)").arg(keoghQ).arg(truth).arg(n).arg(m)));
            QVERIFY2(notAbove(keoghC, truth),
                     qPrintable(QStringLiteral("reverse LB_Keogh %1 > DTW %2 (n=%3 m=%4)")
                                    .arg(keoghC)
                                    .arg(truth)
                                    .arg(n)
                                    .arg(m)));
            // Early stopping returns a partial sum: still a bound, and above the cutoff.
            const double cut = keoghQ * 0.5;
            const double partial = lbKeogh(a, envelope(b, window), cut);
            QVERIFY(notAbove(partial, keoghQ));
            if (keoghQ > 0.0) {
                QVERIFY(partial > cut);
            }
            keoghSum += keoghQ;
        }
        QVERIFY2(keoghSum > 0.0, "LB_Keogh was zero everywhere: the test would not notice a broken bound");
    }

    void envelopeOnHandExample()
    {
        // b = (0,0) (1,5) (2,-1) (3,2); window radius 1 on 4x4: rows cover j in [i-1, i+1].
        Series b;
        b.push(0, 0);
        b.push(1, 5);
        b.push(2, -1);
        b.push(3, 2);
        const Envelope env = envelope(b, Window::fromBand(4, 4, Band::absolute(1)));
        QCOMPARE(env.size(), std::size_t{4});
        const std::vector<double> lowerX{0, 0, 1, 2}, upperX{1, 2, 3, 3};
        const std::vector<double> lowerY{0, -1, -1, -1}, upperY{5, 5, 5, 2};
        QCOMPARE(env.lowerX, lowerX);
        QCOMPARE(env.upperX, upperX);
        QCOMPARE(env.lowerY, lowerY);
        QCOMPARE(env.upperY, upperY);
        // a point inside its box costs 0, one 3 units right of box 0 (x in [0,1]) and 4 above (y <= 5)
        // costs 5.
        Series a;
        a.push(4, 9);
        a.push(1, 1);
        a.push(2, 0);
        a.push(3, 2);
        QCOMPARE(lbKeogh(a, env), 5.0);
    }

    void kimOnHandExample_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("expected");
        // a = (0,0),(1,0),...; b = a shifted up by 1: every cell on the diagonal costs 1.
        QTest::newRow("single cell") << 1 << 1.0;
        QTest::newRow("3 points: first + last") << 3 << 2.0;
        QTest::newRow("6 points: first, second, penultimate, last") << 6 << 4.0;
    }
    void kimOnHandExample()
    {
        QFETCH(int, n);
        QFETCH(double, expected);
        Series a;
        Series b;
        for (int i = 0; i < n; ++i) {
            a.push(i, 0);
            b.push(i, 1);
        }
        QCOMPARE(lbKim(a, b), expected);
        QVERIFY(lbKim(a, b) <= naiveDtw(a, b, Window::full(a.size(), b.size())));
    }
};

QTEST_APPLESS_MAIN(TestLowerBounds)
#include "tst_lowerbounds.moc"
