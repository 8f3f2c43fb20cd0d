// SPDX-License-Identifier: MIT
// /api/v1/tests/{id}/roster (admin role): the candidates of a roster test and their personal access codes.
// The work is Services::RosterService's; codes appear only in the import and regenerate answers.
#include "http/json/rosterjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/serviceanswer.h"
#include "services/rosterservice.h"

namespace Proctor::Collector::Http {
namespace {

using Services::Actor;

Expected<qint64> entryParam(const HttpRequest &req)
{
    bool ok = false;
    const qint64 id = req.pathParams.value(QStringLiteral("entryId")).toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(ErrorCode::BadParameter, QStringLiteral("entryId must be a positive integer"),
                         QStringLiteral("entryId"));
    return id;
}

} // namespace

void registerRosterRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/tests/{id}/roster"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &) {
                       answer(ctx.rosters.list(req.pathParams.value(QStringLiteral("id"))), res, 200);
                   });
               });

    router.add("POST", QStringLiteral("/api/v1/tests/{id}/roster"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       if (!req.header("content-type").toLower().startsWith("text/csv")) {
                           res.send(HttpResponse::error(Error{ErrorCode::UnsupportedMediaType,
                                                              QStringLiteral("Content-Type must be text/csv"),
                                                              QStringLiteral("Content-Type"), 0}));
                           return;
                       }
                       const auto expires = Json::parseExpiresAt(req.queryValue(QStringLiteral("expiresAt")));
                       if (!expires) {
                           res.send(HttpResponse::error(expires.error()));
                           return;
                       }
                       answer(ctx.rosters.importCsv(Actor::fromAdmin(who, req.peer),
                                                    req.pathParams.value(QStringLiteral("id")), req.body,
                                                    *expires),
                              res, 200);
                   });
               });

    router.add("POST", QStringLiteral("/api/v1/tests/{id}/roster/{entryId}/code"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto entry = entryParam(req);
                       const auto expires = Json::parseExpiresAt(req.queryValue(QStringLiteral("expiresAt")));
                       if (!entry || !expires) {
                           res.send(HttpResponse::error(!entry ? entry.error() : expires.error()));
                           return;
                       }
                       answer(ctx.rosters.regenerateCode(Actor::fromAdmin(who, req.peer),
                                                         req.pathParams.value(QStringLiteral("id")), *entry,
                                                         *expires),
                              res, 200);
                   });
               });

    router.add("DELETE", QStringLiteral("/api/v1/tests/{id}/roster/{entryId}"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto entry = entryParam(req);
                       if (!entry) {
                           res.send(HttpResponse::error(entry.error()));
                           return;
                       }
                       ctx.rosters
                           .remove(Actor::fromAdmin(who, req.peer),
                                   req.pathParams.value(QStringLiteral("id")), *entry)
                           .then([res](const Expected<void> &done) {
                               res.send(done ? noContent() : HttpResponse::error(done.error()));
                           });
                   });
               });
}

} // namespace Proctor::Collector::Http
