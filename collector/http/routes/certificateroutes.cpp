// SPDX-License-Identifier: MIT
// Public certificate endpoints: GET /api/v1/certificates/{number}?code= (anyone holding the printed number
// and code may verify; a masked name and the day only), the certificate settings' public subset for the page
// (page key) and the emblem image (public, cacheable). Services::CertificateService,
// Services::SettingsService.
#include "auth/apikey.h"
#include "http/json/certificatejson.h"
#include "http/json/settingsjson.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/certificateservice.h"
#include "services/settingsservice.h"

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
            const QString code = req.queryValue(QStringLiteral("code"));
            ctx.guard.withCertificateLookup(req, res, [&ctx, res, number, code] {
                ctx.certificates.verify(number, code).then([res](Expected<Services::CertificateCheck> found) {
                    res.send(found ? HttpResponse::json(200, Json::toJson(*found))
                                   : HttpResponse::error(found.error()));
                });
            });
        });

    // What the candidate page prints on the certificate (page key). The older path answers the same subset:
    // the contacts and anything else in the admin document stay private.
    for (const QString &path : {QStringLiteral("/api/v1/certificate-settings/public"),
                                QStringLiteral("/api/v1/certificate-settings")})
        router.add("GET", path, [&ctx](const HttpRequest &req, const Responder &res) {
            ctx.guard.withApiKey(req, res, Auth::kScopeTestsRead, [&ctx, res](const Auth::ApiKeyInfo &) {
                ctx.settings.publicCertificate().then(
                    [res](Expected<Services::PublicCertificateSettings> found) {
                        res.send(found ? HttpResponse::json(200, Json::toJson(*found))
                                       : HttpResponse::error(found.error()));
                    });
            });
        });

    // Public like the printed certificate it appears on; the URL the settings give carries a version, so a
    // day's caching does not show an old emblem after a change.
    router.add("GET", QStringLiteral("/api/v1/certificate-settings/emblem"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAddressLimit(req, res, [&ctx, res] {
                       ctx.settings.emblem().then([res](Expected<Storage::Emblem> found) {
                           if (!found) {
                               res.send(HttpResponse::error(found.error()));
                               return;
                           }
                           HttpResponse r =
                               HttpResponse::text(200, found->image, found->contentType.toLatin1());
                           r.setHeader("Cache-Control", "public, max-age=86400");
                           r.setHeader("X-Content-Type-Options", "nosniff");
                           res.send(r);
                       });
                   });
               });
}

} // namespace Proctor::Collector::Http
