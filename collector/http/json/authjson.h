// SPDX-License-Identifier: MIT
// Admin sign-in on the wire (/api/v1/auth/*): the login body, the signed-in answer and the admin it names.
#pragma once

#include <QJsonObject>

#include "auth/adminidentity.h"
#include "core/error.h"
#include "services/authservice.h"

namespace Proctor::Collector::Http::Json {

// {"email", "password"}: ValidationFailed naming /email or /password when either is not a string. The
// address is the caller's to fill in.
Expected<Services::Credentials> parseCredentials(const QJsonObject &body);
// {"token", "tokenType": "Bearer", "expiresAt", "admin": {...}}
QJsonObject toJson(const Services::SignedIn &signedIn);
// {"id", "email", "role", "displayName"}
QJsonObject toJson(const Auth::AdminIdentity &admin);

} // namespace Proctor::Collector::Http::Json
