// SPDX-License-Identifier: MIT
// Validation of the calibrated cross-session factors on public data: prints one JSON object with, per
// factor, the EER of the pairwise score, the false-alarm rate on honest sessions at the calibrated
// operating point for populations of 100, 1,000 and 10,000 sessions, and the detection rate of planted
// cases. Usage: bench_analysis DATA_DIR (holding keystroke100-dev/ and balabit-dev/).
//
// How sessions are made (the data hold 50 typists and 10 mouse users, populations need thousands):
// - Keystrokes (keystroke100-dev: 10 typings of one password, 7 down-to-down gaps each). A session is 5
//   typings: its features are the 7 per-pair digraph lists (KeyT>KeyR, ...), as the result contract
//   carries them. Honest populations are synthetic typists: each of the 7 key pairs takes its timings
//   from a different, randomly drawn real typist (5 of that typist's 10 rows), the whole session is
//   scaled by a personal tempo (log-normal, sd 0.1) and each timing gets 3 % jitter, so no two honest
//   sessions share a typist. Planted case: one real typist typing in two sessions under two names
//   (rows split 5/5, each side jittered), put into an honest population of the given size.
// - Mouse (balabit-dev: 30 sessions of 10 users). A session's trajectory is a 4-second window of Move
//   and Drag records (>= 20 of them), no window reused; to reach 10,000 every window is also used
//   rotated by 90, 180 and 270 degrees (DTW here is not rotation-invariant, so those are other movements).
//   Planted case: a window replayed with small jitter (Gaussian 3 px on x and y, 4 ms on time) in a
//   second session.
// - Calibration, as the collector does it: the chance model is fitted on a bounded random sample of at
//   most 3,000 pairs of the population's sessions, then each query session is compared with every other
//   session of the population and fires when ChanceRule says so (target 1 % per factor). Up to 1,000
//   query sessions per size (all of them below that). No threshold is taken from these rows.
#include "analysis/chancemodel.h"
#include "analysis/chancerule.h"
#include "analysis/dtw.h"
#include "analysis/keystrokes.h"
#include "analysis/similarsearch.h"
#include "analysis/trajectory.h"
#include "keystroke100.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace Proctor;
using namespace Proctor::Analysis;
namespace fs = std::filesystem;

