// SPDX-License-Identifier: MIT
// PUT /api/v1/tests/{id}/attempt-policy (admin): parse, call Services::AttemptPolicyService, encode.
#pragma once

namespace Proctor::Collector::Services {
class AttemptPolicyService;
}

namespace Proctor::Collector::Http {

class Router;
struct AdminContext;

void registerAttemptPolicyRoutes(Router &router, AdminContext &ctx, Services::AttemptPolicyService &policies);

} // namespace Proctor::Collector::Http
