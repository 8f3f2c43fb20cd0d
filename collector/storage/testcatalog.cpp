// SPDX-License-Identifier: MIT
#include "storage/testcatalog.h"

#include <QDateTime>

#include "storage/dbpool.h"
#include "storage/testrepository.h"

namespace Proctor::Collector::Storage {
namespace {
constexpr qint64 kTtlMs = 30000; // a re-imported test reaches every instance within this
}

Expected<TestCatalog::TestPtr> TestCatalog::get(pqxx::connection &c, const QString &id)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_cache.constFind(id);
        if (it != m_cache.cend() && now - it->loadedMs < kTtlMs)
            return it->test;
    }
    auto test = TestRepository::load(c, id);
    if (!test)
        return makeError(ErrorCode::NotFound, QStringLiteral("no test with id %1").arg(id),
                         QStringLiteral("testId"));
    auto ptr = std::make_shared<const Contract::TestDefinition>(std::move(*test));
    std::lock_guard lock(m_mutex);
    m_cache.insert(id, Entry{ptr, now});
    return TestPtr(ptr);
}

void TestCatalog::forget(const QString &id)
{
    std::lock_guard lock(m_mutex);
    m_cache.remove(id);
}

QFuture<Expected<TestCatalog::TestPtr>> TestCatalog::get(const QString &id)
{
    return m_db.run<TestPtr>([this, id](pqxx::connection &c) { return get(c, id); });
}

} // namespace Proctor::Collector::Storage
