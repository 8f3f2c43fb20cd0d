// SPDX-License-Identifier: MIT
// Rosters on the wire (/api/v1/tests/{id}/roster): entries (never a code), the import answer and a
// regenerated code (the only answers that hold codes), and the expiresAt parameter.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include "core/error.h"
#include "services/rosterservice.h"

namespace Proctor::Collector::Http::Json {

// {"id", "lastName", "firstName", "middleName", "position", "email", "externalId", "hasCode",
//  "codeExpiresAt", "codeIssuedAt", "starts", "lastUsedAt", "createdAt"}
QJsonObject toJson(const Storage::RosterEntry &entry);
// {"items": [...]}
QJsonObject toJson(const QList<Storage::RosterEntry> &entries);
// An entry with its "code".
QJsonObject toJson(const Services::IssuedCode &issued);
// {"created", "updated", "codes": [entry + code...], "unchanged": [entry...]}
QJsonObject toJson(const Services::RosterImport &imported);
// ISO 8601 date or date-time; a bare date means the end of that day (UTC). Empty: no expiry.
Expected<QDateTime> parseExpiresAt(const QString &value);

} // namespace Proctor::Collector::Http::Json
