// SPDX-License-Identifier: MIT
// Token = "v1." + base64url(payload) + "." + base64url(HMAC-SHA256(key, "v1." + payload_b64)).
// payload: 16 bytes session uuid | 8 bytes startedAtMs | 8 bytes expiresAtSec | 8 bytes apiKeyId (big
// endian).
#include "auth/sessiontoken.h"

#include <sodium.h>

#include <QtEndian>

namespace Proctor::Collector::Auth {
namespace {

constexpr int kPayloadSize = 16 + 8 + 8 + 8;
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray mac(const QByteArray &key, QByteArrayView message)
{
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(out.data()),
                           reinterpret_cast<const unsigned char *>(message.data()), quint64(message.size()),
                           reinterpret_cast<const unsigned char *>(key.constData()));
    return out;
}

tl::unexpected<Error> invalid()
{
    return makeError(ErrorCode::InvalidToken, QStringLiteral("invalid session token"),
                     QStringLiteral("X-Session-Token"));
}

} // namespace

SessionTokenSigner::SessionTokenSigner(QByteArray secret)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    // Domain-separate the configured secret from other uses.
    m_key.resize(crypto_auth_hmacsha256_KEYBYTES);
    crypto_generichash(reinterpret_cast<unsigned char *>(m_key.data()), size_t(m_key.size()),
                       reinterpret_cast<const unsigned char *>(secret.constData()), size_t(secret.size()),
                       reinterpret_cast<const unsigned char *>("proctor-session-token-v1"), 24);
}

QByteArray SessionTokenSigner::issue(const SessionClaims &c) const
{
    QByteArray payload(kPayloadSize, Qt::Uninitialized);
    const QByteArray uuid = c.sessionId.toRfc4122();
    memcpy(payload.data(), uuid.constData(), 16);
    qToBigEndian<qint64>(c.startedAtMs, payload.data() + 16);
    qToBigEndian<qint64>(c.expiresAtSec, payload.data() + 24);
    qToBigEndian<qint64>(c.apiKeyId, payload.data() + 32);
    const QByteArray head = "v1." + payload.toBase64(kB64);
    return head + '.' + mac(m_key, head).toBase64(kB64);
}

Expected<SessionClaims> SessionTokenSigner::verify(QByteArrayView token, qint64 nowSec) const
{
    if (token.size() > 200 || !token.startsWith("v1."))
        return invalid();
    const qsizetype dot = token.lastIndexOf('.');
    if (dot <= 3)
        return invalid();
    const QByteArrayView head = token.first(dot);
    const auto sig = QByteArray::fromBase64Encoding(token.sliced(dot + 1).toByteArray(),
                                                    kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!sig || sig.decoded.size() != crypto_auth_hmacsha256_BYTES)
        return invalid();
    const QByteArray expected = mac(m_key, head);
    if (sodium_memcmp(expected.constData(), sig.decoded.constData(), size_t(expected.size())) != 0)
        return invalid();
    const auto payload = QByteArray::fromBase64Encoding(head.sliced(3).toByteArray(),
                                                        kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || payload.decoded.size() != kPayloadSize)
        return invalid();
    SessionClaims c;
    c.sessionId = QUuid::fromRfc4122(QByteArrayView(payload.decoded.constData(), 16));
    c.startedAtMs = qFromBigEndian<qint64>(payload.decoded.constData() + 16);
    c.expiresAtSec = qFromBigEndian<qint64>(payload.decoded.constData() + 24);
    c.apiKeyId = qFromBigEndian<qint64>(payload.decoded.constData() + 32);
    if (nowSec >= c.expiresAtSec)
        return makeError(ErrorCode::ExpiredToken, QStringLiteral("session token expired"),
                         QStringLiteral("X-Session-Token"));
    return c;
}

} // namespace Proctor::Collector::Auth
