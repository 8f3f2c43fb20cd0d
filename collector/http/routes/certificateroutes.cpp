// SPDX-License-Identifier: MIT
// GET /api/v1/certificates/{number}: anyone may verify a certificate; it reveals a masked name only
// (Services::CertificateService).
#include "http/json/certificatejson.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/certificateservice.h"

namespace Proctor::Collector::Http {

void registerCertificateRoutes(Router &router, PageContext &ctx)
{
    router.add(
        "GET", QStringLiteral("/api/v1/certificates/{number}"),
        [&ctx](const HttpRequest &req, const Responder &res) {
            const QString number = req.pathParams.value(QStringLiteral("number"));
            // A malformed number is refused before it counts against the address's limit.
            if (const auto wellFormed = Services::CertificateService::checkNumber(number); !wellFormed) {
                res.send(HttpResponse::error(wellFormed.error()));
                return;
            }
            ctx.guard.withCertificateLookup(req, res, [&ctx, res, number] {
                ctx.certificates.verify(number).then([res](Expected<Services::CertificateCheck> found) {
                    res.send(found ? HttpResponse::json(200, Json::toJson(*found))
                                   : HttpResponse::error(found.error()));
                });
            });
        });
}

} // namespace Proctor::Collector::Http
