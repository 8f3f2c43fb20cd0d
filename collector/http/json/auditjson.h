// SPDX-License-Identifier: MIT
// The audit log on the wire (/api/v1/audit).
#pragma once

#include <QJsonObject>

#include "storage/auditlog.h"

namespace Proctor::Collector::Http::Json {

// {"id", "actor", "adminId", "action", "target", "details", "clientIp", "createdAt"}; absent values are null.
QJsonObject toJson(const Storage::AuditRecord &record);
// {"items": [...], "nextCursor"}: the cursor is opaque (Storage::ReviewCursor), null on the last page.
QJsonObject toJson(const Storage::AuditPage &page);

} // namespace Proctor::Collector::Http::Json
