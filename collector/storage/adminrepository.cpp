// SPDX-License-Identifier: MIT
// admins and admin_tokens queries.
#include "storage/adminrepository.h"

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::AdminRepository {
namespace {

using AdminSql::iso;

const std::string kAdminColumns = "id, email, role, display_name, " + iso("created_at") + ", " +
                                  iso("disabled_at") + ", " + iso("last_login_at");

AdminRecord adminFromRow(const pqxx::row &r)
{
    AdminRecord a;
    a.identity.id = r[0].as<qint64>();
    a.identity.email = toQString(r[1].as<std::string>());
    a.identity.role =
        Auth::adminRoleFromName(toQString(r[2].as<std::string>())).value_or(Auth::AdminRole::Proctor);
    a.identity.displayName = toQString(r[3].as<std::string>());
    a.createdAt = AdminSql::timestamp(r[4]);
    a.disabledAt = AdminSql::timestamp(r[5]);
    a.lastLoginAt = AdminSql::timestamp(r[6]);
    return a;
}

} // namespace

Expected<AdminRecord> insert(pqxx::work &tx, const QString &email, const QByteArray &passwordHash,
                             Auth::AdminRole role, const QString &displayName)
{
    const pqxx::result r = tx.exec_params(
        "INSERT INTO admins (email, password_hash, role, display_name) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (email) DO NOTHING RETURNING " +
            kAdminColumns,
        toStd(email), passwordHash.toStdString(), toStd(Auth::adminRoleName(role)), toStd(displayName));
    if (r.empty())
        return makeError(ErrorCode::Conflict, QStringLiteral("an admin with this e-mail already exists"),
                         QStringLiteral("/email"));
    return adminFromRow(r[0]);
}

std::optional<AdminLogin> findForLogin(pqxx::connection &c, const QString &email)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT " + kAdminColumns + ", password_hash FROM admins WHERE email = $1", toStd(email));
    if (r.empty())
        return std::nullopt;
    AdminLogin login;
    login.admin = adminFromRow(r[0]);
    login.passwordHash = QByteArray::fromStdString(r[0][7].as<std::string>());
    return login;
}

std::optional<AdminRecord> find(pqxx::work &tx, qint64 id)
{
    const pqxx::result r = tx.exec_params("SELECT " + kAdminColumns + " FROM admins WHERE id = $1", id);
    if (r.empty())
        return std::nullopt;
    return adminFromRow(r[0]);
}

QList<AdminRecord> list(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    QList<AdminRecord> out;
    for (const auto &row : tx.exec("SELECT " + kAdminColumns + " FROM admins ORDER BY id"))
        out.append(adminFromRow(row));
    return out;
}

Expected<AdminRecord> update(pqxx::work &tx, qint64 id, std::optional<Auth::AdminRole> role,
                             std::optional<bool> disabled)
{
    const std::optional<std::string> roleName =
        role ? std::optional<std::string>(toStd(Auth::adminRoleName(*role))) : std::optional<std::string>();
    // disabled_at keeps the first disabling time; enabling clears it.
    const pqxx::result r =
        tx.exec_params("UPDATE admins SET role = COALESCE($2, role), "
                       "disabled_at = CASE WHEN $3::boolean IS NULL THEN disabled_at "
                       "                   WHEN $3::boolean THEN COALESCE(disabled_at, now()) ELSE NULL END "
                       "WHERE id = $1 RETURNING " +
                           kAdminColumns,
                       id, roleName, disabled);
    if (r.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such admin"));
    if (disabled.value_or(false))
        tx.exec_params(
            "UPDATE admin_tokens SET revoked_at = now() WHERE admin_id = $1 AND revoked_at IS NULL", id);
    return adminFromRow(r[0]);
}

qint64 countActiveAdmins(pqxx::work &tx)
{
    return tx.exec1("SELECT count(*) FROM admins WHERE role = 'admin' AND disabled_at IS NULL")[0]
        .as<qint64>();
}

QDateTime insertToken(pqxx::work &tx, const QByteArray &tokenHash, qint64 adminId, int ttlSeconds,
                      const QHostAddress &clientIp)
{
    const auto ip = clientIp.isNull() ? std::optional<std::string>()
                                      : std::optional<std::string>(clientIp.toString().toStdString());
    const pqxx::row r =
        tx.exec_params1("INSERT INTO admin_tokens (token_hash, admin_id, expires_at, client_ip) "
                        "VALUES ($1, $2, now() + make_interval(secs => $3), $4::inet) RETURNING " +
                            iso("expires_at"),
                        AdminSql::bytes(tokenHash), adminId, ttlSeconds, ip);
    tx.exec_params("UPDATE admins SET last_login_at = now() WHERE id = $1", adminId);
    return AdminSql::timestamp(r[0]);
}

std::optional<AdminTokenRecord> findToken(pqxx::connection &c, const QByteArray &tokenHash)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT a.id, a.email, a.role, a.display_name, t.expires_at <= now(), t.revoked_at IS NOT NULL, "
        "a.disabled_at IS NOT NULL, t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' "
        "FROM admin_tokens t JOIN admins a ON a.id = t.admin_id WHERE t.token_hash = $1",
        AdminSql::bytes(tokenHash));
    if (r.empty())
        return std::nullopt;
    AdminTokenRecord t;
    t.identity.id = r[0][0].as<qint64>();
    t.identity.email = toQString(r[0][1].as<std::string>());
    t.identity.role =
        Auth::adminRoleFromName(toQString(r[0][2].as<std::string>())).value_or(Auth::AdminRole::Proctor);
    t.identity.displayName = toQString(r[0][3].as<std::string>());
    t.identity.tokenHash = tokenHash;
    t.expired = r[0][4].as<bool>();
    t.revoked = r[0][5].as<bool>();
    t.adminDisabled = r[0][6].as<bool>();
    // At most one write a minute per token: "last used" is for humans, not worth a write per request.
    if (r[0][7].as<bool>() && !t.expired && !t.revoked)
        tx.exec_params("UPDATE admin_tokens SET last_used_at = now() WHERE token_hash = $1",
                       AdminSql::bytes(tokenHash));
    return t;
}

bool revokeToken(pqxx::work &tx, const QByteArray &tokenHash)
{
    return tx.exec_params(
                 "UPDATE admin_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL",
                 AdminSql::bytes(tokenHash))
               .affected_rows() > 0;
}

} // namespace Proctor::Collector::Storage::AdminRepository
