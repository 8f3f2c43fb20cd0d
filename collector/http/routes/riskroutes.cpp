// SPDX-License-Identifier: MIT
#include "http/routes/riskroutes.h"

#include "http/json/riskjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/assessmentservice.h"

namespace Proctor::Collector::Http {
namespace {

template <typename T> void answer(const Responder &res, QFuture<Expected<T>> future)
{
    future.then([res](Expected<T> result) {
        res.send(result ? HttpResponse::json(200, Json::toJson(*result))
                        : HttpResponse::error(result.error()));
    });
}

} // namespace

void registerRiskRoutes(Router &router, AdminContext &ctx, Services::AssessmentService &assessments)
{
    router.add("GET", QStringLiteral("/api/v1/settings/risk"),
               [&ctx, &assessments](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, Auth::AdminRole::Admin,
                                       [&assessments, res](const Auth::AdminIdentity &) {
                                           answer(res, assessments.riskSettings());
                                       });
               });
    router.add("PUT", QStringLiteral("/api/v1/settings/risk"),
               [&ctx, &assessments](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, Auth::AdminRole::Admin,
                                       [&assessments, req, res](const Auth::AdminIdentity &who) {
                                           const auto body = adminJsonBody(req);
                                           if (!body)
                                               return res.send(HttpResponse::error(body.error()));
                                           answer(res, assessments.setRiskSettings(
                                                           Services::Actor::fromAdmin(who, req.peer), *body));
                                       });
               });
}

} // namespace Proctor::Collector::Http
