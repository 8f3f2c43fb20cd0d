// SPDX-License-Identifier: MIT
// Admin bearer token material: 32 random bytes, base64url on the wire; only the SHA-256 is ever stored.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Proctor::Collector::Auth {

struct NewAdminToken
{
    QByteArray token; // handed to the client once
    QByteArray hash;  // SHA-256 of token, 32 bytes: the admin_tokens primary key
};

NewAdminToken generateAdminToken();
QByteArray hashAdminToken(QByteArrayView token);
// The token of "Authorization: Bearer <token>", empty when the header is missing or has another scheme.
QByteArray bearerToken(const QByteArray &authorizationHeader);

} // namespace Proctor::Collector::Auth
