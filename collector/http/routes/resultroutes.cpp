// SPDX-License-Identifier: MIT
// POST /api/v1/sessions/{id}/result: the server scores; a resubmission gets the first outcome again.
#include <QJsonArray>

#include "app/config.h"
#include "contract/contractvalidator.h"
#include "http/pathparams.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "live/changepublisher.h"
#include "observability/metrics.h"
#include "storage/dbpool.h"
#include "storage/resultrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Http {

void registerResultRoutes(Router &router, PageContext &ctx)
{
    router.add(
        "POST", QStringLiteral("/api/v1/sessions/{id}/result"),
        [&ctx](const HttpRequest &req, const Responder &res) {
            const auto parsedId = sessionIdParam(req);
            if (!parsedId) {
                res.send(HttpResponse::error(parsedId.error()));
                return;
            }
            const QUuid sessionId = *parsedId;
            auto body = parseBody(req, ctx.validator, Contract::Schema::ResultSubmission);
            if (!body) {
                res.send(HttpResponse::error(body.error()));
                return;
            }
            Storage::ResultSubmission submission;
            submission.sessionId = sessionId;
            submission.answersJson = body->value(QStringLiteral("answers")).toArray();
            submission.answers = Contract::answersFromJson(submission.answersJson);
            submission.telemetry = body->value(QStringLiteral("telemetry")).toObject();
            submission.publicUrl = ctx.config.publicUrl;
            ctx.guard.withSession(req, res, sessionId, [&ctx, res, submission](const Auth::SessionClaims &) {
                ctx.db
                    .run<Storage::ResultOutcome>(
                        [&ctx, submission](pqxx::connection &c) -> Expected<Storage::ResultOutcome> {
                            const auto owner =
                                Storage::ResultRepository::sessionTest(c, submission.sessionId);
                            if (!owner)
                                return tl::unexpected(owner.error());
                            const auto test = ctx.tests.get(c, owner->first);
                            if (!test)
                                return tl::unexpected(test.error());
                            return Storage::ResultRepository::submit(c, submission, **test);
                        })
                    .then([&ctx, res, submission](Expected<Storage::ResultOutcome> outcome) {
                        if (!outcome) {
                            res.send(HttpResponse::error(outcome.error()));
                            return;
                        }
                        res.send(HttpResponse::json(outcome->replayed ? 200 : 201, outcome->body));
                        if (outcome->replayed)
                            return;
                        const std::string test = outcome->testId.toStdString();
                        ctx.metrics
                            .counterFamily("proctor_tests_completed_total",
                                           "Tests completed, by test and outcome")
                            .Add({{"test", test}, {"outcome", outcome->passed ? "passed" : "failed"}})
                            .Increment();
                        if (outcome->passed)
                            ctx.metrics
                                .counterFamily("proctor_certificates_issued_total",
                                               "Certificates issued, by test")
                                .Add({{"test", test}})
                                .Increment();
                        ctx.publisher.publish(QJsonObject{
                            {QStringLiteral("type"), QStringLiteral("result_saved")},
                            {QStringLiteral("sessionId"),
                             submission.sessionId.toString(QUuid::WithoutBraces)},
                            {QStringLiteral("score"), outcome->body.value(QStringLiteral("score"))},
                            {QStringLiteral("passed"), outcome->passed}});
                    });
            });
        });
}

} // namespace Proctor::Collector::Http
