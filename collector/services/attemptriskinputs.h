// SPDX-License-Identifier: MIT
// The risk inputs that describe the attempt rather than its events: score, duration, study time, answer
// timings against each question's reading floor, and the attempts opened nearby from the same address or
// device. The rules that judge them are in shared/analysis/riskscore (defined once).
#pragma once

#include <pqxx/pqxx>

#include <QUuid>

#include "analysis/riskscore.h"

namespace Proctor::Collector::Services::AttemptRiskInputs {

// Nearby attempts compared for the burst factor, at most.
inline constexpr int kMaxNearbyAttempts = 500;

void fill(pqxx::connection &c, const QUuid &sessionId, const Analysis::RiskConfig &config,
          Analysis::RiskInput &input);

} // namespace Proctor::Collector::Services::AttemptRiskInputs
