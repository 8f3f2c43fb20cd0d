// SPDX-License-Identifier: MIT
// Per-session bearer tokens: HMAC-SHA256 signed, expiring, verified without any lookup.
// They carry what ingest needs (session id, start time = partition key, page key id for rate limits).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QUuid>

#include "core/error.h"

namespace Proctor::Collector::Auth {

struct SessionClaims
{
    QUuid sessionId;
    qint64 startedAtMs = 0;  // session start, UTC ms: the events partition key
    qint64 expiresAtSec = 0; // UTC seconds
    qint64 apiKeyId = 0;     // the page key that opened the session
};

class SessionTokenSigner
{
public:
    explicit SessionTokenSigner(QByteArray secret);

    QByteArray issue(const SessionClaims &claims) const;
    // InvalidToken for anything malformed or wrongly signed, ExpiredToken when past expiry.
    Expected<SessionClaims> verify(QByteArrayView token, qint64 nowSec) const;

private:
    QByteArray m_key; // 32 bytes derived from the configured secret
};

} // namespace Proctor::Collector::Auth
