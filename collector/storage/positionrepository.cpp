// SPDX-License-Identifier: MIT
// settings row "positions".
#include "storage/positionrepository.h"

#include <QJsonArray>

#include "storage/adminsql.h"

namespace Proctor::Collector::Storage::PositionRepository {

std::optional<PositionList> get(pqxx::transaction_base &tx)
{
    const pqxx::result r = tx.exec("SELECT value::text FROM settings WHERE key = 'positions'");
    if (r.empty())
        return std::nullopt;
    const QJsonObject stored = AdminSql::jsonb(r[0][0]).toObject();
    PositionList list;
    list.allowOther = stored.value(QStringLiteral("allowOther")).toBool(false);
    for (const QJsonValue &v : stored.value(QStringLiteral("positions")).toArray())
        if (v.isString())
            list.positions.append(v.toString());
    return list;
}

void put(pqxx::work &tx, const PositionList &list, std::optional<qint64> adminId)
{
    tx.exec_params("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('positions', "
                   "$1::jsonb, now(), $2) "
                   "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = "
                   "EXCLUDED.updated_by",
                   AdminSql::jsonText(document(list)), adminId);
}

QJsonObject document(const PositionList &list)
{
    return QJsonObject{{QStringLiteral("positions"), QJsonArray::fromStringList(list.positions)},
                       {QStringLiteral("allowOther"), list.allowOther}};
}

} // namespace Proctor::Collector::Storage::PositionRepository
