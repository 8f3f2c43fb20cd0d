// SPDX-License-Identifier: MIT
// 1-vs-N DTW search: LB_Kim, two-way LB_Keogh and early-abandoned DTW against the k-th best.
#include "analysis/similarsearch.h"

#include "analysis/dtwkernels.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace Proctor::Analysis {

namespace {

double maxAbsCoordinate(const Dtw::Series &s)
{
    double m = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        m = std::max({m, std::abs(s.x[i]), std::abs(s.y[i])});
    }
    return m;
}

} // namespace

SimilarSearch::SimilarSearch(Dtw::Series query, SimilarSearchOptions options)
    : m_query(std::move(query)), m_options(options), m_queryMaxAbs(maxAbsCoordinate(m_query))
{
}

const SimilarSearch::LengthEntry &SimilarSearch::entryFor(std::size_t candidateLength)
{
    auto it = m_byLength.find(candidateLength);
    if (it == m_byLength.end()) {
        LengthEntry entry;
        entry.window = Dtw::Window::fromBand(m_query.size(), candidateLength, m_options.band);
        entry.queryEnvelope = Dtw::envelope(m_query, entry.window.transposed());
        it = m_byLength.emplace(candidateLength, std::move(entry)).first;
    }
    return it->second;
}

double SimilarSearch::tolerance(std::size_t candidateLength, double maxAbs, double cutoff) const
{
    if (m_options.kernel == Dtw::Kernel::Vectorised) {
        return Dtw::Kernels::float32Tolerance(m_query.size(), candidateLength, maxAbs, cutoff);
    }
    // float64 kernels and float64 bounds differ only in summation order.
    return 1e-9 * (std::abs(cutoff) + 1.0);
}

SimilarSearchResult SimilarSearch::run(std::span<const SimilarCandidate> candidates)
{
    SimilarSearchResult result;
    SimilarSearchStats &stats = result.stats;
    stats.candidates = candidates.size();
    const std::size_t k = m_options.k;
    if (k == 0 || m_query.empty()) {
        stats.skippedEmpty = candidates.size();
        return result;
    }

    std::vector<double> kim(candidates.size(), 0.0);
    std::vector<std::size_t> order;
    order.reserve(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].series.empty()) {
            ++stats.skippedEmpty;
            continue;
        }
        kim[c] = Dtw::lbKim(m_query, candidates[c].series);
        order.push_back(c);
    }
    // Kim order costs nothing and often meets a close match early. Sorting by the much tighter
    // LB_Keogh was measured too: its extra full pass (O(n) per candidate, no early stop) cost more
    // than the DTW work it saved (README.md, bench numbers).
    if (m_options.useLowerBounds) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t l, std::size_t r) { return kim[l] < kim[r]; });
    }

    // Max-heap on (distance, index): front() is the current k-th best.
    std::vector<std::pair<double, std::size_t>> best;
    best.reserve(k + 1);
    Dtw::Envelope candidateEnvelope;
    for (const std::size_t c : order) {
        const Dtw::Series &series = candidates[c].series;
        const bool full = best.size() == k;
        const double cutoff = full ? best.front().first : Dtw::kInfinity;
        const LengthEntry &entry = entryFor(series.size());

        if (full && m_options.useLowerBounds) {
            const double maxAbs = std::max(m_queryMaxAbs, maxAbsCoordinate(series));
            const double margin = cutoff + tolerance(series.size(), maxAbs, cutoff);
            if (kim[c] > margin) {
                ++stats.prunedByKim;
                continue;
            }
            if (Dtw::lbKeogh(series, entry.queryEnvelope, margin) > margin) {
                ++stats.prunedByKeoghQuery;
                continue;
            }
            candidateEnvelope = Dtw::envelope(series, entry.window);
            if (Dtw::lbKeogh(m_query, candidateEnvelope, margin) > margin) {
                ++stats.prunedByKeoghCandidate;
                continue;
            }
        }

        const double d = Dtw::distance(m_query, series, entry.window,
                                       m_options.earlyAbandon ? cutoff : Dtw::kInfinity, m_options.kernel);
        if (std::isinf(d)) {
            ++stats.abandoned;
            continue;
        }
        ++stats.completed;
        const std::pair<double, std::size_t> item{d, c};
        if (!full) {
            best.push_back(item);
            std::push_heap(best.begin(), best.end());
        } else if (item < best.front()) {
            std::pop_heap(best.begin(), best.end());
            best.back() = item;
            std::push_heap(best.begin(), best.end());
        }
    }

    std::sort(best.begin(), best.end());
    result.matches.reserve(best.size());
    for (const auto &[d, c] : best) {
        result.matches.push_back(SimilarMatch{
            candidates[c].id, c, d, Dtw::similarity(d, m_query.size(), candidates[c].series.size())});
    }
    return result;
}

SimilarSearchResult findSimilar(const Dtw::Series &query, std::span<const SimilarCandidate> candidates,
                                const SimilarSearchOptions &options)
{
    return SimilarSearch(query, options).run(candidates);
}

} // namespace Proctor::Analysis
