// SPDX-License-Identifier: MIT
// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me: admin sessions with bearer tokens.
#pragma once

namespace Proctor::Collector::Services {
class AuthService;
}

namespace Proctor::Collector::Http {

class AdminGuard;
class Router;

void registerAuthRoutes(Router &router, AdminGuard &guard, Services::AuthService &auth);

} // namespace Proctor::Collector::Http
