// SPDX-License-Identifier: MIT
// The admin sign-in routes: parse, call AuthService, encode.
#include "http/routes/authroutes.h"

#include "http/json/authjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/authservice.h"

namespace Proctor::Collector::Http {

void registerAuthRoutes(Router &router, AdminGuard &guard, Services::AuthService &auth)
{
    router.add("POST", QStringLiteral("/api/v1/auth/login"),
               [&auth](const HttpRequest &req, const Responder &res) {
                   auto body = adminJsonBody(req);
                   if (!body) {
                       res.send(HttpResponse::error(body.error()));
                       return;
                   }
                   auto credentials = Json::parseCredentials(*body);
                   if (!credentials) {
                       res.send(HttpResponse::error(credentials.error()));
                       return;
                   }
                   credentials->address = req.peer;
                   auth.login(*credentials).then([res](Expected<Services::SignedIn> signedIn) {
                       if (!signedIn) {
                           HttpResponse r = HttpResponse::error(signedIn.error());
                           if (signedIn.error().code == ErrorCode::InvalidCredentials)
                               r.setHeader("WWW-Authenticate", "Bearer");
                           res.send(std::move(r));
                           return;
                       }
                       HttpResponse r = HttpResponse::json(200, Json::toJson(*signedIn));
                       r.setHeader("Cache-Control", "no-store");
                       res.send(std::move(r));
                   });
               });

    router.add(
        "POST", QStringLiteral("/api/v1/auth/logout"),
        [&guard, &auth](const HttpRequest &req, const Responder &res) {
            const QHostAddress peer = req.peer;
            guard.withAdmin(
                req, res, Auth::AdminRole::Proctor, [&auth, res, peer](const Auth::AdminIdentity &admin) {
                    auth.logout(Services::Actor::fromAdmin(admin, peer)).then([res](Expected<void> done) {
                        res.send(done ? noContent() : HttpResponse::error(done.error()));
                    });
                });
        });

    router.add("GET", QStringLiteral("/api/v1/auth/me"),
               [&guard](const HttpRequest &req, const Responder &res) {
                   const QHostAddress peer = req.peer;
                   guard.withAdmin(
                       req, res, Auth::AdminRole::Proctor, [res, peer](const Auth::AdminIdentity &admin) {
                           const auto me = Services::AuthService::me(Services::Actor::fromAdmin(admin, peer));
                           res.send(me ? HttpResponse::json(200, Json::toJson(*me))
                                       : HttpResponse::error(me.error()));
                       });
               });
}

} // namespace Proctor::Collector::Http
