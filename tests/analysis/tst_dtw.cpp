// SPDX-License-Identifier: MIT
// DTW kernels, band, early abandoning, warping path and approximate mode against a naive reference.
#include "analysis/dtw.h"
#include "analysis/dtwkernels.h"

#include "dtwreference.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace Proctor::Dtw;
using Proctor::Dtw::Testing::maxAbs;
using Proctor::Dtw::Testing::naiveDtw;
using Proctor::Dtw::Testing::randomWalk;

Q_DECLARE_METATYPE(Proctor::Dtw::Band)
Q_DECLARE_METATYPE(Proctor::Dtw::Kernel)

namespace {

constexpr int kPairsPerRow = 60;

double toleranceFor(Kernel kernel, const Series &a, const Series &b, double reference)
{
    if (kernel == Kernel::Vectorised) {
        return Kernels::float32Tolerance(a.size(), b.size(), std::max(maxAbs(a), maxAbs(b)), reference);
    }
    return 1e-9 * (1.0 + reference);
}

void addKernelBandRows()
{
    QTest::addColumn<Kernel>("kernel");
    QTest::addColumn<Band>("band");
    QTest::addColumn<int>("seed");
    const std::pair<const char *, Kernel> kernels[] = {
        {"vectorised-f32", Kernel::Vectorised},
        {"vectorised-f64", Kernel::VectorisedDouble},
        {"scalar-f64", Kernel::Scalar},
    };
    const std::pair<const char *, Band> bands[] = {
        {"no band", Band::none()},           {"band 10%", Band::fraction(0.1)},
        {"band 3%", Band::fraction(0.03)},   {"band 0 cells", Band::absolute(0)},
        {"band 7 cells", Band::absolute(7)},
    };
    int seed = 1;
    for (const auto &[kname, kernel] : kernels) {
        for (const auto &[bname, band] : bands) {
            QTest::addRow("%s, %s", kname, bname) << kernel << band << seed++;
        }
    }
}

void checkPath(const Series &a, const Series &b, const Window &window, const Result &r)
{
    const WarpingPath &path = r.path;
    QVERIFY(!path.empty());
    QCOMPARE(path.front(), (PathStep{0, 0}));
    QCOMPARE(path.back(), (PathStep{a.size() - 1, b.size() - 1}));
    double sum = 0.0;
    for (std::size_t k = 0; k < path.size(); ++k) {
        const PathStep s = path[k];
        QVERIFY2(window.contains(s.i, s.j), "path leaves the window");
        if (k > 0) {
            const PathStep p = path[k - 1];
            QVERIFY2(s.i >= p.i && s.j >= p.j, "path not monotone");
            QVERIFY2(s.i - p.i <= 1 && s.j - p.j <= 1, "path step longer than 1");
            QVERIFY2(s.i != p.i || s.j != p.j, "path repeats a cell");
        }
        sum += std::hypot(a.x[s.i] - b.x[s.j], a.y[s.i] - b.y[s.j]);
    }
    QVERIFY2(std::abs(sum - r.distance) <= 1e-9 * (1.0 + r.distance),
             qPrintable(QStringLiteral("path cost %1 != distance %2").arg(sum).arg(r.distance)));
}

} // namespace

