// SPDX-License-Identifier: MIT
// Checks an admin bearer token against admin_tokens (hash lookup) on every request: admin traffic is small,
// and a per-request lookup makes logout, disabling and expiry take effect at once on every instance.
#pragma once

#include <functional>

#include <QObject>

#include "auth/adminidentity.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Auth {

class AdminAuthenticator final : public QObject
{
public:
    using Callback = std::function<void(Expected<AdminIdentity>)>;

    explicit AdminAuthenticator(Storage::DbPool &db, QObject *parent = nullptr);

    // `callback` runs on this object's thread. MissingToken for an empty token; InvalidToken for an
    // unknown or revoked token or a disabled admin; ExpiredToken past expiry; Unavailable when the
    // database is down.
    void authenticate(const QByteArray &rawToken, Callback callback);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Auth
