// SPDX-License-Identifier: MIT
// The pruned top-k search returns exactly what brute force over every candidate returns.
#include "analysis/similarsearch.h"

#include "dtwreference.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace Proctor::Analysis;
using Proctor::Dtw::Band;
using Proctor::Dtw::Kernel;
using Proctor::Dtw::Series;
using Proctor::Dtw::Window;
using Proctor::Dtw::Testing::randomWalk;
using Proctor::Dtw::Testing::warpedCopy;

Q_DECLARE_METATYPE(Proctor::Dtw::Band)
Q_DECLARE_METATYPE(Proctor::Dtw::Kernel)

namespace {

std::vector<SimilarCandidate> makeCandidates(std::mt19937 &rng, const Series &query, int count, int copies,
                                             bool equalLengths)
{
    std::uniform_int_distribution<std::size_t> length(40, 160);
    std::vector<SimilarCandidate> out;
    for (int c = 0; c < count; ++c) {
        const std::size_t m = equalLengths ? query.size() : length(rng);
        SimilarCandidate cand;
        cand.id = "session-" + std::to_string(c);
        // Near copies spread through the list, so the k-th best tightens at different moments.
        cand.series =
            (copies > 0 && c % (count / copies) == 0) ? warpedCopy(rng, query, m, 0.2) : randomWalk(rng, m);
        out.push_back(std::move(cand));
    }
    return out;
}

std::vector<std::pair<double, std::size_t>> bruteForce(const Series &query,
                                                       const std::vector<SimilarCandidate> &cands,
                                                       const SimilarSearchOptions &options)
{
    std::vector<std::pair<double, std::size_t>> all;
    for (std::size_t c = 0; c < cands.size(); ++c) {
        if (cands[c].series.empty()) {
            continue;
        }
        const Window w = Window::fromBand(query.size(), cands[c].series.size(), options.band);
        all.emplace_back(
            Proctor::Dtw::distance(query, cands[c].series, w, Proctor::Dtw::kInfinity, options.kernel), c);
    }
    std::sort(all.begin(), all.end());
    all.resize(std::min(all.size(), options.k));
    return all;
}

} // namespace

