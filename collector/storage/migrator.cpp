// SPDX-License-Identifier: MIT
// Migration runner. The advisory lock makes concurrent `migrate` runs (several instances starting at
// once) safe: the second waits, then finds everything applied.
#include "storage/migrator.h"

#include <map>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include "logging/log.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage {
namespace {

// Arbitrary but fixed: identifies "proctor schema migration" among advisory locks.
constexpr long long kMigrationLockKey = 0x70726f63746f72LL;

} // namespace

Expected<QList<Migration>> Migrator::load(const QString &directory)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(directory);
    if (!dir.exists())
        return makeError(ErrorCode::Internal,
                         QStringLiteral("migrations directory %1 does not exist").arg(directory));
    std::map<int, Migration> byVersion;
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            return makeError(ErrorCode::Internal,
                             QStringLiteral("migration file %1 is not named NNNN_name.sql").arg(file));
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(f.fileName()));
        Migration mig;
        mig.version = m.captured(1).toInt();
        mig.name = m.captured(2);
        mig.sql = f.readAll();
        mig.checksum = QCryptographicHash::hash(mig.sql, QCryptographicHash::Sha256).toHex();
        if (byVersion.count(mig.version))
            return makeError(ErrorCode::Internal,
                             QStringLiteral("two migrations numbered %1").arg(mig.version));
        byVersion.emplace(mig.version, std::move(mig));
    }
    QList<Migration> out;
    int expected = 1;
    for (auto &[version, mig] : byVersion) {
        if (version != expected)
            return makeError(
                ErrorCode::Internal,
                QStringLiteral("migration %1 is missing").arg(expected, 4, 10, QLatin1Char('0')));
        ++expected;
        out.append(std::move(mig));
    }
    return out;
}

Expected<MigrationReport> Migrator::migrate(const QList<Migration> &migrations) const
{
    auto conn = connect(m_databaseUrl, 10);
    if (!conn)
        return tl::unexpected(conn.error());
    try {
        pqxx::connection &c = **conn;
        {
            pqxx::nontransaction tx(c);
            tx.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
            tx.exec("SET client_min_messages = warning");
            tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version integer PRIMARY KEY,"
                    " name text NOT NULL,"
                    " checksum text NOT NULL,"
                    " applied_at timestamptz NOT NULL DEFAULT now())");
        }
        std::map<int, std::pair<std::string, std::string>> applied;
        {
            pqxx::nontransaction tx(c);
            for (const auto &row : tx.exec("SELECT version, name, checksum FROM schema_migrations"))
                applied[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
        }
        QHash<int, const Migration *> known;
        for (const Migration &m : migrations)
            known.insert(m.version, &m);
        for (const auto &[version, info] : applied) {
            const Migration *m = known.value(version);
            if (!m)
                return makeError(
                    ErrorCode::Internal,
                    QStringLiteral("database has migration %1 (%2) that this build does not know; "
                                   "refusing to run an older collector against a newer schema")
                        .arg(version)
                        .arg(toQString(info.first)));
            if (m->checksum.toStdString() != info.second)
                return makeError(
                    ErrorCode::Internal,
                    QStringLiteral("migration %1 (%2) was changed after it was applied (checksum %3, "
                                   "recorded %4); add a new migration instead of editing an applied one")
                        .arg(version)
                        .arg(m->name, QString::fromLatin1(m->checksum), toQString(info.second)));
        }
        MigrationReport report;
        report.alreadyApplied = int(applied.size());
        for (const Migration &m : migrations) {
            if (applied.count(m.version))
                continue;
            pqxx::work tx(c);
            tx.exec(m.sql.toStdString());
            tx.exec_params("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                           m.version, toStd(m.name), m.checksum.toStdString());
            tx.commit();
            report.applied.append(m.version);
            Log::info(u"migration applied", {{"version", m.version}, {"name", m.name}});
        }
        pqxx::nontransaction(c).exec("SELECT pg_advisory_unlock_all()");
        return report;
    } catch (...) {
        return tl::unexpected(currentExceptionAsError(QStringLiteral("migrate")));
    }
}

} // namespace Proctor::Collector::Storage
