// SPDX-License-Identifier: MIT
#include "http/routes/pageguard.h"

#include <QCryptographicHash>
#include <QDateTime>

#include "app/config.h"
#include "auth/apikeyauthenticator.h"

namespace Proctor::Collector::Http {

PageGuardLimits PageGuardLimits::fromConfig(const Config &config)
{
    return PageGuardLimits{
        config.rateLimitPerKeyPerMinute,          config.rateLimitPerAddressPerMinute,
        config.sessionStartsPerAddressBurst,      config.sessionStartsPerAddressPerMinute,
        config.sessionStartsPerDeviceBurst,       config.sessionStartsPerDevicePerHour,
        config.certificateLookupsPerAddressBurst, config.certificateLookupsPerAddressPerMinute};
}

QByteArray PageGuard::addressBucket(const QHostAddress &address)
{
    return "a:" + Auth::RateLimiter::addressGroup(address);
}

QByteArray PageGuard::deviceBucket(const QString &fingerprintHash, const QString &persistentId)
{
    // Hashed: a fixed-size key whatever the client sent, and no identifier of a person in Redis.
    const QByteArray device = fingerprintHash.toLower().toUtf8() + '|' + persistentId.toLower().toUtf8();
    return "ss:d:" + QCryptographicHash::hash(device, QCryptographicHash::Sha256).toHex().left(32);
}

QList<Auth::RateLimit> PageGuard::pageLimits(const QHostAddress &peer, qint64 apiKeyId) const
{
    return {Auth::RateLimit::perMinute("k:" + QByteArray::number(apiKeyId), m_limits.perKeyPerMinute),
            Auth::RateLimit::perMinute(addressBucket(peer), m_limits.perAddressPerMinute)};
}

void PageGuard::acquire(const QList<Auth::RateLimit> &limits, const Responder &responder,
                        std::function<void()> next)
{
    m_limiter.acquire(limits, [responder, next = std::move(next)](Expected<void> allowed) {
        if (!allowed) {
            responder.send(HttpResponse::error(allowed.error()));
            return;
        }
        next();
    });
}

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
                            acquire(pageLimits(peer, info.id), responder, [info, next] { next(info); });
                        });
}

void PageGuard::withSessionStart(const HttpRequest &request, const Responder &responder,
                                 const QString &fingerprintHash, const QString &persistentId,
                                 std::function<void(const Auth::ApiKeyInfo &)> next)
{
    const QHostAddress peer = request.peer;
    const QByteArray device = deviceBucket(fingerprintHash, persistentId);
    m_keys.authenticate(
        request.header("x-api-key"), Auth::kScopeSessionsWrite,
        [this, peer, device, responder, next = std::move(next)](Expected<Auth::ApiKeyInfo> key) {
            if (!key) {
                responder.send(HttpResponse::error(key.error()));
                return;
            }
            const Auth::ApiKeyInfo info = *key;
            // One Lua call for all four: a start refused by one bucket takes nothing from the others.
            QList<Auth::RateLimit> limits = pageLimits(peer, info.id);
            limits.append({"ss:" + addressBucket(peer), m_limits.sessionStartsPerAddressBurst,
                           m_limits.sessionStartsPerAddressPerMinute, 60});
            limits.append(
                {device, m_limits.sessionStartsPerDeviceBurst, m_limits.sessionStartsPerDevicePerHour, 3600});
            acquire(limits, responder, [info, next] { next(info); });
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
    acquire(pageLimits(request.peer, c.apiKeyId), responder, [c, next = std::move(next)] { next(c); });
}

void PageGuard::withAddressLimit(const HttpRequest &request, const Responder &responder,
                                 std::function<void()> next)
{
    acquire({Auth::RateLimit::perMinute(addressBucket(request.peer), m_limits.perAddressPerMinute)},
            responder, std::move(next));
}

void PageGuard::withCertificateLookup(const HttpRequest &request, const Responder &responder,
                                      std::function<void()> next)
{
    acquire({Auth::RateLimit::perMinute(addressBucket(request.peer), m_limits.perAddressPerMinute),
             {"cv:" + addressBucket(request.peer), m_limits.certificatesPerAddressBurst,
              m_limits.certificatesPerAddressPerMinute, 60}},
            responder, std::move(next));
}

} // namespace Proctor::Collector::Http
