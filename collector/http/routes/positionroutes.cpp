// SPDX-License-Identifier: MIT
#include "http/routes/positionroutes.h"

#include "auth/apikey.h"
#include "http/json/positionjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/pageguard.h"
#include "services/positionservice.h"

namespace Proctor::Collector::Http {
namespace {

void send(const Responder &res, const Expected<Storage::PositionList> &list)
{
    res.send(list ? HttpResponse::json(200, Json::toJson(*list)) : HttpResponse::error(list.error()));
}

} // namespace

void registerPositionRoutes(Router &router, PageGuard &page, AdminGuard &admin,
                            Services::PositionService &positions)
{
    router.add("GET", QStringLiteral("/api/v1/positions"),
               [&page, &positions](const HttpRequest &req, const Responder &res) {
                   page.withApiKey(
                       req, res, Auth::kScopeTestsRead, [&positions, res](const Auth::ApiKeyInfo &) {
                           positions.list().then(
                               [res](const Expected<Storage::PositionList> &list) { send(res, list); });
                       });
               });
    router.add("PUT", QStringLiteral("/api/v1/positions"),
               [&admin, &positions](const HttpRequest &req, const Responder &res) {
                   admin.withAdmin(req, res, Auth::AdminRole::Admin,
                                   [&positions, req, res](const Auth::AdminIdentity &who) {
                                       const auto list = adminJsonBody(req).and_then(Json::parsePositionList);
                                       if (!list) {
                                           res.send(HttpResponse::error(list.error()));
                                           return;
                                       }
                                       positions.set(Services::Actor::fromAdmin(who, req.peer), *list)
                                           .then([res](const Expected<Storage::PositionList> &stored) {
                                               send(res, stored);
                                           });
                                   });
               });
}

} // namespace Proctor::Collector::Http
