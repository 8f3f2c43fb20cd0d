// SPDX-License-Identifier: MIT
// The audit log: one row per admin action (who, what, on what, from where, when), written in the same
// transaction as the action itself so there is never an action without its record, nor the reverse.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QJsonObject>
#include <QString>

#include "core/error.h"
#include "storage/reviewcursor.h"

namespace Proctor::Collector::Storage {

struct AuditEntry
{
    std::optional<qint64> adminId; // nullopt for a failed login of an unknown e-mail, or the CLI
    QString actor;                 // the e-mail at the time (or "cli:<user>")
    QString action;                // e.g. "auth.login", "apikey.create", "candidate.delete"
    QString target;                // e.g. "apikey:12", "admin:3", "candidate:41"
    QJsonObject details;
    QHostAddress clientIp;
};

// One stored row, as read back.
struct AuditRecord
{
    qint64 id = 0;
    QString actor;
    std::optional<qint64> adminId;
    QString action;
    QString target; // empty when none
    QJsonObject details;
    QString clientIp; // as PostgreSQL prints it (host()); empty when none
    QDateTime createdAt;
};

struct AuditPage
{
    QList<AuditRecord> items;          // newest first
    std::optional<qint64> nextAfterId; // the key of the next page's cursor; nullopt on the last page
};

namespace AuditLog {

// Returns the new row's id.
qint64 record(pqxx::work &tx, const AuditEntry &entry);
// Newest first. `page.after` is the decoded cursor ([id]; BadParameter naming "cursor" for any other).
// `action` filters by exact action or by prefix when it ends with '.' ("apikey.").
Expected<AuditPage> page(pqxx::connection &c, const PageRequest &page, const QString &action);

} // namespace AuditLog
} // namespace Proctor::Collector::Storage
