// SPDX-License-Identifier: MIT
// The wire shapes of admin passwords: POST /api/v1/auth/password {"current","new"} and the answers of a
// change and of a reset (the new password, shown once).
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "core/error.h"
#include "services/adminpasswordservice.h"

namespace Proctor::Collector::Http::Json {

struct OwnPasswordChange
{
    QByteArray current;
    QByteArray next;
};

// {"current": string, "new": string}: 400 naming the field when absent, not a string, or unknown.
Expected<OwnPasswordChange> parseOwnPasswordChange(const QJsonObject &body);
// {"id","email","tokensRevoked"} plus "password" when one was generated.
QJsonObject toJson(const Services::PasswordChange &change);

} // namespace Proctor::Collector::Http::Json
