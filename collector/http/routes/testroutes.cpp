// SPDX-License-Identifier: MIT
// GET /api/v1/tests and /api/v1/tests/{id}: what a page may know about tests (never the answer key).
#include <QJsonArray>

#include "auth/apikey.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "storage/dbpool.h"
#include "storage/testcatalog.h"
#include "storage/testrepository.h"

namespace Proctor::Collector::Http {

void registerTestRoutes(Router &router, PageContext &ctx)
{
    router.add("GET", QStringLiteral("/api/v1/tests"), [&ctx](const HttpRequest &req, const Responder &res) {
        ctx.guard.withApiKey(req, res, Auth::kScopeTestsRead, [&ctx, res](const Auth::ApiKeyInfo &) {
            ctx.db
                .run<QJsonArray>([](pqxx::connection &c) -> Expected<QJsonArray> {
                    QJsonArray out;
                    for (const auto &t : Storage::TestRepository::list(c))
                        out.append(QJsonObject{{QStringLiteral("id"), t.id},
                                               {QStringLiteral("title"), t.title},
                                               {QStringLiteral("description"), t.description},
                                               {QStringLiteral("questionsPerAttempt"), t.questionsPerAttempt},
                                               {QStringLiteral("timeLimitSeconds"), t.timeLimitSeconds},
                                               {QStringLiteral("passThreshold"), t.passThreshold},
                                               {QStringLiteral("hasStudy"), t.hasStudy}});
                    return out;
                })
                .then([res](Expected<QJsonArray> list) {
                    res.send(list ? HttpResponse::json(200, *list) : HttpResponse::error(list.error()));
                });
        });
    });

    router.add(
        "GET", QStringLiteral("/api/v1/tests/{id}"), [&ctx](const HttpRequest &req, const Responder &res) {
            const QString id = req.pathParams.value(QStringLiteral("id"));
            ctx.guard.withApiKey(req, res, Auth::kScopeTestsRead, [&ctx, res, id](const Auth::ApiKeyInfo &) {
                ctx.tests.get(id).then([res](Expected<Storage::TestCatalog::TestPtr> test) {
                    res.send(test ? HttpResponse::json(200, (*test)->publicJson())
                                  : HttpResponse::error(test.error()));
                });
            });
        });
}

} // namespace Proctor::Collector::Http
