// SPDX-License-Identifier: MIT
// What every admin endpoint checks before its work: a valid bearer token (Authorization: Bearer) and the
// role the endpoint needs. On failure the guard answers the request itself (401 / 403). AdminContext is
// what the admin route files share; the serve command owns everything it refers to.
#pragma once

#include <functional>

#include <QJsonObject>

#include "auth/adminidentity.h"
#include "core/error.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "http/responder.h"
#include "storage/auditlog.h"
#include "storage/reviewcursor.h"

namespace Proctor::Collector {
namespace Auth {
class AdminAuthenticator;
class ApiKeyAuthenticator;
} // namespace Auth
namespace Storage {
class ReviewCache;
} // namespace Storage
namespace Services {
class AdminService;
class ApiKeyService;
class AuditService;
class CandidateErasureService;
class SettingsService;
class CertificateService;
class AnalysisService;
class RosterService;
class ReviewService;
class ReviewCaseService;
class AdminPasswordService;
} // namespace Services
} // namespace Proctor::Collector

namespace Proctor::Collector::Http {

class Router;

class AdminGuard
{
public:
    explicit AdminGuard(Auth::AdminAuthenticator &authenticator) : m_authenticator(authenticator) {}

    // Bearer token, then `requiredRole` (admin satisfies proctor). `next` runs on the HTTP thread with the
    // caller's identity; it must answer through `responder`.
    void withAdmin(const HttpRequest &request, const Responder &responder, Auth::AdminRole requiredRole,
                   std::function<void(const Auth::AdminIdentity &)> next);

    Auth::AdminAuthenticator &authenticator() { return m_authenticator; }

private:
    Auth::AdminAuthenticator &m_authenticator;
};

// Borrowed references for the admin route files: services only (routes hold no database, Redis or
// publisher), plus the review cache (routes store the encoded answers) and the API-key cache (a revocation
// drops the key before it answers).
struct AdminContext
{
    AdminGuard &guard;
    Auth::ApiKeyAuthenticator &apiKeys;
    Storage::ReviewCache &cache;
    Services::ApiKeyService &apiKeyService;
    Services::AdminService &adminService;
    Services::SettingsService &settingsService;
    Services::CandidateErasureService &candidateErasure;
    Services::AuditService &auditService;
    Services::ReviewService &reviews;
    Services::AnalysisService &analysis;
    Services::CertificateService &certificates;
    Services::RosterService &rosters;
};

// Helpers the admin route files share.
// The body as a JSON object: 415 unless application/json, 400 bad_json when it is not an object.
Expected<QJsonObject> adminJsonBody(const HttpRequest &request);
// `limit` (1..500, default 50) and `cursor` (400 bad_parameter naming the parameter when malformed).
Expected<Storage::PageRequest> pageRequest(const HttpRequest &request);
// An audit row for an action by `admin` from the request's address.
Storage::AuditEntry auditEntry(const Auth::AdminIdentity &admin, const HttpRequest &request,
                               const QString &action, const QString &target, const QJsonObject &details = {});
HttpResponse noContent();

void registerReviewRoutes(Router &router, AdminContext &ctx);
void registerManagementRoutes(Router &router, AdminContext &ctx);
// /api/v1/tests/{id}/roster: import (text/csv), list, regenerate a code, delete an entry.
void registerRosterRoutes(Router &router, AdminContext &ctx);
// Review decisions and the per-factor precision (Services::ReviewCaseService).
void registerReviewCaseRoutes(Router &router, AdminContext &ctx, Services::ReviewCaseService &cases);
// POST /api/v1/auth/password and POST /api/v1/admins/{id}/password (Services::AdminPasswordService).
void registerAdminPasswordRoutes(Router &router, AdminContext &ctx,
                                 Services::AdminPasswordService &passwords);
// GET /api/v1/live without an upgrade (the upgrade itself goes through Live::LiveHub).
void registerLiveRoutes(Router &router, AdminContext &ctx);

} // namespace Proctor::Collector::Http
