// SPDX-License-Identifier: MIT
#include "http/routes/candidateexportroutes.h"

#include "http/router.h"
#include "http/routes/adminguard.h"
#include "services/candidateexportservice.h"

namespace Proctor::Collector::Http {

void registerCandidateExportRoutes(Router &router, AdminContext &ctx,
                                   Services::CandidateExportService &exports)
{
    router.add("GET", QStringLiteral("/api/v1/candidates/{id}/export"),
               [&ctx, &exports](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, Auth::AdminRole::Admin,
                       [&exports, req, res](const Auth::AdminIdentity &who) {
                           bool ok = false;
                           const qint64 id = req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
                           if (!ok || id <= 0) {
                               res.send(HttpResponse::error(Error{ErrorCode::BadParameter,
                                                                  QStringLiteral("expected a candidate id"),
                                                                  QStringLiteral("id"), 0}));
                               return;
                           }
                           exports.exportCandidate(Services::Actor::fromAdmin(who, req.peer), id)
                               .then([res](const Expected<Storage::CandidateExport::Document> &doc) {
                                   res.send(doc ? HttpResponse::text(200, doc->json,
                                                                     QByteArrayLiteral("application/json"))
                                                : HttpResponse::error(doc.error()));
                               });
                       });
               });
}

} // namespace Proctor::Collector::Http
