// SPDX-License-Identifier: MIT
// The review reads (proctor and admin): results with filters and keyset paging, session detail, timeline,
// telemetry, abandoned sessions, certificate registry, dashboard statistics, search. Read-only: no
// transaction of its own beyond the queries' snapshot, no audit row, nothing announced.
#pragma once

#include <optional>

#include <QByteArray>
#include <QFuture>
#include <QUuid>

#include "core/error.h"
#include "services/reviewtypes.h"
#include "storage/reviewcursor.h"
#include "storage/reviewrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
class TestCatalog;
} // namespace Proctor::Collector::Storage

namespace Proctor::Collector::Services {

class ReviewService
{
public:
    ReviewService(Storage::DbPool &db, Storage::TestCatalog &tests);

    // BadParameter naming `cursor` for a cursor from another list or order.
    QFuture<Expected<ResultList>> results(const Storage::ResultFilter &filter,
                                          const Storage::PageRequest &page);
    // NotFound naming `id`.
    QFuture<Expected<SessionDetail>> session(const QUuid &id);
    QFuture<Expected<TimelinePage>> events(const QUuid &id, const Storage::PageRequest &page);
    QFuture<Expected<TelemetryRecord>> telemetry(const QUuid &id);
    // `kind` test | study; `idleMinutes` > 0 keeps sessions quiet for at least that long.
    QFuture<Expected<AbandonedPage>> abandoned(const QString &kind, int idleMinutes,
                                               const Storage::PageRequest &page);
    QFuture<Expected<CertificatePage>> certificates(const Storage::CertificateFilter &filter,
                                                    const Storage::PageRequest &page);
    // `days` in 1..366.
    QFuture<Expected<Dashboard>> dashboard(int days);
    // `text`: 2..200 characters.
    QFuture<Expected<SearchHits>> search(const QString &text);

    // What may be served from the shared review cache (storage/reviewcache.h), as the entry's name: the
    // dashboard and the first page of each results list, the reads proctors repeat most and the only ones
    // expensive enough to be worth it. Later pages are cheap keyset reads, and too many to cache (nullopt).
    // The cache holds the encoded answer, so an entry is only valid with the encoding that made it: the
    // HTTP layer stores it.
    static std::optional<QByteArray> resultsCacheKey(const Storage::ResultFilter &filter,
                                                     const Storage::PageRequest &page);
    static QByteArray dashboardCacheKey(int days);

private:
    Storage::DbPool &m_db;
    Storage::TestCatalog &m_tests;
};

} // namespace Proctor::Collector::Services
