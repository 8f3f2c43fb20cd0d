// SPDX-License-Identifier: MIT
// admins and admin_tokens table access: accounts, password hashes, hashed bearer tokens.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QHostAddress>
#include <QList>

#include "auth/adminidentity.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {

struct AdminRecord
{
    Auth::AdminIdentity identity; // tokenHash empty
    QDateTime createdAt;
    QDateTime disabledAt; // invalid when active
    QDateTime lastLoginAt;
    bool disabled() const { return disabledAt.isValid(); }
};

// What a token lookup found; the caller decides which of the flags matter.
struct AdminTokenRecord
{
    Auth::AdminIdentity identity;
    bool expired = false;
    bool revoked = false;
    bool adminDisabled = false;
};

struct AdminLogin
{
    AdminRecord admin;
    QByteArray passwordHash; // argon2id string (crypto_pwhash_str)
};

namespace AdminRepository {

// Conflict when the e-mail is taken. `email` must already be lower-case.
Expected<AdminRecord> insert(pqxx::work &tx, const QString &email, const QByteArray &passwordHash,
                             Auth::AdminRole role, const QString &displayName);
std::optional<AdminLogin> findForLogin(pqxx::connection &c, const QString &email);
std::optional<AdminRecord> find(pqxx::work &tx, qint64 id);
QList<AdminRecord> list(pqxx::connection &c);
// Changes role and/or disabled state; disabling also revokes every token of the admin. NotFound when absent.
Expected<AdminRecord> update(pqxx::work &tx, qint64 id, std::optional<Auth::AdminRole> role,
                             std::optional<bool> disabled);
qint64 countActiveAdmins(pqxx::work &tx);

// Stores a new token (hash only) and stamps last_login_at; returns the expiry.
QDateTime insertToken(pqxx::work &tx, const QByteArray &tokenHash, qint64 adminId, int ttlSeconds,
                      const QHostAddress &clientIp);
std::optional<AdminTokenRecord> findToken(pqxx::connection &c, const QByteArray &tokenHash);
// Revokes one token; false when it was unknown or already revoked.
bool revokeToken(pqxx::work &tx, const QByteArray &tokenHash);

} // namespace AdminRepository
} // namespace Proctor::Collector::Storage
