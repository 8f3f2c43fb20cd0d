// SPDX-License-Identifier: MIT
#include "storage/apikeyrepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::ApiKeyRepository {
namespace {

std::string textArray(const QStringList &items)
{
    std::string out = "{";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += '"' + items[i].toStdString() + '"'; // scopes are from a fixed set of plain words
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

QDateTime ts(const pqxx::field &f)
{
    return f.is_null() ? QDateTime()
                       : QDateTime::fromString(toQString(f.as<std::string>()), Qt::ISODateWithMs);
}

} // namespace

qint64 insert(pqxx::connection &c, const QString &name, const Auth::NewApiKey &key, const QStringList &scopes)
{
    pqxx::work tx(c);
    const auto row = tx.exec_params1(
        "INSERT INTO api_keys (name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4::text[]) RETURNING id",
        toStd(name), toStd(key.prefix),
        pqxx::binarystring(reinterpret_cast<const unsigned char *>(key.hash.constData()),
                           size_t(key.hash.size())),
        textArray(scopes));
    tx.commit();
    return row[0].as<qint64>();
}

std::optional<Auth::ApiKeyInfo> findByHash(pqxx::connection &c, const QByteArray &hash)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params(
        "SELECT id, name, scopes, revoked_at IS NOT NULL FROM api_keys WHERE key_hash = $1",
        pqxx::binarystring(reinterpret_cast<const unsigned char *>(hash.constData()), size_t(hash.size())));
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
    tx.exec("SET TIME ZONE 'UTC'");
    QList<ApiKeyRecord> out;
    for (const auto &row : tx.exec("SELECT id, name, scopes, revoked_at IS NOT NULL, prefix, "
                                   "to_char(created_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                                   "to_char(revoked_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), usage_count, "
                                   "to_char(last_used_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                                   "FROM api_keys ORDER BY id")) {
        ApiKeyRecord rec;
        rec.info.id = row[0].as<qint64>();
        rec.info.name = toQString(row[1].as<std::string>());
        rec.info.scopes = parseTextArray(row[2]);
        rec.info.revoked = row[3].as<bool>();
        rec.prefix = toQString(row[4].as<std::string>());
        rec.createdAt = ts(row[5]);
        rec.revokedAt = ts(row[6]);
        rec.usageCount = row[7].as<qint64>();
        rec.lastUsedAt = ts(row[8]);
        out.append(rec);
    }
    return out;
}

QList<QByteArray> revoke(pqxx::connection &c, const QString &idOrPrefix)
{
    pqxx::work tx(c);
    bool isId = false;
    const qint64 id = idOrPrefix.toLongLong(&isId);
    const pqxx::result r = isId ? tx.exec_params("UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND "
                                                 "revoked_at IS NULL RETURNING key_hash",
                                                 id)
                                : tx.exec_params("UPDATE api_keys SET revoked_at = now() WHERE prefix = $1 "
                                                 "AND revoked_at IS NULL RETURNING key_hash",
                                                 toStd(idOrPrefix));
    tx.commit();
    QList<QByteArray> hashes;
    for (const auto &row : r) {
        const pqxx::binarystring b(row[0]);
        hashes.append(QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size())));
    }
    return hashes;
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
