// SPDX-License-Identifier: MIT
// Top-k most similar trajectories to a query among N candidates, with a lower-bound cascade.
#pragma once

#include "analysis/dtw.h"
#include "analysis/lowerbounds.h"
#include "analysis/series.h"
#include "analysis/window.h"

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace Proctor::Analysis {

struct SimilarCandidate
{
    std::string id; // e.g. "<sessionId>/<questionId>"
    Dtw::Series series;
};

struct SimilarSearchOptions
{
    std::size_t k = 10;
    Dtw::Band band = Dtw::Band::fraction(0.1);
    Dtw::Kernel kernel = Dtw::Kernel::Vectorised;
    bool useLowerBounds = true; // off: every candidate goes to DTW (brute force, for comparison)
    bool earlyAbandon = true;   // off: DTW runs to the end even when it cannot enter the top k
};

struct SimilarMatch
{
    std::string id;
    std::size_t index = 0; // position in the candidate list
    double distance = 0.0;
    double similarity = 0.0; // Dtw::similarity()
};

// How much work each stage saved; pruned + abandoned + completed + skippedEmpty == candidates.
struct SimilarSearchStats
{
    std::size_t candidates = 0;
    std::size_t skippedEmpty = 0;
    std::size_t prunedByKim = 0;
    std::size_t prunedByKeoghQuery = 0;     // LB_Keogh of the candidate against the query's envelope
    std::size_t prunedByKeoghCandidate = 0; // LB_Keogh of the query against the candidate's envelope
    std::size_t abandoned = 0;              // DTW started but stopped early by the k-th best distance
    std::size_t completed = 0;              // DTW ran to the end
};

struct SimilarSearchResult
{
    std::vector<SimilarMatch> matches; // best first; ties broken by candidate index
    SimilarSearchStats stats;
};

// The result is exactly the top k of running Dtw::distance() (same band, same kernel) on every
// candidate, ordered by (distance, index): bounds and abandoning only skip work. Candidates are visited
// in increasing LB_Kim order (O(1) each) so a close match tends to set the k-th best early; then:
//   LB_Kim -> LB_Keogh(candidate, envelope of query) -> LB_Keogh(query, envelope of candidate)
//   -> DTW abandoned at the current k-th best.
// A bound prunes only when it exceeds the k-th best by more than the kernel's rounding tolerance
// (Kernels::float32Tolerance for the float kernel), so float rounding cannot drop a true member.
// Windows and query envelopes are cached per candidate length, so reuse one instance for several
// candidate batches of the same query; an instance is not meant to be shared between threads.
class SimilarSearch
{
public:
    SimilarSearch(Dtw::Series query, SimilarSearchOptions options = {});

    SimilarSearchResult run(std::span<const SimilarCandidate> candidates);

private:
    struct LengthEntry
    {
        Dtw::Window window;          // rows = query, cols = candidate
        Dtw::Envelope queryEnvelope; // envelope of the query for rows = candidate
    };
    const LengthEntry &entryFor(std::size_t candidateLength);
    double tolerance(std::size_t candidateLength, double maxAbs, double cutoff) const;

    Dtw::Series m_query;
    SimilarSearchOptions m_options;
    double m_queryMaxAbs = 0.0;
    std::map<std::size_t, LengthEntry> m_byLength;
};

SimilarSearchResult findSimilar(const Dtw::Series &query, std::span<const SimilarCandidate> candidates,
                                const SimilarSearchOptions &options = {});

} // namespace Proctor::Analysis