namespace {

constexpr double kTarget = 0.01;
constexpr std::size_t kNullPairs = 3000;
constexpr std::size_t kMaxQueries = 1000;
const std::size_t kSizes[] = {100, 1000, 10000};

using Row = Proctor::Testing::TypingRow; // 7 gaps
using Typist = std::vector<Row>;         // 10 rows
const char *kKeys[] = {"KeyT", "KeyR", "KeyY", "Digit4", "Minus", "KeyM", "KeyB", "KeyS"};

std::string pairName(std::size_t j)
{
    return std::string("digraph:") + kKeys[j] + ">" + kKeys[j + 1];
}

// rows[j] = the rows feature j takes its values from; tempo scales, jitter is relative noise.
KeystrokeProfile keystrokeSession(const std::vector<std::vector<const Row *>> &perFeature, double tempo,
                                  double jitter, std::mt19937 &rng)
{
    std::normal_distribution<double> noise(0.0, jitter);
    KeystrokeSamples s;
    for (std::size_t j = 0; j < 7; ++j)
        for (const Row *r : perFeature[j])
            s[pairName(j)].push_back(std::max(1.0, (*r)[j] * tempo * (1.0 + noise(rng))));
    return KeystrokeProfile::fromSamples(withAggregates(std::move(s)));
}

std::vector<const Row *> pickRows(const Typist &t, std::size_t n, std::mt19937 &rng)
{
    std::vector<std::size_t> idx(t.size());
    for (std::size_t i = 0; i < idx.size(); ++i)
        idx[i] = i;
    std::shuffle(idx.begin(), idx.end(), rng);
    std::vector<const Row *> out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(&t[idx[i]]);
    return out;
}

KeystrokeProfile honestTypistSession(const std::vector<Typist> &typists, std::mt19937 &rng)
{
    std::uniform_int_distribution<std::size_t> who(0, typists.size() - 1);
    std::lognormal_distribution<double> tempo(0.0, 0.1);
    std::vector<std::vector<const Row *>> perFeature(7);
    for (std::size_t j = 0; j < 7; ++j)
        perFeature[j] = pickRows(typists[who(rng)], 5, rng);
    return keystrokeSession(perFeature, tempo(rng), 0.03, rng);
}

// The two halves of one real typist's rows, each jittered.
std::pair<KeystrokeProfile, KeystrokeProfile> sameTypistPair(const Typist &t, std::mt19937 &rng)
{
    auto rows = pickRows(t, 10, rng);
    std::vector<std::vector<const Row *>> a(7), b(7);
    for (std::size_t j = 0; j < 7; ++j) {
        a[j].assign(rows.begin(), rows.begin() + 5);
        b[j].assign(rows.begin() + 5, rows.end());
    }
    return {keystrokeSession(a, 1.0, 0.03, rng), keystrokeSession(b, 1.0, 0.03, rng)};
}

double keystrokeDistance(const KeystrokeProfile &a, const KeystrokeProfile &b)
{
    const SameTypistScore s = sameTypist(a, b);
    return s.comparable ? s.distance : std::numeric_limits<double>::infinity();
}

// Equal error rate: the threshold where the share of genuine distances above it equals the share of
// impostor distances below it.
double equalErrorRate(std::vector<double> genuine, std::vector<double> impostor)
{
    std::sort(genuine.begin(), genuine.end());
    std::sort(impostor.begin(), impostor.end());
    std::vector<double> cuts = genuine;
    cuts.insert(cuts.end(), impostor.begin(), impostor.end());
    std::sort(cuts.begin(), cuts.end());
    double best = 1.0;
    double bestGap = 2.0;
    for (const double c : cuts) {
        const double frr =
            1.0 - double(std::upper_bound(genuine.begin(), genuine.end(), c) - genuine.begin()) /
                      double(genuine.size());
        const double far = double(std::upper_bound(impostor.begin(), impostor.end(), c) - impostor.begin()) /
                           double(impostor.size());
        if (std::abs(frr - far) < bestGap) {
            bestGap = std::abs(frr - far);
            best = (frr + far) / 2.0;
        }
    }
    return best;
}

template <typename Session, typename Distance>
ChanceModel calibrate(const std::vector<Session> &population, const ChanceModel &prior, Distance distance,
                      std::mt19937 &rng)
{
    std::vector<double> null;
    const std::size_t n = population.size();
    const std::size_t maxPairs = n * (n - 1) / 2;
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    for (std::size_t k = 0; k < std::min(kNullPairs, maxPairs); ++k) {
        std::size_t i = pick(rng);
        std::size_t j = pick(rng);
        while (j == i)
            j = pick(rng);
        null.push_back(distance(population[i], population[j]));
    }
    return ChanceModel::fit(std::move(null), prior);
}

std::string num(double v, int digits = 4)
{
    if (!std::isfinite(v))
        return "null";
    std::ostringstream s;
    s.precision(digits);
    s << v;
    return s.str();
}

// ---- keystrokes ----

std::string keystrokeReport(const std::vector<Typist> &typists, std::mt19937 &rng)
{
    std::ostringstream out;
    // EER on the real typists: genuine = the two halves of one typist, impostor = halves of two; the
    // mean over 10 random 5/5 splits of the rows (one split alone moves it by a few points).
    std::vector<std::pair<KeystrokeProfile, KeystrokeProfile>> halves;
    double eerSum = 0.0;
    const int splits = 10;
    std::size_t genuinePairs = 0, impostorPairs = 0;
    for (int split = 0; split < splits; ++split) {
        halves.clear();
        for (const Typist &t : typists)
            halves.push_back(sameTypistPair(t, rng));
        std::vector<double> genuine, impostor;
        for (std::size_t i = 0; i < halves.size(); ++i) {
            genuine.push_back(keystrokeDistance(halves[i].first, halves[i].second));
            for (std::size_t j = 0; j < halves.size(); ++j)
                if (i != j)
                    impostor.push_back(keystrokeDistance(halves[i].first, halves[j].second));
        }
        eerSum += equalErrorRate(genuine, impostor);
        genuinePairs += genuine.size();
        impostorPairs += impostor.size();
    }
    out << "\"same_typist\": {\"eer\": " << num(eerSum / splits) << ", \"eerSplits\": " << splits
        << ", \"genuinePairs\": " << genuinePairs << ", \"impostorPairs\": " << impostorPairs;

    // The 50 real typists, one session each (the database test's setting).
    {
        std::vector<KeystrokeProfile> real;
        for (auto &h : halves)
            real.push_back(h.first);
        const ChanceModel model = calibrate(real, ChanceModel::priorSameTypist(), keystrokeDistance, rng);
        std::size_t flagged = 0;
        std::size_t oldReal = 0;
        for (std::size_t i = 0; i < real.size(); ++i) {
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < real.size(); ++j)
                if (i != j)
                    best = std::min(best, keystrokeDistance(real[i], real[j]));
            flagged += ChanceRule::decide(model, best, real.size() - 1, kTarget).fires;
            oldReal += sameTypistScoreOf(best) >= 80.0;
        }
        out << ", \"real50\": {\"sessions\": " << real.size() << ", \"flagged\": " << flagged
            << ", \"model\": \"" << model.params().source << "\", \"fixedThreshold80Flagged\": " << oldReal
            << "}";
    }

