// SPDX-License-Identifier: MIT
#include "http/routes/pageguard.h"

#include <QDateTime>

#include "auth/apikeyauthenticator.h"
#include "auth/ratelimiter.h"

namespace Proctor::Collector::Http {

void PageGuard::withApiKey(const HttpRequest &request, const Responder &responder, const QString &scope,
                           std::function<void(const Auth::ApiKeyInfo &)> next)
{
    const QHostAddress peer = request.peer;
    m_keys.authenticate(request.header("x-api-key"), scope,
                        [this, peer, responder, next = std::move(next)](Expected<Auth::ApiKeyInfo> key) {
                            if (!key) {
                                responder.send(HttpResponse::error(key.error()));
                                return;
                            }
                            const Auth::ApiKeyInfo info = *key;
                            HttpRequest minimal;
                            minimal.peer = peer;
                            limit(minimal, responder, info.id, [info, next] { next(info); });
                        });
}

void PageGuard::withSession(const HttpRequest &request, const Responder &responder, const QUuid &sessionId,
                            std::function<void(const Auth::SessionClaims &)> next)
{
    const QByteArray token = request.header("x-session-token");
    if (token.isEmpty()) {
        responder.send(HttpResponse::error({ErrorCode::MissingToken,
                                            QStringLiteral("X-Session-Token header is required"),
                                            QStringLiteral("X-Session-Token"), 0}));
        return;
    }
    auto claims = m_tokens.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!claims) {
        responder.send(HttpResponse::error(claims.error()));
        return;
    }
    if (claims->sessionId != sessionId) {
        responder.send(HttpResponse::error({ErrorCode::ForbiddenSession,
                                            QStringLiteral("the session token belongs to another session"),
                                            QStringLiteral("sessionId"), 0}));
        return;
    }
    // A token outlives nothing of its key: revoking the page key ends the sessions it opened, at once.
    if (m_keys.isRevokedId(claims->apiKeyId)) {
        responder.send(HttpResponse::error(
            {ErrorCode::InvalidToken, QStringLiteral("the page key that opened this session was revoked"),
             QStringLiteral("X-Session-Token"), 0}));
        return;
    }
    const Auth::SessionClaims c = *claims;
    limit(request, responder, c.apiKeyId, [c, next = std::move(next)] { next(c); });
}

void PageGuard::limit(const HttpRequest &request, const Responder &responder, qint64 apiKeyId,
                      std::function<void()> next)
{
    m_limiter.acquire({{"k:" + QByteArray::number(apiKeyId), m_limits.perKeyPerMinute},
                       {"a:" + request.peer.toString().toLatin1(), m_limits.perAddressPerMinute}},
                      [responder, next = std::move(next)](Expected<void> allowed) {
                          if (!allowed) {
                              responder.send(HttpResponse::error(allowed.error()));
                              return;
                          }
                          next();
                      });
}

void PageGuard::withAddressLimit(const HttpRequest &request, const Responder &responder,
                                 std::function<void()> next)
{
    m_limiter.acquire({{"a:" + request.peer.toString().toLatin1(), m_limits.perAddressPerMinute}},
                      [responder, next = std::move(next)](Expected<void> allowed) {
                          if (!allowed) {
                              responder.send(HttpResponse::error(allowed.error()));
                              return;
                          }
                          next();
                      });
}

} // namespace Proctor::Collector::Http
