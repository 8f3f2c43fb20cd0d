// SPDX-License-Identifier: MIT
#include "http/routes/attemptpolicyroutes.h"

#include "http/json/attemptpolicyjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/attemptpolicyservice.h"

namespace Proctor::Collector::Http {

void registerAttemptPolicyRoutes(Router &router, AdminContext &ctx, Services::AttemptPolicyService &policies)
{
    router.add("PUT", QStringLiteral("/api/v1/tests/{id}/attempt-policy"),
               [&ctx, &policies](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, Auth::AdminRole::Admin,
                       [&policies, req, res](const Auth::AdminIdentity &who) {
                           const auto policy = adminJsonBody(req).and_then(Json::parseAttemptPolicy);
                           if (!policy) {
                               res.send(HttpResponse::error(policy.error()));
                               return;
                           }
                           policies
                               .set(Services::Actor::fromAdmin(who, req.peer),
                                    req.pathParams.value(QStringLiteral("id")), *policy)
                               .then([res](const Expected<Contract::AttemptPolicy> &stored) {
                                   res.send(stored ? HttpResponse::json(200, Json::toJson(*stored))
                                                   : HttpResponse::error(stored.error()));
                               });
                       });
               });
}

} // namespace Proctor::Collector::Http
