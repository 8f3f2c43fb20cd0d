// SPDX-License-Identifier: MIT
// Bearer token and role check for admin endpoints.
#include "http/routes/adminguard.h"

#include "auth/adminauthenticator.h"
#include "auth/admintokens.h"
#include "contract/jsonparse.h"
#include "http/httpresponse.h"
#include "http/requestbody.h"

namespace Proctor::Collector::Http {

void AdminGuard::withAdmin(const HttpRequest &request, const Responder &responder,
                           Auth::AdminRole requiredRole,
                           std::function<void(const Auth::AdminIdentity &)> next)
{
    m_authenticator.authenticate(
        Auth::bearerToken(request.header("authorization")),
        [responder, requiredRole, next = std::move(next)](Expected<Auth::AdminIdentity> identity) {
            if (!identity) {
                HttpResponse r = HttpResponse::error(identity.error());
                if (identity.error().code != ErrorCode::Unavailable)
                    r.setHeader("WWW-Authenticate", "Bearer");
                responder.send(std::move(r));
                return;
            }
            if (!identity->satisfies(requiredRole)) {
                responder.send(HttpResponse::error(
                    {ErrorCode::ForbiddenRole,
                     QStringLiteral("this needs the %1 role").arg(Auth::adminRoleName(requiredRole)),
                     {},
                     0}));
                return;
            }
            next(*identity);
        });
}

Expected<QJsonObject> adminJsonBody(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().startsWith("application/json"))
        return makeError(ErrorCode::UnsupportedMediaType,
                         QStringLiteral("Content-Type must be application/json"),
                         QStringLiteral("Content-Type"));
    auto parsed = Contract::parseJsonObject(request.body);
    if (!parsed)
        return makeError(ErrorCode::BadJson, parsed.error().message, parsed.error().pointer);
    if (auto text = requireStorableText(*parsed); !text)
        return tl::unexpected(text.error());
    return std::move(*parsed);
}

Expected<Storage::PageRequest> pageRequest(const HttpRequest &request)
{
    Storage::PageRequest page;
    const QString limit = request.queryValue(QStringLiteral("limit"));
    if (!limit.isEmpty()) {
        bool ok = false;
        page.limit = limit.toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > 500)
            return makeError(ErrorCode::BadParameter, QStringLiteral("limit must be an integer in 1..500"),
                             QStringLiteral("limit"));
    }
    const QString cursor = request.queryValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        page.after = Storage::ReviewCursor::decode(cursor);
        if (!page.after)
            return makeError(ErrorCode::BadParameter, QStringLiteral("cursor is not one this server issued"),
                             QStringLiteral("cursor"));
    }
    return page;
}

Storage::AuditEntry auditEntry(const Auth::AdminIdentity &admin, const HttpRequest &request,
                               const QString &action, const QString &target, const QJsonObject &details)
{
    return Storage::AuditEntry{admin.id, admin.email, action, target, details, request.peer};
}

HttpResponse noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

} // namespace Proctor::Collector::Http
