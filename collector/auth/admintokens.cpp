// SPDX-License-Identifier: MIT
// Admin bearer tokens.
#include "auth/admintokens.h"

#include <sodium.h>

#include <QCryptographicHash>

namespace Proctor::Collector::Auth {

NewAdminToken generateAdminToken()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    NewAdminToken t;
    t.token = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    t.hash = hashAdminToken(t.token);
    sodium_memzero(raw, sizeof raw);
    return t;
}

QByteArray hashAdminToken(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

QByteArray bearerToken(const QByteArray &authorizationHeader)
{
    const QByteArray h = authorizationHeader.trimmed();
    // The scheme is case-insensitive (RFC 7235).
    if (h.size() <= 7 || qstrnicmp(h.constData(), "bearer ", 7) != 0)
        return {};
    return h.mid(7).trimmed();
}

} // namespace Proctor::Collector::Auth
