// SPDX-License-Identifier: MIT
// Behaviour analysis endpoints (proctor role): mouse DTW between sessions, similar-session search,
// keystroke comparison, the explainable risk score, fingerprint device groups.
#pragma once

namespace Proctor::Collector::Http {

class Router;
struct AdminContext;

void registerAnalysisRoutes(Router &router, AdminContext &ctx);

} // namespace Proctor::Collector::Http
