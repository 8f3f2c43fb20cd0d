// SPDX-License-Identifier: MIT
// GET /api/v1/positions (page key) and PUT /api/v1/positions (admin): parse, call
// Services::PositionService, encode.
#pragma once

namespace Proctor::Collector::Services {
class PositionService;
}

namespace Proctor::Collector::Http {

class Router;
class PageGuard;
class AdminGuard;

void registerPositionRoutes(Router &router, PageGuard &page, AdminGuard &admin,
                            Services::PositionService &positions);

} // namespace Proctor::Collector::Http
