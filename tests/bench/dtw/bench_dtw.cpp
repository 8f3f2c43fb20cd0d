// SPDX-License-Identifier: MIT
// DTW benchmark: prints one JSON object (kernel throughput, 10k pairs, 1-vs-10,000 search, approximate
// error).
#include "analysis/dtw.h"
#include "analysis/dtwkernels.h"
#include "analysis/similarsearch.h"
#include "analysis/trajectory.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#ifndef PROCTOR_BENCH_BUILD_TYPE
#define PROCTOR_BENCH_BUILD_TYPE "unknown"
#endif

using namespace Proctor;
using Dtw::Band;
using Dtw::Kernel;
using Dtw::Series;
using Dtw::Window;

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time of `repeats` runs, in ms. The result is kept so the work cannot be optimised away.
double timeMs(int repeats, const std::function<double()> &work, double *result = nullptr)
{
    std::vector<double> times;
    double last = 0.0;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        last = work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    if (result) {
        *result = last;
    }
    return times[times.size() / 2];
}

// A mouse-like movement: velocity with momentum plus jitter, sampled every 16 ms, then prepared the
// way the product prepares real trajectories (centroid, bounding-box diagonal).
Series mouseTrajectory(std::mt19937 &rng, std::size_t n)
{
    std::normal_distribution<double> g(0.0, 1.0);
    Analysis::QuestionTrajectory q;
    double x = 500;
    double y = 400;
    double vx = 0;
    double vy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        vx = 0.9 * vx + g(rng);
        vy = 0.9 * vy + g(rng);
        x += vx;
        y += vy;
        q.points.push_back({x, y, 16.0 * static_cast<double>(i)});
    }
    Analysis::PreparationOptions options;
    options.maxPoints = n;
    return Analysis::prepareTrajectory(q, options).series;
}

Series noisyCopy(std::mt19937 &rng, const Series &s, double noise)
{
    std::normal_distribution<double> g(0.0, noise);
    Series out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double u = static_cast<double>(i) / static_cast<double>(s.size() - 1);
        const auto k = static_cast<std::size_t>(std::pow(u, 1.05) * static_cast<double>(s.size() - 1));
        out.push(s.x[k] + g(rng), s.y[k] + g(rng));
    }
    return out;
}

// Another candidate answering the same question: the shared path plus a smooth personal deviation
// (amplitude as a fraction of the trajectory size) and a different speed profile. Pruning is hardest
// here because every candidate is close to the query.
Series variantOf(std::mt19937 &rng, const Series &shared, double amplitude)
{
    std::normal_distribution<double> g(0.0, 1.0);
    std::uniform_real_distribution<double> speed(0.85, 1.15);
    const double power = speed(rng);
    Series out;
    double dx = 0, dy = 0, vx = 0, vy = 0;
    const std::size_t n = shared.size();
    for (std::size_t i = 0; i < n; ++i) {
        vx = 0.98 * vx + g(rng) * 0.02;
        vy = 0.98 * vy + g(rng) * 0.02;
        dx = 0.99 * dx + vx;
        dy = 0.99 * dy + vy;
        const double u = static_cast<double>(i) / static_cast<double>(n - 1);
        const auto k = static_cast<std::size_t>(std::pow(u, power) * static_cast<double>(n - 1));
        out.push(shared.x[k] + amplitude * dx, shared.y[k] + amplitude * dy);
    }
    return out;
}

std::string num(double v, int precision = 4)
{
    std::ostringstream os;
    os.precision(precision);
    os << std::fixed << v;
    return os.str();
}

double runKernel(Kernel kernel, const Series &a, const Series &b, const Window &w)
{
    return Dtw::distance(a, b, w, Dtw::kInfinity, kernel);
}

} // namespace

