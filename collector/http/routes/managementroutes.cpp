// SPDX-License-Identifier: MIT
// Management endpoints (admin role): API keys, admins, certificate settings, audit log, candidate erasure.
// Each route parses (http/json), calls its service (collector/services) and encodes the answer; the services
// own the transactions, the audit rows and the announcements.
#include "auth/apikeyauthenticator.h"
#include "http/json/adminjson.h"
#include "http/json/apikeyjson.h"
#include "http/json/auditjson.h"
#include "http/json/candidatejson.h"
#include "http/json/certificatejson.h"
#include "http/json/settingsjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/serviceanswer.h"
#include "redis/redisclient.h"
#include "services/adminservice.h"
#include "services/apikeyservice.h"
#include "services/auditservice.h"
#include "services/candidateerasureservice.h"
#include "services/certificateservice.h"
#include "services/settingsservice.h"
#include "storage/reviewcache.h"

namespace Proctor::Collector::Http {
namespace {

using Services::Actor;

Expected<qint64> idParam(const HttpRequest &req)
{
    bool ok = false;
    const qint64 id = req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(ErrorCode::BadParameter, QStringLiteral("id must be a positive integer"),
                         QStringLiteral("id"));
    return id;
}

// Answers with the service's result, encoded, or its error. Runs on whichever thread finishes the work.

void registerApiKeyRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/apikeys"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, res](const Auth::AdminIdentity &) {
                       answer(ctx.apiKeyService.list(), res);
                   });
               });

    router.add("POST", QStringLiteral("/api/v1/apikeys"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto input = adminJsonBody(req).and_then(Json::parseNewApiKey);
                       if (!input) {
                           res.send(HttpResponse::error(input.error()));
                           return;
                       }
                       answer(ctx.apiKeyService.create(Actor::fromAdmin(who, req.peer), *input), res, 201);
                   });
               });

    router.add("DELETE", QStringLiteral("/api/v1/apikeys/{id}"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto id = idParam(req);
                       if (!id) {
                           res.send(HttpResponse::error(id.error()));
                           return;
                       }
                       ctx.apiKeyService.revoke(Actor::fromAdmin(who, req.peer), *id)
                           .then(&ctx.apiKeys,
                                 [&ctx, res](const Expected<Storage::ApiKeyRevocation> &revoked) {
                                     if (!revoked) {
                                         res.send(HttpResponse::error(revoked.error()));
                                         return;
                                     }
                                     if (!revoked->alreadyRevoked) {
                                         // Every instance drops it when the announcement arrives; this one
                                         // also before it answers, so the caller's next request is refused
                                         // here.
                                         ctx.apiKeys.dropRevoked(revoked->hash, revoked->id);
                                     }
                                     res.send(noContent());
                                 });
                   });
               });
}

void registerAdminRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/admins"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, res](const Auth::AdminIdentity &) {
                       answer(ctx.adminService.list(), res);
                   });
               });

    router.add("POST", QStringLiteral("/api/v1/admins"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto input = adminJsonBody(req).and_then(Json::parseNewAdmin);
                       if (!input) {
                           res.send(HttpResponse::error(input.error()));
                           return;
                       }
                       answer(ctx.adminService.create(Actor::fromAdmin(who, req.peer), *input), res, 201);
                   });
               });

    router.add("PATCH", QStringLiteral("/api/v1/admins/{id}"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto id = idParam(req);
                       const auto body = adminJsonBody(req);
                       if (!id || !body) {
                           res.send(HttpResponse::error(!id ? id.error() : body.error()));
                           return;
                       }
                       const auto change = Json::parseAdminChange(*body);
                       if (!change) {
                           res.send(HttpResponse::error(change.error()));
                           return;
                       }
                       answer(ctx.adminService.update(Actor::fromAdmin(who, req.peer), *id, *change), res);
                   });
               });
}

void registerSettingsRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/settings/certificate"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, res](const Auth::AdminIdentity &) {
                       answer(ctx.settingsService.certificate(), res);
                   });
               });
    router.add("PUT", QStringLiteral("/api/v1/settings/certificate"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto settings = adminJsonBody(req).and_then(Json::parseCertificateSettings);
                       if (!settings) {
                           res.send(HttpResponse::error(settings.error()));
                           return;
                       }
                       answer(ctx.settingsService.setCertificate(Actor::fromAdmin(who, req.peer), *settings),
                              res);
                   });
               });

    // The emblem travels as the image itself (image/png or image/jpeg); its type is read from the bytes.
    router.add("PUT", QStringLiteral("/api/v1/certificate-settings/emblem"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const QByteArray declared =
                           req.header("content-type").split(';').first().trimmed().toLower();
                       if (declared != "image/png" && declared != "image/jpeg") {
                           res.send(HttpResponse::error(
                               Error{ErrorCode::UnsupportedMediaType,
                                     QStringLiteral("send the emblem as image/png or image/jpeg"),
                                     QStringLiteral("Content-Type"), 0}));
                           return;
                       }
                       answer(ctx.settingsService.setEmblem(Actor::fromAdmin(who, req.peer), req.body), res);
                   });
               });
    router.add("DELETE", QStringLiteral("/api/v1/certificate-settings/emblem"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       ctx.settingsService.deleteEmblem(Actor::fromAdmin(who, req.peer))
                           .then([res](const Expected<void> &done) {
                               res.send(done ? noContent() : HttpResponse::error(done.error()));
                           });
                   });
               });
}

void registerCertificateAdminRoutes(Router &router, AdminContext &ctx)
{
    router.add("POST", QStringLiteral("/api/v1/certificates/{number}/revoke"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, Auth::AdminRole::Admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                           const auto reason = adminJsonBody(req).and_then(Json::parseRevocationReason);
                           if (!reason) {
                               res.send(HttpResponse::error(reason.error()));
                               return;
                           }
                           answer(ctx.certificates.revoke(Actor::fromAdmin(who, req.peer),
                                                          req.pathParams.value(QStringLiteral("number")),
                                                          *reason),
                                  res);
                       });
               });
}

} // namespace

void registerManagementRoutes(Router &router, AdminContext &ctx)
{
    registerApiKeyRoutes(router, ctx);
    registerAdminRoutes(router, ctx);
    registerSettingsRoutes(router, ctx);
    registerCertificateAdminRoutes(router, ctx);
    const auto admin = Auth::AdminRole::Admin;

    router.add("GET", QStringLiteral("/api/v1/audit"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto page = pageRequest(req);
                       if (!page) {
                           res.send(HttpResponse::error(page.error()));
                           return;
                       }
                       answer(ctx.auditService.page(*page, req.queryValue(QStringLiteral("action"))), res);
                   });
               });

    router.add("DELETE", QStringLiteral("/api/v1/candidates/{id}"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto id = idParam(req);
                       if (!id) {
                           res.send(HttpResponse::error(id.error()));
                           return;
                       }
                       ctx.candidateErasure.erase(Actor::fromAdmin(who, req.peer), *id)
                           .then(&ctx.cache, [&ctx, res](const Expected<Services::CandidateErasure> &done) {
                               if (!done) {
                                   res.send(HttpResponse::error(done.error()));
                                   return;
                               }
                               res.send(HttpResponse::json(200, Json::toJson(*done)));
                           });
                   });
               });
}

} // namespace Proctor::Collector::Http
