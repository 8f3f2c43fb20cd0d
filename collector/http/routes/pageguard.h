// SPDX-License-Identifier: MIT
// What every candidate-page endpoint checks before its work: the page API key or the session token, and the
// rate limits (per key and per client address). On failure the guard answers the request itself.
#pragma once

#include <functional>

#include "auth/apikey.h"
#include "auth/sessiontoken.h"
#include "http/httprequest.h"
#include "http/responder.h"

namespace Proctor::Collector::Auth {
class ApiKeyAuthenticator;
class RateLimiter;
} // namespace Proctor::Collector::Auth

namespace Proctor::Collector::Http {

struct PageGuardLimits
{
    int perKeyPerMinute = 600000;
    int perAddressPerMinute = 120000;
};

class PageGuard
{
public:
    PageGuard(Auth::ApiKeyAuthenticator &keys, Auth::RateLimiter &limiter,
              const Auth::SessionTokenSigner &tokens, PageGuardLimits limits)
        : m_keys(keys), m_limiter(limiter), m_tokens(tokens), m_limits(limits)
    {
    }

    // X-API-Key with `scope`, then rate limits; `next` runs on the HTTP thread.
    void withApiKey(const HttpRequest &request, const Responder &responder, const QString &scope,
                    std::function<void(const Auth::ApiKeyInfo &)> next);
    // X-Session-Token for `sessionId`, then rate limits.
    void withSession(const HttpRequest &request, const Responder &responder, const QUuid &sessionId,
                     std::function<void(const Auth::SessionClaims &)> next);

    // Only the per-address limit (public endpoints).
    void withAddressLimit(const HttpRequest &request, const Responder &responder, std::function<void()> next);

    const Auth::SessionTokenSigner &tokens() const { return m_tokens; }

private:
    void limit(const HttpRequest &request, const Responder &responder, qint64 apiKeyId,
               std::function<void()> next);

    Auth::ApiKeyAuthenticator &m_keys;
    Auth::RateLimiter &m_limiter;
    const Auth::SessionTokenSigner &m_tokens;
    PageGuardLimits m_limits;
};

} // namespace Proctor::Collector::Http
