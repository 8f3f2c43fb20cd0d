// SPDX-License-Identifier: MIT
// The request headers the collector interprets: X-Session-Token (SessionTokenSigner::verify), X-Request-Id
// (requestIdFor), X-API-Key (hash and display prefix), Authorization: Bearer (bearerToken) and the head of a
// WebSocket upgrade to /api/v1/live (UpgradeRequest). The input is
// the header value; a few bytes of it also seed the claims of a token that must round-trip.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <QUuid>

#include "auth/apikey.h"
#include "auth/sessiontoken.h"
#include "http/httpserver.h"
#ifdef PROCTOR_FUZZ_ADMIN
#include "auth/admintokens.h"
#include "live/upgraderequest.h"
#endif

using namespace Proctor;
using namespace Proctor::Collector;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_headers: invariant broken: %s\n", what);
        std::abort();
    }
}

// The corpus tokens (corpus/fuzz_headers/token-*) were issued with this secret, so valid ones get past the
// MAC.
const Auth::SessionTokenSigner &signer()
{
    static const Auth::SessionTokenSigner s(QByteArray("proctor-fuzz-secret-0123456789abcdef"));
    return s;
}

constexpr qint64 kNow = 1764064800; // 2025-11-25T10:00:00Z

bool sane(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
           ch == '_' || ch == '.';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value(reinterpret_cast<const char *>(data), qsizetype(size));

    // X-Session-Token
    const auto claims = signer().verify(value, kNow);
    if (claims) {
        check(claims->expiresAtSec > kNow, "an expired token verified");
        // A verified token is one this signer issued: re-issuing its claims gives back the same MAC.
        const QByteArray reissued = signer().issue(*claims);
        check(signer().verify(reissued, kNow).has_value(), "a re-issued token does not verify");
    } else {
        check(claims.error().code == ErrorCode::InvalidToken ||
                  claims.error().code == ErrorCode::ExpiredToken,
              "verify failed with an unexpected code");
    }
    {
        // Claims from the input must survive issue + verify exactly.
        Auth::SessionClaims c;
        unsigned char raw[40] = {};
        std::memcpy(raw, data, qMin(size, sizeof raw));
        c.sessionId = QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(raw), 16));
        std::memcpy(&c.startedAtMs, raw + 16, 8);
        std::memcpy(&c.expiresAtSec, raw + 24, 8);
        std::memcpy(&c.apiKeyId, raw + 32, 8);
        const QByteArray token = signer().issue(c);
        check(token.size() <= 200, "an issued token longer than verify accepts");
        const auto back = signer().verify(token, kNow);
        if (c.expiresAtSec > kNow) {
            check(back && back->sessionId == c.sessionId && back->startedAtMs == c.startedAtMs &&
                      back->expiresAtSec == c.expiresAtSec && back->apiKeyId == c.apiKeyId,
                  "issue + verify does not round-trip");
        } else {
            check(!back && back.error().code == ErrorCode::ExpiredToken,
                  "an expired token is not reported expired");
        }
        // Any change to a byte of a valid token makes it invalid (the MAC covers the payload).
        if (size > 0) {
            QByteArray tampered = token;
            const qsizetype at = qsizetype(data[0]) % tampered.size();
            tampered[at] = char(tampered[at] ^ (data[size - 1] | 1));
            const auto t = signer().verify(tampered, kNow);
            check(!t || (t->sessionId == c.sessionId && t->startedAtMs == c.startedAtMs &&
                         t->expiresAtSec == c.expiresAtSec && t->apiKeyId == c.apiKeyId),
                  "a tampered token verified with other claims");
        }
    }

    // X-Request-Id: kept when sane, else a fresh one; always sane, never longer than 64.
    const QByteArray id = Collector::Http::requestIdFor(value);
    check(!id.isEmpty() && id.size() <= 64, "request id length");
    for (char ch : id)
        check(sane(ch), "a request id with an unsafe character");
    bool allSane = !value.isEmpty() && value.size() <= 64;
    for (char ch : value)
        allSane = allSane && sane(ch);
    check(allSane == (id == value), "a sane request id was not kept, or an unsafe one was");

    // X-API-Key: only the hash is looked up; the prefix is shown in lists.
    check(Auth::hashApiKey(value).size() == 32, "api key hash size");
    const QString prefix = Auth::apiKeyPrefix(value);
    check(prefix.size() == qMin<qsizetype>(value.size(), 11), "api key prefix length");

#ifdef PROCTOR_FUZZ_ADMIN
    // Authorization: Bearer <token>
    const QByteArray bearer = Auth::bearerToken(value);
    if (!bearer.isEmpty()) {
        check(value.trimmed().size() > 7 && qstrnicmp(value.trimmed().constData(), "bearer ", 7) == 0,
              "a token from another scheme");
        check(bearer == bearer.trimmed() && value.contains(bearer),
              "bearer token not a trimmed part of the header");
    }
    check(Auth::hashAdminToken(bearer).size() == 32, "admin token hash size");

    // The value as a whole upgrade head: "GET /api/v1/live?token=... HTTP/1.1\n" + headers.
    const Live::UpgradeRequest upgrade = Live::UpgradeRequest::parse(value);
    check(!upgrade.path.contains('?') && !upgrade.path.contains(' ') && !upgrade.method.contains(' '),
          "an upgrade path or method with a separator in it");
    check(value.startsWith(upgrade.method) || value.trimmed().startsWith(upgrade.method),
          "an upgrade method from elsewhere");
    // The token comes from the Authorization header or a bearer.<token> subprotocol, never the query.
    const QByteArray lower = value.toLower();
    if (!lower.contains("authorization") && !lower.contains("sec-websocket-protocol"))
        check(upgrade.token.isEmpty(), "an upgrade token from neither the header nor a subprotocol");
    if (upgrade.tokenFromProtocol) {
        check(upgrade.protocols.contains(Live::UpgradeRequest::kBearerPrefix + upgrade.token),
              "a subprotocol token that is not one of the offered subprotocols");
    }
    for (const QByteArray &protocol : upgrade.protocols)
        check(!protocol.isEmpty() && protocol == protocol.trimmed() && !protocol.contains(',') &&
                  value.contains(protocol),
              "a subprotocol that is not a trimmed item of the header");
#endif
    return 0;
}
