// SPDX-License-Identifier: MIT
// API key material: generation, hashing (only the hash is stored) and scopes.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Proctor::Collector::Auth {

inline const QString kScopeTestsRead = QStringLiteral("tests:read");
inline const QString kScopeSessionsWrite = QStringLiteral("sessions:write");
// Every scope a key may carry; anything else is refused when a key is created.
QStringList knownScopes();

struct NewApiKey
{
    QByteArray key;  // shown once, never stored
    QByteArray hash; // SHA-256 of key, 32 bytes
    QString prefix;  // first characters, to recognise the key in lists
};

NewApiKey generateApiKey();
QByteArray hashApiKey(QByteArrayView key);
QString apiKeyPrefix(QByteArrayView key);

struct ApiKeyInfo
{
    qint64 id = 0;
    QString name;
    QStringList scopes;
    bool revoked = false;
    bool hasScope(const QString &scope) const { return scopes.contains(scope); }
};

} // namespace Proctor::Collector::Auth
