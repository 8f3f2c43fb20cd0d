// SPDX-License-Identifier: MIT
// Review decisions (proctor and admin): POST/GET /api/v1/sessions/{id}/review and the per-factor precision
// GET /api/v1/review/precision?days=N (the desktop's test filter reads GET /api/v1/tests with its token).
// Services::ReviewCaseService does the work; a decision also invalidates the cached list pages here, before
// it answers, so the desktop's refresh right after it shows the new state (the live message does the same for
// every other instance).
#include "http/json/reviewcasejson.h"
#include "http/pathparams.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/reviewcaseservice.h"
#include "storage/reviewcache.h"

namespace Proctor::Collector::Http {

void registerReviewCaseRoutes(Router &router, AdminContext &ctx, Services::ReviewCaseService &cases)
{
    const auto proctor = Auth::AdminRole::Proctor;

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/review"),
               [&cases, proctor, &ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&cases, req, res](const Auth::AdminIdentity &) {
                       const auto id = sessionIdParam(req);
                       if (!id) {
                           res.send(HttpResponse::error(id.error()));
                           return;
                       }
                       cases.reviewCase(*id).then([res](const Expected<Services::ReviewCase> &found) {
                           res.send(found ? HttpResponse::json(200, Json::toJson(*found))
                                          : HttpResponse::error(found.error()));
                       });
                   });
               });

    router.add("POST", QStringLiteral("/api/v1/sessions/{id}/review"),
               [&cases, proctor, &ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, proctor, [&cases, &ctx, req, res](const Auth::AdminIdentity &who) {
                           const auto id = sessionIdParam(req);
                           if (!id) {
                               res.send(HttpResponse::error(id.error()));
                               return;
                           }
                           const auto input = adminJsonBody(req).and_then(Json::parseReviewDecision);
                           if (!input) {
                               res.send(HttpResponse::error(input.error()));
                               return;
                           }
                           cases.decide(Services::Actor::fromAdmin(who, req.peer), *id, *input)
                               .then(&ctx.cache, [&ctx, res](const Expected<Services::ReviewCase> &decided) {
                                   if (!decided) {
                                       res.send(HttpResponse::error(decided.error()));
                                       return;
                                   }
                                   ctx.cache.invalidate();
                                   res.send(HttpResponse::json(200, Json::toJson(*decided)));
                               });
                       });
               });

    router.add("GET", QStringLiteral("/api/v1/review/precision"),
               [&cases, proctor, &ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&cases, req, res](const Auth::AdminIdentity &) {
                       const QString given = req.queryValue(QStringLiteral("days"));
                       bool ok = true;
                       const int days =
                           given.isEmpty() ? Services::ReviewCaseService::kDefaultDays : given.toInt(&ok);
                       if (!ok) {
                           res.send(HttpResponse::error(Error{ErrorCode::BadParameter,
                                                              QStringLiteral("days must be an integer"),
                                                              QStringLiteral("days"), 0}));
                           return;
                       }
                       cases.precision(days).then([res](const Expected<Services::ReviewPrecision> &found) {
                           res.send(found ? HttpResponse::json(200, Json::toJson(*found))
                                          : HttpResponse::error(found.error()));
                       });
                   });
               });
}

} // namespace Proctor::Collector::Http
