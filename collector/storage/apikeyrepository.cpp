// SPDX-License-Identifier: MIT
// api_keys queries.
#include "storage/apikeyrepository.h"

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::ApiKeyRepository {
namespace {

using AdminSql::iso;

const std::string kColumns = "id, name, scopes, revoked_at IS NOT NULL, prefix, " + iso("created_at") + ", " +
                             iso("revoked_at") + ", usage_count, " + iso("last_used_at");

std::string textArray(const QStringList &items)
{
    std::string out = "{";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"' + items[i].toStdString() + '"'; // scopes come from Auth::knownScopes() only: plain words
    }
    return out + '}';
}

QStringList parseTextArray(const pqxx::field &f)
{
    QString s = toQString(f.as<std::string>());
    s = s.mid(1, s.size() - 2);
    QStringList out;
    for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(part.trimmed().remove(QLatin1Char('"')));
    return out;
}

ApiKeyRecord recordFromRow(const pqxx::row &row)
{
    ApiKeyRecord rec;
    rec.info.id = row[0].as<qint64>();
    rec.info.name = toQString(row[1].as<std::string>());
    rec.info.scopes = parseTextArray(row[2]);
    rec.info.revoked = row[3].as<bool>();
    rec.prefix = toQString(row[4].as<std::string>());
    rec.createdAt = AdminSql::timestamp(row[5]);
    rec.revokedAt = AdminSql::timestamp(row[6]);
    rec.usageCount = row[7].as<qint64>();
    rec.lastUsedAt = AdminSql::timestamp(row[8]);
    return rec;
}

// Revokes the rows locked by `locked` (id, key_hash, revoked) that are still active.
QList<ApiKeyRevocation> revokeLocked(pqxx::work &tx, const pqxx::result &locked)
{
    QList<ApiKeyRevocation> out;
    for (const auto &row : locked) {
        ApiKeyRevocation r{row[0].as<qint64>(), AdminSql::bytes(row[1]), row[2].as<bool>()};
        if (!r.alreadyRevoked)
            tx.exec_params("UPDATE api_keys SET revoked_at = now() WHERE id = $1", r.id);
        out.append(r);
    }
    return out;
}

} // namespace

ApiKeyRecord insert(pqxx::work &tx, const QString &name, const Auth::NewApiKey &key,
                    const QStringList &scopes)
{
    return recordFromRow(
        tx.exec_params1("INSERT INTO api_keys (name, prefix, key_hash, scopes) VALUES ($1, $2, "
                        "$3, $4::text[]) RETURNING " +
                            kColumns,
                        toStd(name), toStd(key.prefix), AdminSql::bytes(key.hash), textArray(scopes)));
}

std::optional<Auth::ApiKeyInfo> findByHash(pqxx::connection &c, const QByteArray &hash)
{
    pqxx::nontransaction tx(c);
    const auto r =
        tx.exec_params("SELECT id, name, scopes, revoked_at IS NOT NULL FROM api_keys WHERE key_hash = $1",
                       AdminSql::bytes(hash));
    if (r.empty())
        return std::nullopt;
    Auth::ApiKeyInfo info;
    info.id = r[0][0].as<qint64>();
    info.name = toQString(r[0][1].as<std::string>());
    info.scopes = parseTextArray(r[0][2]);
    info.revoked = r[0][3].as<bool>();
    return info;
}

QList<ApiKeyRecord> list(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    QList<ApiKeyRecord> out;
    for (const auto &row : tx.exec("SELECT " + kColumns + " FROM api_keys ORDER BY id"))
        out.append(recordFromRow(row));
    return out;
}

std::optional<ApiKeyRevocation> revoke(pqxx::work &tx, qint64 id)
{
    const QList<ApiKeyRevocation> done = revokeLocked(
        tx, tx.exec_params(
                "SELECT id, key_hash, revoked_at IS NOT NULL FROM api_keys WHERE id = $1 FOR UPDATE", id));
    if (done.isEmpty())
        return std::nullopt;
    return done.first();
}

QList<ApiKeyRevocation> revokeByPrefix(pqxx::work &tx, const QString &prefix)
{
    return revokeLocked(tx, tx.exec_params("SELECT id, key_hash, revoked_at IS NOT NULL FROM api_keys "
                                           "WHERE prefix = $1 ORDER BY id FOR UPDATE",
                                           toStd(prefix)));
}

QList<qint64> revokedIds(pqxx::connection &c)
{
    pqxx::nontransaction tx(c);
    QList<qint64> out;
    for (const auto &row : tx.exec("SELECT id FROM api_keys WHERE revoked_at IS NOT NULL"))
        out.append(row[0].as<qint64>());
    return out;
}

void addUsage(pqxx::connection &c, const QHash<qint64, qint64> &counts)
{
    if (counts.isEmpty())
        return;
    std::string ids = "{", adds = "{";
    bool first = true;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!first) {
            ids += ',';
            adds += ',';
        }
        first = false;
        ids += std::to_string(it.key());
        adds += std::to_string(it.value());
    }
    ids += '}';
    adds += '}';
    pqxx::work tx(c);
    tx.exec_params("UPDATE api_keys k SET usage_count = k.usage_count + u.n, last_used_at = now() "
                   "FROM unnest($1::bigint[], $2::bigint[]) AS u(id, n) WHERE k.id = u.id",
                   ids, adds);
    tx.commit();
}

} // namespace Proctor::Collector::Storage::ApiKeyRepository
