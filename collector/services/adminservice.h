// SPDX-License-Identifier: MIT
// Admin accounts: list, create (the admin API and `create-admin`), change role or disable. Every change is
// audited; nobody can lock everyone out by demoting or disabling the last active admin.
#pragma once

#include <optional>

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

#include "core/error.h"
#include "services/actor.h"
#include "storage/adminrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

struct NewAdmin
{
    QString email;       // an e-mail address; stored trimmed and lower-case
    QByteArray password; // UTF-8, PasswordHasher::kMinPasswordLength characters .. kMaxPasswordLength bytes
    QString role;        // "admin" or "proctor"
    QString displayName; // at most 200 characters; white space is simplified
};

// What PATCH may change; at least one of them.
struct AdminChange
{
    std::optional<Auth::AdminRole> role;
    std::optional<bool> disabled; // disabling also revokes the admin's tokens
};

class AdminService
{
public:
    explicit AdminService(Storage::DbPool &db) : m_db(db) {}

    QFuture<Expected<QList<Storage::AdminRecord>>> list();
    // ValidationFailed naming /email, /password, /role or /displayName; Conflict (/email) when the e-mail is
    // taken.
    QFuture<Expected<Storage::AdminRecord>> create(const Actor &actor, const NewAdmin &input);
    // ValidationFailed when there is nothing to change; NotFound; Conflict when no active admin would remain.
    QFuture<Expected<Storage::AdminRecord>> update(const Actor &actor, qint64 id, const AdminChange &change);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
