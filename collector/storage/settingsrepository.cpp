// SPDX-License-Identifier: MIT
// settings table access.
#include "storage/settingsrepository.h"

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::SettingsRepository {

std::optional<QJsonObject> get(pqxx::connection &c, const QString &key)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params("SELECT value::text FROM settings WHERE key = $1", toStd(key));
    if (r.empty())
        return std::nullopt;
    return AdminSql::jsonb(r[0][0]).toObject();
}

void put(pqxx::work &tx, const QString &key, const QJsonObject &value, qint64 adminId)
{
    tx.exec_params(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = "
        "EXCLUDED.updated_by",
        toStd(key), AdminSql::jsonText(value), adminId);
}

} // namespace Proctor::Collector::Storage::SettingsRepository
