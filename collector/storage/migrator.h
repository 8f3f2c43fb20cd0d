// SPDX-License-Identifier: MIT
// Forward-only schema migrations: numbered SQL files applied in order, once, under an advisory lock.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Storage {

struct Migration
{
    int version = 0; // from the NNNN_ prefix
    QString name;    // the rest of the file name, without .sql
    QByteArray sql;
    QByteArray checksum; // SHA-256 hex of the file
};

struct MigrationReport
{
    QList<int> applied;     // versions applied by this run
    int alreadyApplied = 0; // versions found applied before
};

class Migrator
{
public:
    // The migrations built into the binary (db/migrations/ as Qt resources).
    static QString builtInDirectory() { return QStringLiteral(":/migrations"); }
    // Reads NNNN_name.sql files; rejects gaps and duplicate numbers.
    static Expected<QList<Migration>> load(const QString &directory);

    explicit Migrator(QString databaseUrl) : m_databaseUrl(std::move(databaseUrl)) {}

    // Applies what is missing, each file in its own transaction. Refuses to run when an applied file's
    // checksum changed or the database has a version this build does not know.
    Expected<MigrationReport> migrate(const QList<Migration> &migrations) const;

private:
    QString m_databaseUrl;
};

} // namespace Proctor::Collector::Storage
