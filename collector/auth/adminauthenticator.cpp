// SPDX-License-Identifier: MIT
// Admin bearer token verification.
#include "auth/adminauthenticator.h"

#include "auth/admintokens.h"
#include "storage/adminrepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Auth {

AdminAuthenticator::AdminAuthenticator(Storage::DbPool &db, QObject *parent) : QObject(parent), m_db(db) {}

void AdminAuthenticator::authenticate(const QByteArray &rawToken, Callback callback)
{
    if (rawToken.isEmpty()) {
        callback(makeError(ErrorCode::MissingToken,
                           QStringLiteral("Authorization: Bearer <token> is required"),
                           QStringLiteral("Authorization")));
        return;
    }
    // A token longer than anything we issue cannot be ours; no need to hash megabytes.
    if (rawToken.size() > 128) {
        callback(makeError(ErrorCode::InvalidToken, QStringLiteral("invalid token")));
        return;
    }
    const QByteArray hash = hashAdminToken(rawToken);
    m_db.run<AdminIdentity>([hash](pqxx::connection &c) -> Expected<AdminIdentity> {
            const auto found = Storage::AdminRepository::findToken(c, hash);
            if (!found || found->revoked || found->adminDisabled)
                return makeError(ErrorCode::InvalidToken, QStringLiteral("invalid or revoked token"));
            if (found->expired)
                return makeError(ErrorCode::ExpiredToken,
                                 QStringLiteral("the token has expired; log in again"));
            return found->identity;
        })
        .then(this, [callback = std::move(callback)](Expected<AdminIdentity> identity) {
            callback(std::move(identity));
        });
}

} // namespace Proctor::Collector::Auth
