// SPDX-License-Identifier: MIT
// GET /api/v1/tests and /api/v1/tests/{id}: what a page may know about tests (never the answer key); the
// list with a bearer token instead of a page key is the admins' view (attempt policy, roster size).
#include "auth/apikey.h"
#include "http/json/testjson.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/testservice.h"

namespace Proctor::Collector::Http {

void registerTestRoutes(Router &router, PageContext &ctx)
{
    router.add("GET", QStringLiteral("/api/v1/tests"), [&ctx](const HttpRequest &req, const Responder &res) {
        // The desktop signs in with a bearer token and has no page key: it gets the admin view of the list.
        if (req.header("x-api-key").isEmpty() && !req.header("authorization").isEmpty()) {
            ctx.admins.withAdmin(
                req, res, Auth::AdminRole::Proctor, [&ctx, res](const Auth::AdminIdentity &) {
                    ctx.tests.list().then([res](Expected<QList<Services::TestSummary>> list) {
                        res.send(list ? HttpResponse::json(200, Json::toAdminJson(*list))
                                      : HttpResponse::error(list.error()));
                    });
                });
            return;
        }
        ctx.guard.withApiKey(req, res, Auth::kScopeTestsRead, [&ctx, res](const Auth::ApiKeyInfo &) {
            ctx.tests.list().then([res](Expected<QList<Services::TestSummary>> list) {
                res.send(list ? HttpResponse::json(200, Json::toJson(*list))
                              : HttpResponse::error(list.error()));
            });
        });
    });

    router.add(
        "GET", QStringLiteral("/api/v1/tests/{id}"), [&ctx](const HttpRequest &req, const Responder &res) {
            const QString id = req.pathParams.value(QStringLiteral("id"));
            ctx.guard.withApiKey(req, res, Auth::kScopeTestsRead, [&ctx, res, id](const Auth::ApiKeyInfo &) {
                ctx.tests.get(id).then([res](Expected<Services::TestPtr> test) {
                    res.send(test ? HttpResponse::json(200, Json::toPublicJson(**test))
                                  : HttpResponse::error(test.error()));
                });
            });
        });
}

} // namespace Proctor::Collector::Http