    out << ", \"populations\": [";
    bool first = true;
    for (const std::size_t size : kSizes) {
        const auto start = std::chrono::steady_clock::now();
        // Small populations are drawn several times, so the rate rests on 1,000 honest sessions.
        const std::size_t repeats = size < kMaxQueries ? kMaxQueries / size : 1;
        std::size_t queries = 0, flagged = 0, oldRule = 0, caught = 0, planted = 0;
        ChanceModel model;
        for (std::size_t rep = 0; rep < repeats; ++rep) {
            std::vector<KeystrokeProfile> population;
            population.reserve(size);
            for (std::size_t i = 0; i < size; ++i)
                population.push_back(honestTypistSession(typists, rng));
            model = calibrate(population, ChanceModel::priorSameTypist(), keystrokeDistance, rng);
            const std::size_t q = std::min(size, kMaxQueries);
            for (std::size_t i = 0; i < q; ++i) {
                double best = std::numeric_limits<double>::infinity();
                for (std::size_t j = 0; j < size; ++j)
                    if (i != j)
                        best = std::min(best, keystrokeDistance(population[i], population[j]));
                flagged += ChanceRule::decide(model, best, size - 1, kTarget).fires;
                oldRule += sameTypistScoreOf(best) >= 80.0; // the fixed threshold the calibration replaced
            }
            queries += q;
            // Planted: each real typist's two halves added to the honest population (N = size + 1 others).
            for (const auto &[a, b] : halves) {
                double best = keystrokeDistance(a, b);
                for (const auto &p : population)
                    best = std::min(best, keystrokeDistance(a, p));
                const auto d = ChanceRule::decide(model, best, size + 1, kTarget);
                caught += d.fires && best == keystrokeDistance(a, b);
                ++planted;
            }
        }
        const double limit = ChanceRule::limitPerComparison(kTarget, size - 1);
        out << (first ? "" : ", ") << "{\"sessions\": " << size << ", \"populations\": " << repeats
            << ", \"querySessions\": " << queries << ", \"falseAlarms\": " << flagged
            << ", \"falseAlarmRate\": " << num(double(flagged) / double(queries))
            << ", \"fixedThreshold80FalseAlarmRate\": " << num(double(oldRule) / double(queries))
            << ", \"plantedCaught\": " << caught << ", \"planted\": " << planted
            << ", \"detectionRate\": " << num(double(caught) / double(planted)) << ", \"model\": \""
            << model.params().source << "\", \"nullPairs\": " << model.params().pairs
            << ", \"tailShape\": " << num(model.params().shape) << ", \"limitPerComparison\": " << num(limit)
            << ", \"thresholdDistance\": " << num(model.distanceAt(limit))
            << ", \"thresholdScore\": " << num(sameTypistScoreOf(model.distanceAt(limit)))
            << ", \"seconds\": "
            << num(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 3) << "}";
        first = false;
    }
    out << "]}";
    return out.str();
}

// ---- mouse ----

struct Window4s
{
    std::vector<TrajectoryPoint> points;
};

