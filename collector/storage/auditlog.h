// SPDX-License-Identifier: MIT
// The audit log: one row per admin action (who, what, on what, from where, when), written in the same
// transaction as the action itself so there is never an action without its record, nor the reverse.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

#include "core/error.h"
#include "storage/reviewcursor.h"

namespace Proctor::Collector::Storage {

struct AuditEntry
{
    std::optional<qint64> adminId; // nullopt for a failed login of an unknown e-mail, or the CLI
    QString actor;                 // the e-mail at the time (or "cli")
    QString action;                // e.g. "auth.login", "apikey.create", "candidate.delete"
    QString target;                // e.g. "apikey:12", "admin:3", "candidate:41"
    QJsonObject details;
    QHostAddress clientIp;
};

namespace AuditLog {

qint64 record(pqxx::work &tx, const AuditEntry &entry);
// Newest first:
// {"items":[{"id","actor","adminId","action","target","details","clientIp","createdAt"}],"nextCursor"}.
// `action` filters by exact action or by prefix when it ends with '.' ("apikey.").
Expected<QJsonObject> page(pqxx::connection &c, const PageRequest &page, const QString &action);

} // namespace AuditLog
} // namespace Proctor::Collector::Storage
