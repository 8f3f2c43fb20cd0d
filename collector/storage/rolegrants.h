// SPDX-License-Identifier: MIT
// Two database roles: the owner runs the migrations and pg_partman's maintenance; the application role the
// service connects as gets only what it needs: read and write the data, append to the audit log (never
// UPDATE or DELETE it), no DDL, no schema_migrations writes.
#pragma once

#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Storage::RoleGrants {

struct Granted
{
    QString owner;         // current_user of the owner URL
    QString application;   // current_user of the application URL
    bool separate = false; // false: one role for both (nothing granted)
};

// Connects with both URLs to learn the two role names; when they differ, grants the application role its
// privileges as the owner (idempotent: run after every migrate).
Expected<Granted> grantApplicationRole(const QString &ownerUrl, const QString &applicationUrl);

} // namespace Proctor::Collector::Storage::RoleGrants