std::vector<Window4s> loadWindows(const fs::path &dir)
{
    std::vector<fs::path> files;
    for (const auto &user : fs::directory_iterator(dir))
        if (user.is_directory())
            for (const auto &f : fs::directory_iterator(user.path()))
                if (f.path().extension() == ".csv")
                    files.push_back(f.path());
    std::sort(files.begin(), files.end());
    std::vector<Window4s> out;
    for (const auto &file : files) {
        std::ifstream in(file);
        std::string line;
        std::getline(in, line); // header
        std::map<long, Window4s> bins;
        while (std::getline(in, line)) {
            std::vector<std::string> c;
            std::istringstream ls(line);
            std::string cell;
            while (std::getline(ls, cell, ','))
                c.push_back(cell);
            if (c.size() < 6 || (c[3] != "Move" && c[3] != "Drag"))
                continue;
            const double t = std::stod(c[1]);
            bins[long(t / 4.0)].points.push_back({std::stod(c[4]), std::stod(c[5]), t * 1000.0});
        }
        for (auto &[b, w] : bins)
            if (w.points.size() >= 20)
                out.push_back(std::move(w));
    }
    return out;
}

std::vector<TrajectoryPoint> rotated(const std::vector<TrajectoryPoint> &p, int quarter)
{
    std::vector<TrajectoryPoint> out = p;
    for (auto &q : out)
        for (int r = 0; r < quarter; ++r)
            q = {-q.y, q.x, q.t};
    return out;
}

Dtw::Series prepared(const std::vector<TrajectoryPoint> &points)
{
    QuestionTrajectory q;
    q.questionId = "q";
    q.points = points;
    return prepareTrajectory(q).series;
}

double mouseDeviation(const Dtw::Series &a, const Dtw::Series &b)
{
    Dtw::Options o;
    o.band = Dtw::Band::fraction(0.1);
    const double d = Dtw::distance(a, b, o);
    return d / double(std::max(a.size(), b.size()));
}

std::vector<TrajectoryPoint> jittered(const std::vector<TrajectoryPoint> &p, std::mt19937 &rng)
{
    std::normal_distribution<double> px(0.0, 3.0);
    std::normal_distribution<double> ms(0.0, 4.0);
    std::vector<TrajectoryPoint> out = p;
    for (auto &q : out)
        q = {q.x + px(rng), q.y + px(rng), q.t + ms(rng)};
    return out;
}

