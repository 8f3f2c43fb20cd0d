// SPDX-License-Identifier: MIT
// audit_log writes and keyset-paged reads.
#include "storage/auditlog.h"

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::AuditLog {

qint64 record(pqxx::work &tx, const AuditEntry &e)
{
    const auto ip = e.clientIp.isNull() ? std::optional<std::string>()
                                        : std::optional<std::string>(e.clientIp.toString().toStdString());
    return tx
        .exec_params1("INSERT INTO audit_log (admin_id, actor, action, target, details, client_ip) "
                      "VALUES ($1, $2, $3, $4, $5::jsonb, $6::inet) RETURNING id",
                      e.adminId, toStd(e.actor.left(320)), toStd(e.action), AdminSql::optionalText(e.target),
                      AdminSql::jsonText(e.details), ip)[0]
        .as<qint64>();
}

Expected<AuditPage> page(pqxx::connection &c, const PageRequest &page, const QString &action)
{
    // The id is the key: bigserial grows with time, and newer rows only ever land before the first page.
    std::optional<qint64> before;
    if (page.after) {
        if (page.after->size() != 1 || !page.after->at(0).isDouble())
            return makeError(ErrorCode::BadParameter, QStringLiteral("cursor does not belong to this list"),
                             QStringLiteral("cursor"));
        before = qint64(page.after->at(0).toDouble());
    }
    const std::optional<std::string> exact = action.isEmpty() || action.endsWith(QLatin1Char('.'))
                                                 ? std::optional<std::string>()
                                                 : std::optional<std::string>(toStd(action));
    const std::optional<std::string> prefix = action.endsWith(QLatin1Char('.'))
                                                  ? std::optional<std::string>(toStd(action))
                                                  : std::optional<std::string>();
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params(
        "SELECT id, actor, admin_id, action, target, details::text, host(client_ip), " +
            AdminSql::iso("created_at") +
            " FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR action = $2) "
            "AND ($3::text IS NULL OR starts_with(action, $3)) ORDER BY id DESC LIMIT $4",
        before, exact, prefix, page.limit + 1);
    AuditPage out;
    for (int i = 0; i < int(r.size()) && i < page.limit; ++i) {
        const auto &row = r[i];
        AuditRecord a;
        a.id = row[0].as<qint64>();
        a.actor = toQString(row[1].as<std::string>());
        if (!row[2].is_null())
            a.adminId = row[2].as<qint64>();
        a.action = toQString(row[3].as<std::string>());
        a.target = AdminSql::textJson(row[4]).toString();
        a.details = AdminSql::jsonb(row[5]).toObject();
        a.clientIp = AdminSql::textJson(row[6]).toString();
        a.createdAt = AdminSql::timestamp(row[7]);
        out.items.append(a);
    }
    if (int(r.size()) > page.limit)
        out.nextAfterId = out.items.last().id;
    return out;
}

} // namespace Proctor::Collector::Storage::AuditLog
