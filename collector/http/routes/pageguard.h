// SPDX-License-Identifier: MIT
// What every candidate-page endpoint checks before its work: the page API key or the session token, and the
// rate limits (per key and per client address, plus the stricter ones of session starts and certificate
// lookups). On failure the guard answers the request itself (429 with Retry-After for a limit).
#pragma once

#include <functional>

#include <QList>

#include "auth/apikey.h"
#include "auth/ratelimiter.h"
#include "auth/sessiontoken.h"
#include "http/httprequest.h"
#include "http/responder.h"

namespace Proctor::Collector {
struct Config;
}
namespace Proctor::Collector::Auth {
class ApiKeyAuthenticator;
} // namespace Proctor::Collector::Auth

namespace Proctor::Collector::Http {

// The defaults are Config's; README "Sizing the limits" says how to choose them.
struct PageGuardLimits
{
    int perKeyPerMinute = 300000;
    int perAddressPerMinute = 30000;
    int sessionStartsPerAddressBurst = 300;
    int sessionStartsPerAddressPerMinute = 120;
    int sessionStartsPerDeviceBurst = 10;
    int sessionStartsPerDevicePerHour = 10;
    int certificatesPerAddressBurst = 60;
    int certificatesPerAddressPerMinute = 60;

    static PageGuardLimits fromConfig(const Config &config);
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
    // POST /api/v1/sessions: X-API-Key with sessions:write, then the page limits and the session-start
    // limits per address and per device. The device is the fingerprint hash together with the persistent
    // id: the hash alone is the same on every machine of a uniform office fleet, and anyone can compute the
    // hash of a common configuration, so limiting the hash alone would let one script block every candidate
    // whose computer looks like the usual one.
    void withSessionStart(const HttpRequest &request, const Responder &responder,
                          const QString &fingerprintHash, const QString &persistentId,
                          std::function<void(const Auth::ApiKeyInfo &)> next);
    // X-Session-Token for `sessionId`, then rate limits.
    void withSession(const HttpRequest &request, const Responder &responder, const QUuid &sessionId,
                     std::function<void(const Auth::SessionClaims &)> next);

    // Only the per-address limit (public endpoints).
    void withAddressLimit(const HttpRequest &request, const Responder &responder, std::function<void()> next);
    // GET /api/v1/certificates/{number}: the per-address limit and the certificate-lookup limit, so numbers
    // cannot be enumerated.
    void withCertificateLookup(const HttpRequest &request, const Responder &responder,
                               std::function<void()> next);

    const Auth::SessionTokenSigner &tokens() const { return m_tokens; }

    // Bucket names, exposed for tests.
    static QByteArray addressBucket(const QHostAddress &address);
    static QByteArray deviceBucket(const QString &fingerprintHash, const QString &persistentId);

private:
    QList<Auth::RateLimit> pageLimits(const QHostAddress &peer, qint64 apiKeyId) const;
    void acquire(const QList<Auth::RateLimit> &limits, const Responder &responder,
                 std::function<void()> next);

    Auth::ApiKeyAuthenticator &m_keys;
    Auth::RateLimiter &m_limiter;
    const Auth::SessionTokenSigner &m_tokens;
    PageGuardLimits m_limits;
};

} // namespace Proctor::Collector::Http
