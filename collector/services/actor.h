// SPDX-License-Identifier: MIT
// Who asks a service for something: an administrator behind a bearer token (HTTP) or an operator at the
// server's shell (CLI). Services write it into the audit row of every change they make.
#pragma once

#include <optional>

#include <QHostAddress>
#include <QString>

#include "auth/adminidentity.h"
#include "storage/auditlog.h"

namespace Proctor::Collector::Services {

struct Actor
{
    std::optional<Auth::AdminIdentity> admin; // nullopt for the CLI
    QString name;                             // the admin's e-mail, or "cli:<user>"
    QHostAddress address;                     // the client's address; null for the CLI

    static Actor fromAdmin(const Auth::AdminIdentity &identity, const QHostAddress &address)
    {
        return Actor{identity, identity.email, address};
    }
    // The operator running a subcommand; the OS user name is what the audit log can know of them.
    static Actor commandLine()
    {
        const QString user = qEnvironmentVariable("SUDO_USER", qEnvironmentVariable("USER"));
        return Actor{std::nullopt, QStringLiteral("cli:%1").arg(user.isEmpty() ? QStringLiteral("unknown") : user), {}};
    }

    Storage::AuditEntry audit(const QString &action, const QString &target, const QJsonObject &details = {}) const
    {
        return Storage::AuditEntry{admin ? std::optional<qint64>(admin->id) : std::nullopt, name, action, target,
                                   details, address};
    }
};

} // namespace Proctor::Collector::Services
