// SPDX-License-Identifier: MIT
// Admin passwords after the account exists: reading the stored hash, replacing it, and revoking the
// account's bearer tokens so a changed or reset password signs the old sessions out.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QString>

namespace Proctor::Collector::Storage {

struct AdminPasswordRecord
{
    qint64 id = 0;
    QString email;
    QByteArray passwordHash; // argon2id string
    bool disabled = false;
};

namespace AdminPasswordRepository {

// The row locked until `tx` ends; nullopt when absent.
std::optional<AdminPasswordRecord> find(pqxx::work &tx, qint64 id);
// By e-mail (lower-case); nullopt when absent.
std::optional<AdminPasswordRecord> findByEmail(pqxx::work &tx, const QString &email);
void setHash(pqxx::work &tx, qint64 id, const QByteArray &passwordHash);
// Revokes every unrevoked token of the admin except `keepTokenHash` (empty: none kept); returns how many.
int revokeTokens(pqxx::work &tx, qint64 id, const QByteArray &keepTokenHash);

} // namespace AdminPasswordRepository
} // namespace Proctor::Collector::Storage
