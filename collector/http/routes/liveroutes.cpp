// SPDX-License-Identifier: MIT
// GET /api/v1/live reached the router, so it was not a WebSocket upgrade (those are taken over by the live
// hub before routing): after the token check, say how to ask.
#include "http/router.h"
#include "http/routes/adminguard.h"

namespace Proctor::Collector::Http {

void registerLiveRoutes(Router &router, AdminContext &ctx)
{
    router.add("GET", QStringLiteral("/api/v1/live"), [&ctx](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, Auth::AdminRole::Proctor, [res](const Auth::AdminIdentity &) {
            HttpResponse r =
                HttpResponse::error({ErrorCode::UpgradeRequired,
                                     QStringLiteral("connect with a WebSocket client (Upgrade: websocket)"),
                                     {},
                                     0});
            r.setHeader("Upgrade", "websocket");
            res.send(std::move(r));
        });
    });
}

} // namespace Proctor::Collector::Http
