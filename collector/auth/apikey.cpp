// SPDX-License-Identifier: MIT
#include "auth/apikey.h"

#include <sodium.h>

#include <QCryptographicHash>

namespace Proctor::Collector::Auth {

QStringList knownScopes()
{
    return {kScopeTestsRead, kScopeSessionsWrite};
}

NewApiKey generateApiKey()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    unsigned char raw[24];
    randombytes_buf(raw, sizeof raw);
    NewApiKey k;
    k.key = "pk_" + QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex();
    k.hash = hashApiKey(k.key);
    k.prefix = apiKeyPrefix(k.key);
    return k;
}

QByteArray hashApiKey(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

QString apiKeyPrefix(QByteArrayView key)
{
    return QString::fromLatin1(key.first(qMin<qsizetype>(key.size(), 11)));
}

} // namespace Proctor::Collector::Auth
