// SPDX-License-Identifier: MIT
#include "storage/adminpasswordrepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::AdminPasswordRepository {
namespace {

std::optional<AdminPasswordRecord> first(const pqxx::result &rows)
{
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    return AdminPasswordRecord{r[0].as<qint64>(), toQString(r[1].as<std::string>()),
                               QByteArray::fromStdString(r[2].as<std::string>()), r[3].as<bool>()};
}

} // namespace

std::optional<AdminPasswordRecord> find(pqxx::work &tx, qint64 id)
{
    return first(tx.exec_params("SELECT id, email, password_hash, disabled_at IS NOT NULL FROM admins "
                                "WHERE id = $1 FOR UPDATE",
                                id));
}

std::optional<AdminPasswordRecord> findByEmail(pqxx::work &tx, const QString &email)
{
    return first(tx.exec_params("SELECT id, email, password_hash, disabled_at IS NOT NULL FROM admins "
                                "WHERE email = $1 FOR UPDATE",
                                toStd(email)));
}

void setHash(pqxx::work &tx, qint64 id, const QByteArray &passwordHash)
{
    tx.exec_params("UPDATE admins SET password_hash = $2 WHERE id = $1", id, passwordHash.toStdString());
}

int revokeTokens(pqxx::work &tx, qint64 id, const QByteArray &keepTokenHash)
{
    // The kept token travels as hex ('' keeps none).
    return int(
        tx.exec_params("UPDATE admin_tokens SET revoked_at = now() WHERE admin_id = $1 AND revoked_at IS "
                       "NULL AND ($2 = '' OR token_hash <> decode($2, 'hex'))",
                       id, keepTokenHash.toHex().toStdString())
            .affected_rows());
}

} // namespace Proctor::Collector::Storage::AdminPasswordRepository
