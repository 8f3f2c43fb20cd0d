// SPDX-License-Identifier: MIT
// Who is calling an admin endpoint: the admin behind a valid bearer token, and the roles they can hold.
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

namespace Proctor::Collector::Auth {

// Ordered by power: a role satisfies every requirement at or below it.
enum class AdminRole
{
    Proctor = 0,
    Admin = 1
};

inline QString adminRoleName(AdminRole role)
{
    return role == AdminRole::Admin ? QStringLiteral("admin") : QStringLiteral("proctor");
}

inline std::optional<AdminRole> adminRoleFromName(const QString &name)
{
    if (name == QLatin1String("admin"))
        return AdminRole::Admin;
    if (name == QLatin1String("proctor"))
        return AdminRole::Proctor;
    return std::nullopt;
}

struct AdminIdentity
{
    qint64 id = 0;
    QString email;
    QString displayName;
    AdminRole role = AdminRole::Proctor;
    QByteArray tokenHash; // SHA-256 of the bearer token that authenticated this request (logout revokes it)

    bool satisfies(AdminRole required) const { return int(role) >= int(required); }
};

} // namespace Proctor::Collector::Auth
