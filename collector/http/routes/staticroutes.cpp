// SPDX-License-Identifier: MIT
// The built candidate pages (PROCTOR_WEB_ROOT) and /app-config.json, under a strict Content-Security-Policy.
#include <memory>

#include <QFileInfo>
#include <QUrl>

#include "app/config.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/staticfilecache.h"

namespace Proctor::Collector::Http {
namespace {

// The one hash admits the single fixed <style> html2canvas puts in its cloned document (it hides ::before and
// ::after while rendering the certificate); it allows that exact block only, no style attributes.
const QByteArray kCsp =
    "default-src 'self'; script-src 'self'; "
    "style-src 'self' 'sha256-UP0QZg7irvSMvOBz9mH2PIIE28+57UiavRfeVea0l3g='; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'";

QByteArray contentType(const QString &suffix)
{
    static const QHash<QString, QByteArray> types{{QStringLiteral("html"), "text/html; charset=utf-8"},
                                                  {QStringLiteral("js"), "text/javascript; charset=utf-8"},
                                                  {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
                                                  {QStringLiteral("css"), "text/css; charset=utf-8"},
                                                  {QStringLiteral("json"), "application/json"},
                                                  {QStringLiteral("svg"), "image/svg+xml"},
                                                  {QStringLiteral("png"), "image/png"},
                                                  {QStringLiteral("ico"), "image/x-icon"},
                                                  {QStringLiteral("ttf"), "font/ttf"},
                                                  {QStringLiteral("woff2"), "font/woff2"},
                                                  {QStringLiteral("txt"), "text/plain; charset=utf-8"},
                                                  {QStringLiteral("map"), "application/json"}};
    return types.value(suffix.toLower(), "application/octet-stream");
}

void securityHeaders(HttpResponse &r)
{
    r.setHeader("Content-Security-Policy", kCsp);
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Referrer-Policy", "no-referrer");
    r.setHeader("X-Frame-Options", "DENY");
}

} // namespace

// Resolves a request path inside `root`; empty when it escapes the root or names no regular file.
QString resolveStaticPath(const QString &root, const QByteArray &encodedPath)
{
    QString path = QUrl::fromPercentEncoding(encodedPath);
    if (path.contains(QChar(0)) || path.contains(QLatin1Char('\\')))
        return {};
    if (path.endsWith(QLatin1Char('/')))
        path += QStringLiteral("index.html");
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    const QString candidate = QFileInfo(root + QLatin1Char('/') + path).canonicalFilePath();
    if (canonicalRoot.isEmpty() || candidate.isEmpty() ||
        !candidate.startsWith(canonicalRoot + QLatin1Char('/')))
        return {};
    return QFileInfo(candidate).isFile() ? candidate : QString();
}

void registerStaticRoutes(Router &router, PageContext &ctx)
{
    router.add("GET", QStringLiteral("/app-config.json"), [&ctx](const HttpRequest &, const Responder &res) {
        HttpResponse r =
            HttpResponse::json(200, QJsonObject{{QStringLiteral("apiBase"), QStringLiteral("/api/v1")},
                                                {QStringLiteral("apiKey"), ctx.config.pageApiKey},
                                                {QStringLiteral("defaultLocale"), QStringLiteral("ru")}});
        r.setHeader("Cache-Control", "no-store");
        securityHeaders(r);
        res.send(std::move(r));
    });

    if (ctx.config.webRoot.isEmpty())
        return;
    const QString root = ctx.config.webRoot;
    // Filled on first use; the path is resolved (and checked against the root) on every request all the same.
    auto cache = std::make_shared<StaticFileCache>();
    router.setFallback([root, cache](const HttpRequest &req, const Responder &res) {
        const QString file = resolveStaticPath(root, req.path);
        const std::optional<QByteArray> content = file.isEmpty() ? std::nullopt : cache->content(file);
        if (!content) {
            HttpResponse r =
                HttpResponse::error({ErrorCode::NotFound, QStringLiteral("no such page"), {}, 0});
            securityHeaders(r);
            res.send(std::move(r));
            return;
        }
        const QString suffix = QFileInfo(file).suffix();
        HttpResponse r = HttpResponse::text(200, *content, contentType(suffix));
        // Pages revalidate every time (they name the current assets); libraries under vendor/ are immutable.
        r.setHeader("Cache-Control",
                    file.contains(QLatin1String("/vendor/")) ? "public, max-age=86400" : "no-cache");
        securityHeaders(r);
        res.send(std::move(r));
    });
}

} // namespace Proctor::Collector::Http
