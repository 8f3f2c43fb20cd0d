// SPDX-License-Identifier: MIT
#include "http/routes/riskroutes.h"

#include "http/json/riskjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/serviceanswer.h"
#include "services/assessmentservice.h"

namespace Proctor::Collector::Http {
void registerRiskRoutes(Router &router, AdminContext &ctx, Services::AssessmentService &assessments)
{
    router.add("GET", QStringLiteral("/api/v1/settings/risk"),
               [&ctx, &assessments](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, Auth::AdminRole::Admin,
                                       [&assessments, res](const Auth::AdminIdentity &) {
                                           answer(assessments.riskSettings(), res);
                                       });
               });
    router.add(
        "PUT", QStringLiteral("/api/v1/settings/risk"),
        [&ctx, &assessments](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(
                req, res, Auth::AdminRole::Admin, [&assessments, req, res](const Auth::AdminIdentity &who) {
                    const auto body = adminJsonBody(req);
                    if (!body)
                        return res.send(HttpResponse::error(body.error()));
                    answer(assessments.setRiskSettings(Services::Actor::fromAdmin(who, req.peer), *body),
                           res);
                });
        });
}

} // namespace Proctor::Collector::Http
