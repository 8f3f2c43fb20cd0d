// SPDX-License-Identifier: MIT
// GET /api/v1/certificates/{number}: anyone may verify a certificate; it reveals a masked name only.
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "storage/certificaterepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Http {

void registerCertificateRoutes(Router &router, PageContext &ctx)
{
    router.add("GET", QStringLiteral("/api/v1/certificates/{number}"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   const QString number = req.pathParams.value(QStringLiteral("number"));
                   static const QRegularExpression format(QStringLiteral("^\\d{2}/\\d{2}-\\d{4,6}$"));
                   if (!format.match(number).hasMatch()) {
                       res.send(
                           HttpResponse::error({ErrorCode::BadParameter,
                                                QStringLiteral("a certificate number looks like 26/11-0001"),
                                                QStringLiteral("number"), 0}));
                       return;
                   }
                   ctx.guard.withCertificateLookup(req, res, [&ctx, res, number] {
                       ctx.db
                           .run<std::optional<QJsonObject>>(
                               [number](pqxx::connection &c) -> Expected<std::optional<QJsonObject>> {
                                   return Storage::CertificateRepository::verify(c, number);
                               })
                           .then([res](Expected<std::optional<QJsonObject>> found) {
                               if (!found)
                                   res.send(HttpResponse::error(found.error()));
                               else if (!*found)
                                   res.send(HttpResponse::error({ErrorCode::NotFound,
                                                                 QStringLiteral("no such certificate"),
                                                                 QStringLiteral("number"), 0}));
                               else
                                   res.send(HttpResponse::json(200, **found));
                           });
                   });
               });
}

} // namespace Proctor::Collector::Http
