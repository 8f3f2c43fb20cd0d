// SPDX-License-Identifier: MIT
// api_keys writes for the admin API.
#include "storage/adminapikeys.h"

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::AdminApiKeys {

std::pair<qint64, QDateTime> insert(pqxx::work &tx, const QString &name, const Auth::NewApiKey &key,
                                    const QStringList &scopes)
{
    std::string array = "{";
    for (qsizetype i = 0; i < scopes.size(); ++i)
        array += (i ? ",\"" : "\"") + scopes[i].toStdString() + '"'; // scopes come from knownScopes() only
    array += '}';
    const pqxx::row r = tx.exec_params1("INSERT INTO api_keys (name, prefix, key_hash, scopes) VALUES ($1, "
                                        "$2, $3, $4::text[]) RETURNING id, " +
                                            AdminSql::iso("created_at"),
                                        toStd(name), toStd(key.prefix), AdminSql::bytes(key.hash), array);
    return {r[0].as<qint64>(), AdminSql::timestamp(r[1])};
}

Expected<std::optional<QByteArray>> revoke(pqxx::work &tx, qint64 id)
{
    const pqxx::result r =
        tx.exec_params("SELECT key_hash, revoked_at IS NOT NULL FROM api_keys WHERE id = $1 FOR UPDATE", id);
    if (r.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such API key"), QStringLiteral("id"));
    if (r[0][1].as<bool>())
        return std::optional<QByteArray>();
    tx.exec_params("UPDATE api_keys SET revoked_at = now() WHERE id = $1", id);
    return std::optional<QByteArray>(AdminSql::bytes(r[0][0]));
}

} // namespace Proctor::Collector::Storage::AdminApiKeys