class TestSimilarSearch : public QObject
{
    Q_OBJECT

private slots:
    void topKEqualsBruteForce_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<Band>("band");
        QTest::addColumn<Kernel>("kernel");
        QTest::addColumn<int>("copies");
        QTest::addColumn<bool>("equalLengths");
        QTest::addColumn<int>("seed");
        QTest::newRow("k=1, band 10%, f32, 5 copies")
            << 1 << Band::fraction(0.1) << Kernel::Vectorised << 5 << true << 1;
        QTest::newRow("k=5, band 10%, f32, 10 copies")
            << 5 << Band::fraction(0.1) << Kernel::Vectorised << 10 << true << 2;
        QTest::newRow("k=10, band 10%, f32, unequal")
            << 10 << Band::fraction(0.1) << Kernel::Vectorised << 10 << false << 3;
        QTest::newRow("k=10, no band, f32, no copies")
            << 10 << Band::none() << Kernel::Vectorised << 0 << false << 4;
        QTest::newRow("k=3, band 5 cells, f64")
            << 3 << Band::absolute(5) << Kernel::VectorisedDouble << 6 << false << 5;
        QTest::newRow("k=7, band 20%, scalar")
            << 7 << Band::fraction(0.2) << Kernel::Scalar << 4 << true << 6;
        QTest::newRow("k larger than N")
            << 500 << Band::fraction(0.1) << Kernel::Vectorised << 3 << false << 7;
    }
    void topKEqualsBruteForce()
    {
        QFETCH(int, k);
        QFETCH(Band, band);
        QFETCH(Kernel, kernel);
        QFETCH(int, copies);
        QFETCH(bool, equalLengths);
        QFETCH(int, seed);
        std::mt19937 rng(static_cast<unsigned>(seed));
        const Series query = randomWalk(rng, 100);
        std::vector<SimilarCandidate> cands = makeCandidates(rng, query, 300, copies, equalLengths);
        cands[17].series = Series{}; // an empty trajectory must be skipped, not crash or match

        SimilarSearchOptions options;
        options.k = static_cast<std::size_t>(k);
        options.band = band;
        options.kernel = kernel;
        const SimilarSearchResult result = findSimilar(query, cands, options);
        const auto expected = bruteForce(query, cands, options);

        QCOMPARE(result.matches.size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            QCOMPARE(result.matches[r].index, expected[r].second);
            QCOMPARE(result.matches[r].id, cands[expected[r].second].id);
            QCOMPARE(result.matches[r].distance, expected[r].first); // same kernel: bit-identical
            QCOMPARE(result.matches[r].similarity,
                     Proctor::Dtw::similarity(expected[r].first, query.size(),
                                              cands[expected[r].second].series.size()));
        }
        const SimilarSearchStats &s = result.stats;
        QCOMPARE(s.candidates, cands.size());
        QCOMPARE(s.skippedEmpty, std::size_t{1});
        QCOMPARE(s.prunedByKim + s.prunedByKeoghQuery + s.prunedByKeoghCandidate + s.abandoned + s.completed +
                     s.skippedEmpty,
                 s.candidates);
        if (copies > 0 && static_cast<std::size_t>(k) < cands.size()) {
            // With planted near-copies the cascade must actually save work.
            QVERIFY2(s.completed < cands.size() / 2, qPrintable(QStringLiteral("only %1 of %2 skipped")
                                                                    .arg(cands.size() - s.completed)
                                                                    .arg(cands.size())));
        }
    }

    void tightBoundsShiftedCopies_data()
    {
        QTest::addColumn<Kernel>("kernel");
        QTest::addColumn<Band>("band");
        QTest::newRow("f32, band 10%") << Kernel::Vectorised << Band::fraction(0.1);
        QTest::newRow("f64, band 2 cells") << Kernel::VectorisedDouble << Band::absolute(2);
        QTest::newRow("scalar, no band") << Kernel::Scalar << Band::none();
    }
    void tightBoundsShiftedCopies()
    {
        // Copies of a smooth query shifted by nearly equal offsets: LB_Keogh is within a few percent of
        // the DTW distance and many candidates sit right at the k-th best, so any over-eager pruning
        // (a bound that is not a bound, a missing tolerance) changes the answer. The two end points
        // get unrelated offsets so the LB_Kim visiting order does not already sort the answer.
        QFETCH(Kernel, kernel);
        QFETCH(Band, band);
        Series query;
        for (int i = 0; i < 120; ++i) {
            query.push(std::cos(i * 0.05), std::sin(i * 0.03));
        }
        std::mt19937 rng(8);
        std::uniform_real_distribution<double> offset(2.0, 2.2);
        std::uniform_real_distribution<double> angle(0.0, 6.283);
        std::vector<SimilarCandidate> cands(400);
        for (std::size_t c = 0; c < cands.size(); ++c) {
            const double r = offset(rng);
            const double a = angle(rng);
            cands[c].id = "shifted-" + std::to_string(c);
            for (std::size_t i = 0; i < query.size(); ++i) {
                const bool end = i < 2 || i + 2 >= query.size();
                const double ri = end ? 4.0 * offset(rng) - 7.0 : r;
                cands[c].series.push(query.x[i] + ri * std::cos(a), query.y[i] + ri * std::sin(a));
            }
        }
        SimilarSearchOptions options;
        options.k = 8;
        options.band = band;
        options.kernel = kernel;
        const SimilarSearchResult result = findSimilar(query, cands, options);
        const auto expected = bruteForce(query, cands, options);
        QCOMPARE(result.matches.size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            QCOMPARE(result.matches[r].index, expected[r].second);
            QCOMPARE(result.matches[r].distance, expected[r].first);
        }
        QVERIFY(result.stats.completed < cands.size());
    }

    void bruteForceModeDoesEveryDtw()
    {
        std::mt19937 rng(11);
        const Series query = randomWalk(rng, 80);
        const auto cands = makeCandidates(rng, query, 50, 5, true);
        SimilarSearchOptions options;
        options.k = 4;
        options.useLowerBounds = false;
        options.earlyAbandon = false;
        const SimilarSearchResult r = findSimilar(query, cands, options);
        QCOMPARE(r.stats.completed, cands.size());
        QCOMPARE(r.matches.size(), std::size_t{4});
        options.useLowerBounds = true;
        options.earlyAbandon = true;
        const SimilarSearchResult pruned = findSimilar(query, cands, options);
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(pruned.matches[i].index, r.matches[i].index);
        }
    }

    void plantedCopyRanksFirst()
    {
        std::mt19937 rng(3);
        const Series query = randomWalk(rng, 120);
        std::vector<SimilarCandidate> cands = makeCandidates(rng, query, 100, 0, true);
        cands[42].series = warpedCopy(rng, query, 130, 0.05);
        const SimilarSearchResult r = findSimilar(query, cands, {});
        QVERIFY(!r.matches.empty());
        QCOMPARE(r.matches.front().id, std::string("session-42"));
        QVERIFY(r.matches.size() >= 2);
        QVERIFY(r.matches[0].similarity > r.matches[1].similarity);
    }
};

QTEST_APPLESS_MAIN(TestSimilarSearch)
#include "tst_similarsearch.moc"
