// SPDX-License-Identifier: MIT
#include "storage/rosterrepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::RosterRepository {
namespace {

constexpr const char *kColumns =
    "id, test_id, last_name, first_name, middle_name, position, email, external_id, code_hash IS NOT NULL, "
    "extract(epoch FROM code_expires_at)::float8, extract(epoch FROM code_issued_at)::float8, starts, "
    "extract(epoch FROM last_used_at)::float8, extract(epoch FROM created_at)::float8";

QDateTime timeAt(const pqxx::field &f)
{
    return f.is_null() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(qint64(f.as<double>() * 1000), Qt::UTC);
}

RosterEntry entryFromRow(const pqxx::row &r)
{
    RosterEntry e;
    e.id = r[0].as<qint64>();
    e.testId = toQString(r[1].as<std::string>());
    e.person = {toQString(r[2].as<std::string>()), toQString(r[3].as<std::string>()),
                toQString(r[4].as<std::string>()), toQString(r[5].as<std::string>()),
                toQString(r[6].as<std::string>()), toQString(r[7].as<std::string>())};
    e.hasCode = r[8].as<bool>();
    e.codeExpiresAt = timeAt(r[9]);
    e.codeIssuedAt = timeAt(r[10]);
    e.starts = r[11].as<int>();
    e.lastUsedAt = timeAt(r[12]);
    e.createdAt = timeAt(r[13]);
    return e;
}

std::optional<std::string> optionalTime(const QDateTime &t)
{
    return t.isValid() ? std::optional<std::string>(toStd(t.toUTC().toString(Qt::ISODateWithMs)))
                       : std::nullopt;
}

std::string sql(const char *head, const char *tail)
{
    return std::string(head) + kColumns + tail;
}

} // namespace

std::pair<RosterEntry, bool> upsert(pqxx::transaction_base &tx, const QString &testId, const RosterPerson &p)
{
    std::optional<qint64> existing;
    if (!p.externalId.isEmpty()) {
        const auto r = tx.exec_params("SELECT id FROM roster_entries WHERE test_id = $1 AND external_id = $2",
                                      toStd(testId), toStd(p.externalId));
        if (!r.empty())
            existing = r[0][0].as<qint64>();
    }
    if (!existing && !p.email.isEmpty()) {
        const auto r =
            tx.exec_params("SELECT id FROM roster_entries WHERE test_id = $1 AND lower(email) = lower($2)",
                           toStd(testId), toStd(p.email));
        if (!r.empty())
            existing = r[0][0].as<qint64>();
    }
    if (existing) {
        const auto row = tx.exec_params1(
            sql("UPDATE roster_entries SET last_name = $2, first_name = $3, middle_name = $4, position = $5, "
                "email = $6, external_id = CASE WHEN $7 = '' THEN external_id ELSE $7 END, updated_at = "
                "now() "
                "WHERE id = $1 RETURNING ",
                ""),
            *existing, toStd(p.lastName), toStd(p.firstName), toStd(p.middleName), toStd(p.position),
            toStd(p.email), toStd(p.externalId));
        return {entryFromRow(row), false};
    }
    const auto row = tx.exec_params1(
        sql("INSERT INTO roster_entries (test_id, last_name, first_name, middle_name, position, email, "
            "external_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ",
            ""),
        toStd(testId), toStd(p.lastName), toStd(p.firstName), toStd(p.middleName), toStd(p.position),
        toStd(p.email), toStd(p.externalId));
    return {entryFromRow(row), true};
}

bool setCode(pqxx::transaction_base &tx, const QString &testId, qint64 entryId, const QByteArray &hash,
             const QDateTime &expiresAt)
{
    const auto r =
        tx.exec_params("UPDATE roster_entries SET code_hash = $3, code_expires_at = $4::timestamptz, "
                       "code_issued_at = now(), "
                       "updated_at = now() WHERE id = $1 AND test_id = $2",
                       entryId, toStd(testId), hash.toHex().toStdString(), optionalTime(expiresAt));
    return r.affected_rows() == 1;
}

QList<RosterEntry> list(pqxx::transaction_base &tx, const QString &testId)
{
    QList<RosterEntry> out;
    for (const auto &row : tx.exec_params(
             sql("SELECT ", " FROM roster_entries WHERE test_id = $1 "
                            "ORDER BY lower(last_name), lower(first_name), lower(middle_name), id"),
             toStd(testId)))
        out.append(entryFromRow(row));
    return out;
}

std::optional<RosterEntry> find(pqxx::transaction_base &tx, const QString &testId, qint64 entryId)
{
    const auto r = tx.exec_params(sql("SELECT ", " FROM roster_entries WHERE id = $1 AND test_id = $2"),
                                  entryId, toStd(testId));
    return r.empty() ? std::nullopt : std::optional<RosterEntry>(entryFromRow(r[0]));
}

bool remove(pqxx::transaction_base &tx, const QString &testId, qint64 entryId)
{
    return tx.exec_params("DELETE FROM roster_entries WHERE id = $1 AND test_id = $2", entryId, toStd(testId))
               .affected_rows() == 1;
}

std::optional<RosterEntry> findByCode(pqxx::transaction_base &tx, const QByteArray &hash)
{
    const auto r = tx.exec_params(sql("SELECT ", " FROM roster_entries WHERE code_hash = $1"),
                                  hash.toHex().toStdString());
    return r.empty() ? std::nullopt : std::optional<RosterEntry>(entryFromRow(r[0]));
}

void markUsed(pqxx::transaction_base &tx, qint64 entryId)
{
    tx.exec_params("UPDATE roster_entries SET starts = starts + 1, last_used_at = now() WHERE id = $1",
                   entryId);
}

} // namespace Proctor::Collector::Storage::RosterRepository