class TestDtw : public QObject
{
    Q_OBJECT

private slots:
    void matchesNaiveReference_data() { addKernelBandRows(); }
    void matchesNaiveReference()
    {
        QFETCH(Kernel, kernel);
        QFETCH(Band, band);
        QFETCH(int, seed);
        std::mt19937 rng(static_cast<unsigned>(seed));
        std::uniform_int_distribution<std::size_t> length(1, 300);
        for (int pair = 0; pair < kPairsPerRow; ++pair) {
            const Series a = randomWalk(rng, length(rng));
            const Series b = randomWalk(rng, length(rng));
            const Window window = Window::fromBand(a.size(), b.size(), band);
            const double expected = naiveDtw(a, b, window);
            QVERIFY(std::isfinite(expected));
            const double actual = distance(a, b, window, kInfinity, kernel);
            QVERIFY2(std::abs(actual - expected) <= toleranceFor(kernel, a, b, expected),
                     qPrintable(QStringLiteral("n=%1 m=%2: %3 vs reference %4")
                                    .arg(a.size())
                                    .arg(b.size())
                                    .arg(actual, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
            // The Options overload builds the same window.
            Options options;
            options.band = band;
            options.kernel = kernel;
            QCOMPARE(distance(a, b, options), actual);
        }
    }

    void simdTailsMatchScalarExactly_data()
    {
        QTest::addColumn<int>("maxLength");
        QTest::newRow("lengths 1..12, every pair") << 12;
    }
    void simdTailsMatchScalarExactly()
    {
        // Every residue of the 2/4-lane loops against the row loop; float64 must agree bit for bit.
        QFETCH(int, maxLength);
        std::mt19937 rng(99);
        for (int n = 1; n <= maxLength; ++n) {
            for (int m = 1; m <= maxLength; ++m) {
                const Series a = randomWalk(rng, static_cast<std::size_t>(n));
                const Series b = randomWalk(rng, static_cast<std::size_t>(m));
                const Window window = Window::full(a.size(), b.size());
                QCOMPARE(Kernels::wavefrontDouble(a, b, window, kInfinity),
                         Kernels::scalarRows(a, b, window, kInfinity));
            }
        }
    }

    void earlyAbandoningNeverChangesResultBelowCutoff_data() { addKernelBandRows(); }
    void earlyAbandoningNeverChangesResultBelowCutoff()
    {
        QFETCH(Kernel, kernel);
        QFETCH(Band, band);
        QFETCH(int, seed);
        std::mt19937 rng(static_cast<unsigned>(seed) + 1000);
        std::uniform_int_distribution<std::size_t> length(1, 300);
        int abandoned = 0;
        for (int pair = 0; pair < kPairsPerRow; ++pair) {
            const Series a = randomWalk(rng, length(rng));
            const Series b = randomWalk(rng, length(rng));
            const Window window = Window::fromBand(a.size(), b.size(), band);
            const double full = distance(a, b, window, kInfinity, kernel);
            for (const double factor : {0.0, 0.3, 0.9, 0.999999, 1.0, 1.000001, 2.0}) {
                const double cutoff = full * factor;
                const double withCutoff = distance(a, b, window, cutoff, kernel);
                if (full <= cutoff) {
                    QCOMPARE(withCutoff, full); // bit-identical, not just close
                } else {
                    QVERIFY2(std::isinf(withCutoff) || withCutoff == full, "abandoning altered a result");
                    abandoned += std::isinf(withCutoff) ? 1 : 0;
                }
            }
        }
        QVERIFY2(abandoned > 0, "no pair was ever abandoned: the cutoff is not wired in");
    }

    void warpingPathIsValid_data()
    {
        QTest::addColumn<Band>("band");
        QTest::addColumn<int>("seed");
        QTest::newRow("no band") << Band::none() << 1;
        QTest::newRow("band 10%") << Band::fraction(0.1) << 2;
        QTest::newRow("band 0 cells, unequal lengths") << Band::absolute(0) << 3;
        QTest::newRow("band 5 cells") << Band::absolute(5) << 4;
    }
    void warpingPathIsValid()
    {
        QFETCH(Band, band);
        QFETCH(int, seed);
        std::mt19937 rng(static_cast<unsigned>(seed));
        std::uniform_int_distribution<std::size_t> length(1, 300);
        for (int pair = 0; pair < 40; ++pair) {
            const Series a = randomWalk(rng, length(rng));
            const Series b = randomWalk(rng, length(rng));
            const Window window = Window::fromBand(a.size(), b.size(), band);
            const Result r = align(a, b, band);
            QVERIFY(!r.approximate);
            const double expected = naiveDtw(a, b, window);
            QVERIFY(std::abs(r.distance - expected) <= 1e-9 * (1.0 + expected));
            QCOMPARE(r.similarity, similarity(r.distance, a.size(), b.size()));
            checkPath(a, b, window, r);
        }
    }

    void bandStillReachesCorner_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<double>("radius");
        QTest::newRow("3 vs 5, radius 0") << 3 << 5 << 0.0;
        QTest::newRow("5 vs 3, radius 0") << 5 << 3 << 0.0;
        QTest::newRow("1 vs 7, radius 0") << 1 << 7 << 0.0;
        QTest::newRow("7 vs 1, radius 0") << 7 << 1 << 0.0;
        QTest::newRow("300 vs 2, radius 1") << 300 << 2 << 1.0;
        QTest::newRow("17 vs 211, radius 0.4") << 17 << 211 << 0.4;
    }
    void bandStillReachesCorner()
    {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(double, radius);
        std::mt19937 rng(static_cast<unsigned>(n * 1000 + m));
        const Series a = randomWalk(rng, static_cast<std::size_t>(n));
        const Series b = randomWalk(rng, static_cast<std::size_t>(m));
        const Window window = Window::fromBand(a.size(), b.size(), Band::absolute(radius));
        QCOMPARE(window.row(0).lo, std::size_t{0});
        QCOMPARE(window.row(a.size() - 1).hi, b.size() - 1);
        for (std::size_t i = 1; i < a.size(); ++i) {
            QVERIFY2(window.row(i).lo <= window.row(i - 1).hi + 1, "gap between rows");
        }
        const double d = distance(a, b, window);
        QVERIFY(std::isfinite(d));
        QVERIFY(std::abs(d - naiveDtw(a, b, window)) <=
                Kernels::float32Tolerance(a.size(), b.size(), std::max(maxAbs(a), maxAbs(b)), d));
    }

    void bandOnEqualLengthsIsTextbook_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<Band>("band");
        QTest::addColumn<int>("radius");
        QTest::newRow("n=10, 2 cells -> |i-j|<=2") << 10 << Band::absolute(2) << 2;
        QTest::newRow("n=50, 0 cells -> |i-j|<=0") << 50 << Band::absolute(0) << 0;
        QTest::newRow("n=40, fraction 0.1 -> |i-j|<=4") << 40 << Band::fraction(0.1) << 4;
        QTest::newRow("n=30, fraction 0.05 -> |i-j|<=1") << 30 << Band::fraction(0.05) << 1;
    }
    void bandOnEqualLengthsIsTextbook()
    {
        QFETCH(int, n);
        QFETCH(Band, band);
        QFETCH(int, radius);
        const auto size = static_cast<std::size_t>(n);
        const Window window = Window::fromBand(size, size, band);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                QCOMPARE(window.contains(static_cast<std::size_t>(i), static_cast<std::size_t>(j)),
                         std::abs(i - j) <= radius);
            }
        }
    }

    void transposedWindowHasSameCells()
    {
        const Window w = Window::fromBand(37, 91, Band::fraction(0.15));
        const Window t = w.transposed();
        QCOMPARE(t.rows(), w.cols());
        QCOMPARE(t.cellCount(), w.cellCount());
        for (std::size_t i = 0; i < w.rows(); ++i) {
            for (std::size_t j = 0; j < w.cols(); ++j) {
                QCOMPARE(t.contains(j, i), w.contains(i, j));
            }
        }
    }

    void approximateMode_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("radius");
        QTest::newRow("below minSize: exact") << 50 << 60 << 4;
        QTest::newRow("500 vs 700, radius 4") << 500 << 700 << 4;
        QTest::newRow("1000 vs 1000, radius 1") << 1000 << 1000 << 1;
        QTest::newRow("1000 vs 300, radius 8") << 1000 << 300 << 8;
    }
    void approximateMode()
    {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(int, radius);
        std::mt19937 rng(static_cast<unsigned>(n + m + radius));
        const Series a = randomWalk(rng, static_cast<std::size_t>(n));
        const Series b = randomWalk(rng, static_cast<std::size_t>(m));
        ApproximateOptions options;
        options.radius = static_cast<std::size_t>(radius);
        const Result approx = approximate(a, b, options);
        QVERIFY(approx.approximate);
        const double exact = naiveDtw(a, b, Window::full(a.size(), b.size()));
        // A real path inside a corridor: never cheaper than the unconstrained optimum.
        QVERIFY2(approx.distance >= exact - 1e-9 * exact,
                 qPrintable(QStringLiteral("approx %1 < exact %2").arg(approx.distance).arg(exact)));
        QVERIFY(approx.cells <= a.size() * b.size());
        checkPath(a, b, Window::full(a.size(), b.size()), approx);
        if (a.size() <= options.minSize) {
            QVERIFY(std::abs(approx.distance - exact) <= 1e-9 * exact);
        }
        options.withPath = false;
        const Result quick = approximate(a, b, options);
        QVERIFY(quick.approximate);
        QVERIFY(quick.path.empty());
        QVERIFY(
            std::abs(quick.distance - approx.distance) <=
            Kernels::float32Tolerance(a.size(), b.size(), std::max(maxAbs(a), maxAbs(b)), approx.distance));
    }

    void identicalSeriesHaveZeroDistance()
    {
        std::mt19937 rng(5);
        const Series a = randomWalk(rng, 257);
        QCOMPARE(distance(a, a), 0.0);
        QCOMPARE(compare(a, a).similarity, 100.0);
        const Result r = align(a, a, Band::fraction(0.1));
        QCOMPARE(r.path.size(), a.size()); // straight diagonal
        QCOMPARE(approximate(a, a).distance, 0.0);
    }

    void emptyInput()
    {
        const Series empty;
        Series one;
        one.push(1.0, 2.0);
        QVERIFY(std::isinf(distance(empty, one)));
        QVERIFY(std::isinf(distance(one, empty)));
        const Result r = compare(empty, one);
        QCOMPARE(r.similarity, 0.0);
        QVERIFY(!r.abandoned);
        QVERIFY(align(empty, one).path.empty());
    }

    void similarityDefinition_data()
    {
        QTest::addColumn<double>("distance");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<double>("expected");
        const double l = 200.0;
        QTest::newRow("zero distance -> 100") << 0.0 << 200 << 150 << 100.0;
        QTest::newRow("mean deviation s0 -> 100/e")
            << l * kSimilarityScale << 200 << 150 << 100.0 / std::exp(1.0);
        QTest::newRow("L is max(n, m)") << l * kSimilarityScale << 150 << 200 << 100.0 / std::exp(1.0);
        QTest::newRow("the 85 line") << l * kSimilarityScale * std::log(100.0 / 85.0) << 200 << 200 << 85.0;
        QTest::newRow("abandoned (+inf) -> 0") << kInfinity << 10 << 10 << 0.0;
        QTest::newRow("empty -> 0") << 0.0 << 0 << 10 << 0.0;
    }
    void similarityDefinition()
    {
        QFETCH(double, distance);
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(double, expected);
        const double s = similarity(distance, static_cast<std::size_t>(n), static_cast<std::size_t>(m));
        QVERIFY2(std::abs(s - expected) < 1e-9, qPrintable(QString::number(s, 'g', 17)));
    }
};

QTEST_APPLESS_MAIN(TestDtw)
#include "tst_dtw.moc"
