// SPDX-License-Identifier: MIT
// POST /api/v1/sessions/{id}/result: the server scores (Services::ResultService); a resubmission gets the
// first outcome again, with 200 instead of 201.
#include "contract/contractvalidator.h"
#include "http/json/resultjson.h"
#include "http/pathparams.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/resultservice.h"

namespace Proctor::Collector::Http {

void registerResultRoutes(Router &router, PageContext &ctx)
{
    router.add("POST", QStringLiteral("/api/v1/sessions/{id}/result"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   const auto sessionId = sessionIdParam(req);
                   if (!sessionId) {
                       res.send(HttpResponse::error(sessionId.error()));
                       return;
                   }
                   const auto body = parseBody(req, ctx.validator, Contract::Schema::ResultSubmission);
                   if (!body) {
                       res.send(HttpResponse::error(body.error()));
                       return;
                   }
                   auto submission = Json::parseResultSubmission(*sessionId, *body);
                   if (!submission) {
                       res.send(HttpResponse::error(submission.error()));
                       return;
                   }
                   ctx.guard.withSession(
                       req, res, *sessionId,
                       [&ctx, res, submission = std::move(*submission)](const Auth::SessionClaims &) mutable {
                           ctx.results.submit(std::move(submission))
                               .then([res](Expected<Services::ResultOutcome> outcome) {
                                   res.send(outcome ? HttpResponse::json(outcome->replayed ? 200 : 201,
                                                                         Json::toJson(*outcome))
                                                    : HttpResponse::error(outcome.error()));
                               });
                       });
               });
}

} // namespace Proctor::Collector::Http