std::string mouseReport(const std::vector<Window4s> &windows, std::mt19937 &rng)
{
    std::ostringstream out;
    // The pool: every window in 4 rotations, shuffled; populations take distinct entries.
    std::vector<std::vector<TrajectoryPoint>> pool;
    for (int r = 0; r < 4; ++r)
        for (const auto &w : windows)
            pool.push_back(rotated(w.points, r));
    std::shuffle(pool.begin(), pool.end(), rng);
    const std::size_t plantedCount = 50;

    // EER: genuine = a window and its jittered replay, impostor = two different windows.
    std::vector<double> genuine, impostor;
    {
        std::uniform_int_distribution<std::size_t> pick(0, windows.size() - 1);
        for (std::size_t k = 0; k < 200; ++k) {
            const auto &w = windows[pick(rng)].points;
            genuine.push_back(mouseDeviation(prepared(w), prepared(jittered(w, rng))));
        }
        for (std::size_t k = 0; k < 2000; ++k) {
            const std::size_t i = pick(rng);
            std::size_t j = pick(rng);
            while (j == i)
                j = pick(rng);
            impostor.push_back(mouseDeviation(prepared(windows[i].points), prepared(windows[j].points)));
        }
    }
    out << "\"mouse_similarity\": {\"eer\": " << num(equalErrorRate(genuine, impostor))
        << ", \"windows\": " << windows.size() << ", \"pool\": " << pool.size();

    out << ", \"populations\": [";
    bool first = true;
    const double oldLine = -Dtw::kSimilarityScale * std::log(0.85); // the fixed similarity >= 85 rule
    for (const std::size_t size : kSizes) {
        const auto start = std::chrono::steady_clock::now();
        // Small populations: disjoint draws from the shuffled pool, so the rate rests on more sessions.
        const std::size_t repeats = size < 1000 ? 5 : 1;
        std::size_t queries = 0, flagged = 0, oldRule = 0, caught = 0, planted = 0;
        ChanceModel model;
        for (std::size_t rep = 0; rep < repeats; ++rep) {
            const std::size_t offset = rep * (size + plantedCount);
            if (offset + size + plantedCount > pool.size())
                break;
            std::vector<Dtw::Series> population;
            std::vector<SimilarCandidate> candidates;
            for (std::size_t i = 0; i < size; ++i) {
                population.push_back(prepared(pool[offset + i]));
                candidates.push_back({std::to_string(i), population.back()});
            }
            model = calibrate(population, ChanceModel::priorMouse(), mouseDeviation, rng);
            const std::size_t q = std::min<std::size_t>(size, 300);
            SimilarSearchOptions options;
            options.k = 2; // the query itself is in the pool
            for (std::size_t i = 0; i < q; ++i) {
                const auto r = SimilarSearch(population[i], options).run(candidates);
                double best = std::numeric_limits<double>::infinity();
                for (const auto &m : r.matches)
                    if (m.index != i)
                        best = std::min(best, m.distance / double(std::max(population[i].size(),
                                                                           population[m.index].size())));
                flagged += ChanceRule::decide(model, best, size - 1, kTarget).fires;
                oldRule += best <= oldLine;
            }
            queries += q;
            // Planted: entries beyond the population replayed with jitter; the original is the query.
            options.k = 1;
            for (std::size_t k = 0; k < plantedCount; ++k) {
                const auto &orig = pool[offset + size + k];
                const Dtw::Series query = prepared(orig);
                std::vector<SimilarCandidate> withReplay = candidates;
                withReplay.push_back({"replay", prepared(jittered(orig, rng))});
                const auto r = SimilarSearch(query, options).run(withReplay);
                ++planted;
                if (r.matches.empty())
                    continue;
                const auto &m = r.matches.front();
                const double best =
                    m.distance / double(std::max(query.size(), withReplay[m.index].series.size()));
                caught += ChanceRule::decide(model, best, size + 1, kTarget).fires && m.id == "replay";
            }
        }
        const double limit = ChanceRule::limitPerComparison(kTarget, size - 1);
        const double thresholdDeviation = model.distanceAt(limit);
        out << (first ? "" : ", ") << "{\"sessions\": " << size << ", \"populations\": " << repeats
            << ", \"querySessions\": " << queries << ", \"falseAlarms\": " << flagged
            << ", \"falseAlarmRate\": " << num(double(flagged) / double(queries))
            << ", \"fixedThreshold85FalseAlarmRate\": " << num(double(oldRule) / double(queries))
            << ", \"plantedCaught\": " << caught << ", \"planted\": " << planted
            << ", \"detectionRate\": " << num(double(caught) / double(planted)) << ", \"model\": \""
            << model.params().source << "\", \"nullPairs\": " << model.params().pairs
            << ", \"tailShape\": " << num(model.params().shape) << ", \"limitPerComparison\": " << num(limit)
            << ", \"thresholdDeviation\": " << num(thresholdDeviation) << ", \"thresholdSimilarity\": "
            << num(100.0 * std::exp(-thresholdDeviation / Dtw::kSimilarityScale)) << ", \"seconds\": "
            << num(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 3) << "}";
        first = false;
    }
    out << "]}";
    return out.str();
}

} // namespace

int main(int argc, char **argv)
{
    const fs::path data = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/data");
    const auto typists = Proctor::Testing::loadKeystroke100((data / "keystroke100-dev").string(), 1, 200);
    const auto windows = loadWindows(data / "balabit-dev");
    if (typists.size() < 3 || windows.size() < 100) {
        std::fprintf(stderr, "bench_analysis: no data under %s (keystroke100-dev/, balabit-dev/)\n",
                     data.string().c_str());
        return 2;
    }
    std::mt19937 rng(20261206);
    std::printf("{\"benchmark\": \"analysis\", \"targetFalseAlarmRate\": %g, \"typists\": %zu, %s, %s}\n",
                kTarget, typists.size(), keystrokeReport(typists, rng).c_str(),
                mouseReport(windows, rng).c_str());
    return 0;
}
