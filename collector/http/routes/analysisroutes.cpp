// SPDX-License-Identifier: MIT
// The analysis endpoints: parse the request, ask Services::AnalysisService, encode its answer
// (http/json/analysisjson, riskjson, devicegroupsjson).
#include "http/routes/analysisroutes.h"

#include "http/json/analysisjson.h"
#include "http/json/devicegroupsjson.h"
#include "http/json/riskjson.h"
#include "http/pathparams.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/serviceanswer.h"
#include "services/analysisservice.h"

namespace Proctor::Collector::Http {
namespace {

// Encodes on the database thread that computed the answer, then sends.

// The JSON body parsed by `parse`, or the first error (415, bad_json, bad_parameter).
template <typename Parse>
auto parsedBody(const HttpRequest &req, Parse parse) -> decltype(parse(QJsonObject()))
{
    const auto body = adminJsonBody(req);
    if (!body)
        return tl::unexpected(body.error());
    return parse(*body);
}

} // namespace

void registerAnalysisRoutes(Router &router, AdminContext &ctx)
{
    using Auth::AdminRole;

    router.add("POST", QStringLiteral("/api/v1/analysis/mouse"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, AdminRole::Proctor,
                                       [&ctx, req, res](const Auth::AdminIdentity &) {
                                           const auto request = parsedBody(req, Json::parseMouseComparison);
                                           if (!request)
                                               return res.send(HttpResponse::error(request.error()));
                                           answer(ctx.analysis.compareMouse(*request), res);
                                       });
               });

    router.add("POST", QStringLiteral("/api/v1/analysis/mouse/similar"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, AdminRole::Proctor,
                                       [&ctx, req, res](const Auth::AdminIdentity &) {
                                           const auto request = parsedBody(req, Json::parseSimilarSessions);
                                           if (!request)
                                               return res.send(HttpResponse::error(request.error()));
                                           answer(ctx.analysis.similarSessions(*request), res);
                                       });
               });

    router.add("POST", QStringLiteral("/api/v1/analysis/keyboard"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                           const auto request = parsedBody(req, Json::parseKeyboardComparison);
                           if (!request)
                               return res.send(HttpResponse::error(request.error()));
                           answer(ctx.analysis.compareKeyboard(*request), res);
                       });
               });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/risk"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, AdminRole::Proctor,
                                       [&ctx, req, res](const Auth::AdminIdentity &) {
                                           const auto id = sessionIdParam(req);
                                           if (!id)
                                               return res.send(HttpResponse::error(id.error()));
                                           answer(ctx.analysis.sessionRisk(*id), res);
                                       });
               });

    const auto deviceGroups = [&ctx](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const bool shared = req.queryValue(QStringLiteral("flagged")) == QLatin1String("true");
            answer(ctx.analysis.deviceGroups(shared), res);
        });
    };
    router.add("GET", QStringLiteral("/api/v1/fingerprints/groups"), deviceGroups);
}

} // namespace Proctor::Collector::Http
