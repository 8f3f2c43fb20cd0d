// SPDX-License-Identifier: MIT
// Admin accounts on the wire (/api/v1/admins): the create and change bodies, the account (never its
// password hash).
#pragma once

#include <QJsonObject>
#include <QList>

#include "core/error.h"
#include "services/adminservice.h"

namespace Proctor::Collector::Http::Json {

// {"email", "password", "role", "displayName"?}. A wrong JSON type in email, password or role becomes a value
// the service refuses with the same words as any other bad value; displayName must be a string when present.
Expected<Services::NewAdmin> parseNewAdmin(const QJsonObject &body);
// {"role"?, "disabled"?}: ValidationFailed naming an unknown field, a role that does not exist or a
// non-boolean "disabled".
Expected<Services::AdminChange> parseAdminChange(const QJsonObject &body);
// {"id", "email", "role", "displayName", "disabled", "createdAt", "disabledAt", "lastLoginAt"}
QJsonObject toJson(const Storage::AdminRecord &admin);
// {"items": [...]}
QJsonObject toJson(const QList<Storage::AdminRecord> &admins);

} // namespace Proctor::Collector::Http::Json