int main()
{
    std::mt19937 rng(20261125);
    std::ostringstream json;
    json << "{\n";
    json << "  \"build\": {\"buildType\": \"" << PROCTOR_BENCH_BUILD_TYPE << "\", \"compiler\": \""
         << __VERSION__ << "\", \"sse2\": "
#if defined(__SSE2__)
         << "true"
#else
         << "false"
#endif
         << ", \"threads\": 1},\n";

    // 1. Raw throughput on a full 4000 x 4000 matrix (fits in cache, no band bookkeeping).
    {
        const Series a = mouseTrajectory(rng, 4000);
        const Series b = mouseTrajectory(rng, 4000);
        const Window w = Window::full(a.size(), b.size());
        const double cells = static_cast<double>(w.cellCount());
        double dF32 = 0, dF64 = 0, dScalar = 0;
        const double tF32 = timeMs(
            5, [&] { return runKernel(Kernel::Vectorised, a, b, w); }, &dF32);
        const double tF64 = timeMs(
            5, [&] { return runKernel(Kernel::VectorisedDouble, a, b, w); }, &dF64);
        const double tScalar = timeMs(
            3, [&] { return runKernel(Kernel::Scalar, a, b, w); }, &dScalar);
        json << "  \"throughput\": {\"series\": \"4000 x 4000, no band\", \"cells\": " << num(cells, 0)
             << ", \"unit\": \"Gcells/s\",\n"
             << "    \"vectorisedF32\": " << num(cells / tF32 / 1e6, 3)
             << ", \"vectorisedF64\": " << num(cells / tF64 / 1e6, 3)
             << ", \"scalarF64\": " << num(cells / tScalar / 1e6, 3)
             << ", \"speedupF32OverScalar\": " << num(tScalar / tF32, 2)
             << ", \"f32RelativeErrorVsScalar\": " << num(std::abs(dF32 - dScalar) / dScalar * 1e6, 3)
             << "e-6"
             << ", \"f64EqualsScalar\": " << (dF64 == dScalar ? "true" : "false")
             << ", \"target\": \">= 1 Gcells/s\", \"met\": " << (cells / tF32 / 1e6 >= 1.0 ? "true" : "false")
             << "},\n";
    }

    // 2. Two 10,000-point trajectories, full and with a 10 % Sakoe-Chiba band (radius 1000 = ±10 %).
    {
        const Series a = mouseTrajectory(rng, 10000);
        const Series b = mouseTrajectory(rng, 10000);
        json << "  \"pair10k\": {";
        bool first = true;
        for (const auto &[name, band] :
             {std::pair{"full", Band::none()}, std::pair{"band10pct", Band::fraction(0.1)},
              std::pair{"band5pct", Band::fraction(0.05)}}) {
            const Window w = Window::fromBand(a.size(), b.size(), band);
            const double cells = static_cast<double>(w.cellCount());
            const bool full = band.isNone();
            const double tF32 = timeMs(full ? 3 : 7, [&] { return runKernel(Kernel::Vectorised, a, b, w); });
            const double tF64 =
                timeMs(full ? 3 : 7, [&] { return runKernel(Kernel::VectorisedDouble, a, b, w); });
            const double tScalar = timeMs(full ? 1 : 3, [&] { return runKernel(Kernel::Scalar, a, b, w); });
            json << (first ? "\n" : ",\n") << "    \"" << name << "\": {\"radius\": "
                 << (full ? std::string("null") : num(band.radius(a.size(), b.size()), 0))
                 << ", \"cells\": " << num(cells, 0) << ", \"vectorisedF32Ms\": " << num(tF32, 2)
                 << ", \"vectorisedF64Ms\": " << num(tF64, 2) << ", \"scalarF64Ms\": " << num(tScalar, 2);
            if (name == std::string("band10pct")) {
                json << ", \"target\": \"<= 10 ms\", \"met\": " << (tF32 <= 10.0 ? "true" : "false");
            }
            json << "}";
            first = false;
        }
        Dtw::ApproximateOptions preview; // the interactive overlay: path included, default radius
        const double tPreview = timeMs(5, [&] { return Dtw::approximate(a, b, preview).distance; });
        const double exactFull = Dtw::distance(a, b);
        const double approxFull = Dtw::approximate(a, b, preview).distance;
        json << ",\n    \"approximateWithPath\": {\"radius\": " << preview.radius
             << ", \"ms\": " << num(tPreview, 2)
             << ", \"relErrorVsFull\": " << num((approxFull - exactFull) / exactFull, 5) << "}";
        json << "},\n";
    }

    // 3. 1-vs-10,000 search, 1,000-point trajectories, 10 % band, k = 10, in two scenarios:
    //    "independent": unrelated movements plus 20 noisy replays of the query (what the search is for);
    //    "sameQuestion": every candidate follows the same path with a personal deviation and nobody
    //    copied (the worst case for pruning: all candidates are near the query, none is very near).
    {
        const std::size_t n = 1000;
        const std::size_t count = 10000;
        const Series shared = mouseTrajectory(rng, n);
        json << "  \"search\": {\"queryPoints\": " << n << ", \"candidates\": " << count
             << ", \"candidatePoints\": " << n
             << ", \"k\": 10, \"band\": \"10% (radius 100)\", \"kernel\": \"vectorisedF32\", \"target\": \"< "
                "1000 ms\",";
        bool first = true;
        for (const char *scenario : {"independent", "sameQuestion"}) {
            const bool independent = scenario == std::string("independent");
            const Series query = independent ? mouseTrajectory(rng, n) : variantOf(rng, shared, 0.05);
            std::vector<Analysis::SimilarCandidate> candidates(count);
            for (std::size_t c = 0; c < count; ++c) {
                candidates[c].id = "s" + std::to_string(c);
                if (independent && c % 500 == 123) {
                    candidates[c].series = noisyCopy(rng, query, 0.01);
                } else {
                    candidates[c].series =
                        independent ? mouseTrajectory(rng, n) : variantOf(rng, shared, 0.05);
                }
            }
            Analysis::SimilarSearchOptions options;
            options.k = 10;
            options.band = Band::fraction(0.1);
            Analysis::SimilarSearchResult result;
            const double tSearch = timeMs(3, [&] {
                result = Analysis::findSimilar(query, candidates, options);
                return result.matches.empty() ? 0.0 : result.matches.front().distance;
            });
            const Analysis::SimilarSearchStats &s = result.stats;

            const std::size_t subset = 500;
            Analysis::SimilarSearchOptions brute = options;
            brute.useLowerBounds = false;
            brute.earlyAbandon = false;
            const std::span<const Analysis::SimilarCandidate> part(candidates.data(), subset);
            const double tSubset =
                timeMs(1, [&] { return Analysis::findSimilar(query, part, brute).matches.front().distance; });
            const double extrapolated = tSubset * static_cast<double>(count) / static_cast<double>(subset);
            std::size_t plantedFound = 0;
            for (const auto &m : result.matches) {
                plantedFound += (m.index % 500 == 123) ? 1 : 0;
            }
            json << (first ? "\n" : ",\n") << "    \"" << scenario << "\": {\"ms\": " << num(tSearch, 1)
                 << ", \"met\": " << (tSearch < 1000.0 ? "true" : "false")
                 << ", \"plantedReplays\": " << (independent ? 20 : 0)
                 << ", \"plantedInTopK\": " << plantedFound << ", \"prunedByKim\": " << s.prunedByKim
                 << ", \"prunedByKeoghQuery\": " << s.prunedByKeoghQuery
                 << ", \"prunedByKeoghCandidate\": " << s.prunedByKeoghCandidate
                 << ", \"abandoned\": " << s.abandoned << ", \"completedDtw\": " << s.completed
                 << ",\n      \"bruteForce\": {\"measuredCandidates\": " << subset
                 << ", \"measuredMs\": " << num(tSubset, 1)
                 << ", \"extrapolatedMsFor10000\": " << num(extrapolated, 0)
                 << ", \"extrapolated\": true, \"note\": \"no bounds, no abandoning, same kernel: 500 "
                    "candidates timed, x20\"}"
                 << ", \"speedupVsBruteForce\": " << num(extrapolated / tSearch, 1) << "}";
            first = false;
        }
        json << "},\n";
    }

    // 4. Approximate mode against exact unconstrained DTW on 1,000-point random walks.
    {
        const int pairs = 20;
        std::vector<Series> as, bs;
        std::normal_distribution<double> g(0.0, 1.0);
        for (int p = 0; p < pairs; ++p) {
            for (std::vector<Series> *v : {&as, &bs}) {
                Analysis::QuestionTrajectory q;
                double x = 0, y = 0;
                for (int i = 0; i < 1000; ++i) {
                    x += g(rng);
                    y += g(rng);
                    q.points.push_back({x, y, 16.0 * i});
                }
                v->push_back(Analysis::prepareTrajectory(q).series);
            }
        }
        std::vector<double> exact(pairs);
        const double tExact = timeMs(1, [&] {
            for (int p = 0; p < pairs; ++p) {
                exact[static_cast<std::size_t>(p)] =
                    Dtw::distance(as[static_cast<std::size_t>(p)], bs[static_cast<std::size_t>(p)]);
            }
            return exact[0];
        });
        json << "  \"approximate\": {\"series\": \"1000-point random walks, normalised\", \"pairs\": "
             << pairs << ", \"exactNoBandMsPerPair\": " << num(tExact / pairs, 3) << ", \"byRadius\": [";
        bool first = true;
        for (const std::size_t radius : {std::size_t{1}, std::size_t{4}, std::size_t{8}}) {
            Dtw::ApproximateOptions options;
            options.radius = radius;
            options.withPath = false;
            std::vector<double> approx(pairs);
            const double t = timeMs(3, [&] {
                for (std::size_t p = 0; p < static_cast<std::size_t>(pairs); ++p) {
                    approx[p] = Dtw::approximate(as[p], bs[p], options).distance;
                }
                return approx[0];
            });
            double meanRel = 0, maxRel = 0, meanSim = 0, maxSim = 0;
            for (std::size_t p = 0; p < static_cast<std::size_t>(pairs); ++p) {
                const double rel = (approx[p] - exact[p]) / exact[p];
                const double sim =
                    Dtw::similarity(exact[p], 1000, 1000) - Dtw::similarity(approx[p], 1000, 1000);
                meanRel += rel / pairs;
                maxRel = std::max(maxRel, rel);
                meanSim += sim / pairs;
                maxSim = std::max(maxSim, sim);
            }
            Dtw::ApproximateOptions withPath = options;
            withPath.withPath = true;
            const double tPath = timeMs(3, [&] { return Dtw::approximate(as[0], bs[0], withPath).distance; });
            json << (first ? "\n" : ",\n") << "    {\"radius\": " << radius
                 << ", \"msPerPair\": " << num(t / pairs, 3) << ", \"msPerPairWithPath\": " << num(tPath, 3)
                 << ", \"meanRelError\": " << num(meanRel, 5) << ", \"maxRelError\": " << num(maxRel, 5)
                 << ", \"meanSimilarityPointsLost\": " << num(meanSim, 3)
                 << ", \"maxSimilarityPointsLost\": " << num(maxSim, 3) << "}";
            first = false;
        }
        json << "]}\n";
    }
    json << "}\n";
    std::fputs(json.str().c_str(), stdout);
    return 0;
}
