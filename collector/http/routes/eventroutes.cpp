// SPDX-License-Identifier: MIT
// POST /api/v1/events: a batch of one session's events. Answered only after the rows are committed
// (Services::IngestService completes the responder from the event writer's thread).
#include "contract/contractvalidator.h"
#include "http/json/eventjson.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/ingestservice.h"

namespace Proctor::Collector::Http {

void registerEventRoutes(Router &router, PageContext &ctx)
{
    router.add(
        "POST", QStringLiteral("/api/v1/events"), [&ctx](const HttpRequest &req, const Responder &res) {
            auto body = parseBody(req, ctx.validator, Contract::Schema::EventBatch);
            if (!body) {
                res.send(HttpResponse::error(body.error()));
                return;
            }
            const QUuid sessionId = QUuid::fromString(body->value(QStringLiteral("sessionId")).toString());
            const QJsonObject batch = std::move(*body);
            ctx.guard.withSession(req, res, sessionId, [&ctx, res, batch](const Auth::SessionClaims &claims) {
                auto events = Json::parseEventBatch(batch, claims);
                if (!events) {
                    res.send(HttpResponse::error(events.error()));
                    return;
                }
                ctx.ingest.append(std::move(*events), [res](Expected<Services::WriteOutcome> written) {
                    res.send(written ? HttpResponse::json(200, Json::toJson(*written))
                                     : HttpResponse::error(written.error()));
                });
            });
        });
}

} // namespace Proctor::Collector::Http
