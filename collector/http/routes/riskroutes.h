// SPDX-License-Identifier: MIT
// GET/PUT /api/v1/settings/risk (admin): parse, call Services::AssessmentService, encode.
#pragma once

namespace Proctor::Collector::Services {
class AssessmentService;
}

namespace Proctor::Collector::Http {

class Router;
struct AdminContext;

void registerRiskRoutes(Router &router, AdminContext &ctx, Services::AssessmentService &assessments);

} // namespace Proctor::Collector::Http
