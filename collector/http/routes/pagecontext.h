// SPDX-License-Identifier: MIT
// What the candidate-page routes share. Owned by the serve command; routes only borrow.
#pragma once

#include <QString>

namespace Proctor::Contract {
class ContractValidator;
}
namespace Proctor::Collector {
struct Config;
namespace Services {
class CertificateService;
class SettingsService;
class IngestService;
class ResultService;
class SessionService;
class TestService;
} // namespace Services
} // namespace Proctor::Collector

namespace Proctor::Collector::Http {

class AdminGuard;
class PageGuard;
class Router;

struct PageContext
{
    const Config &config;
    PageGuard &guard;
    const Contract::ContractValidator &validator;
    Services::TestService &tests;
    Services::SessionService &sessions;
    Services::IngestService &ingest;
    Services::ResultService &results;
    Services::CertificateService &certificates;
    Services::SettingsService &settings; // the certificate settings' public subset and emblem
    AdminGuard &admins; // GET /api/v1/tests with a bearer token: the desktop's list (policy, roster size)
};

void registerTestRoutes(Router &router, PageContext &ctx);
void registerSessionRoutes(Router &router, PageContext &ctx);
void registerEventRoutes(Router &router, PageContext &ctx);
void registerResultRoutes(Router &router, PageContext &ctx);
void registerCertificateRoutes(Router &router, PageContext &ctx);
void registerStaticRoutes(Router &router, PageContext &ctx);

} // namespace Proctor::Collector::Http
