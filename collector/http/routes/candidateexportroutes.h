// SPDX-License-Identifier: MIT
// GET /api/v1/candidates/{id}/export (admin role): everything stored about one candidate, one JSON file.
#pragma once

namespace Proctor::Collector::Services {
class CandidateExportService;
}

namespace Proctor::Collector::Http {

class Router;
struct AdminContext;

void registerCandidateExportRoutes(Router &router, AdminContext &ctx,
                                   Services::CandidateExportService &exports);

} // namespace Proctor::Collector::Http
