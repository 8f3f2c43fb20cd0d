// SPDX-License-Identifier: MIT
// The cross-session part of a risk assessment: this session's closest matches among other candidates'
// sessions (mouse trajectories, typing rhythm), how many were compared, the population's chance model,
// or "not enough data" when the session itself has too little to compare.
#pragma once

#include <pqxx/pqxx>

#include <QUuid>

#include "analysis/riskscore.h"
#include "services/analysistypes.h"

namespace Proctor::Collector::Services {

class CrossSessionChecks
{
public:
    // Keystroke timings of at most this many recent sessions of other candidates are compared.
    static constexpr int kKeystrokeComparisons = 1000;
    // The most similar trajectories per question that may become mouse-similarity hits.
    static constexpr int kMouseHitsPerQuestion = 3;

    // Fills input.mouseHits/mouseCheck and input.keystrokeHits/keystrokeCheck.
    static void fill(pqxx::connection &c, const SessionBrief &session, const QUuid &sessionId,
                     Analysis::RiskInput &input);
};

} // namespace Proctor::Collector::Services
