// SPDX-License-Identifier: MIT
// Parsed test definitions cached in process for a short time: every session start and result needs one.
#pragma once

#include <memory>
#include <mutex>

#include <pqxx/pqxx>

#include <QFuture>
#include <QHash>

#include "contract/testdefinition.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {

class DbPool;

class TestCatalog
{
public:
    using TestPtr = std::shared_ptr<const Contract::TestDefinition>;

    explicit TestCatalog(DbPool &db) : m_db(db) {}

    // NotFound for an unknown id. Thread-safe.
    QFuture<Expected<TestPtr>> get(const QString &id);
    // The same on a connection the caller already holds (inside a DbPool job).
    Expected<TestPtr> get(pqxx::connection &c, const QString &id);
    // Drops the cached copy after an import in this process, so the next get() reads the new definition.
    // (Other instances see it within the cache's lifetime.)
    void forget(const QString &id);

private:
    struct Entry
    {
        TestPtr test;
        qint64 loadedMs = 0;
    };
    DbPool &m_db;
    std::mutex m_mutex;
    QHash<QString, Entry> m_cache;
};

} // namespace Proctor::Collector::Storage
