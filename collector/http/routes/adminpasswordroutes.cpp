// SPDX-License-Identifier: MIT
// Admin passwords: POST /api/v1/auth/password (any signed-in admin or proctor, their own, knowing the
// current one) and POST /api/v1/admins/{id}/password (admin role: a new random password, answered once).
// Services::AdminPasswordService does the work, the audit and the token revocation.
#include "http/json/adminpasswordjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/adminpasswordservice.h"

namespace Proctor::Collector::Http {
namespace {

void answer(QFuture<Expected<Services::PasswordChange>> work, const Responder &res)
{
    work.then([res](const Expected<Services::PasswordChange> &done) {
        if (!done) {
            res.send(HttpResponse::error(done.error()));
            return;
        }
        HttpResponse r = HttpResponse::json(200, Json::toJson(*done));
        r.setHeader("Cache-Control", "no-store"); // a generated password must not stay in any cache
        res.send(std::move(r));
    });
}

} // namespace

void registerAdminPasswordRoutes(Router &router, AdminContext &ctx, Services::AdminPasswordService &passwords)
{
    router.add("POST", QStringLiteral("/api/v1/auth/password"),
               [&ctx, &passwords](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, Auth::AdminRole::Proctor,
                       [&passwords, req, res](const Auth::AdminIdentity &who) {
                           const auto body = adminJsonBody(req).and_then(Json::parseOwnPasswordChange);
                           if (!body) {
                               res.send(HttpResponse::error(body.error()));
                               return;
                           }
                           answer(passwords.changeOwn(Services::Actor::fromAdmin(who, req.peer),
                                                      body->current, body->next),
                                  res);
                       });
               });

    router.add(
        "POST", QStringLiteral("/api/v1/admins/{id}/password"),
        [&ctx, &passwords](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(
                req, res, Auth::AdminRole::Admin, [&passwords, req, res](const Auth::AdminIdentity &who) {
                    bool ok = false;
                    const qint64 id = req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
                    if (!ok || id <= 0) {
                        res.send(HttpResponse::error(Error{ErrorCode::BadParameter,
                                                           QStringLiteral("id must be a positive integer"),
                                                           QStringLiteral("id"), 0}));
                        return;
                    }
                    answer(passwords.reset(Services::Actor::fromAdmin(who, req.peer), id), res);
                });
        });
}

} // namespace Proctor::Collector::Http
