// SPDX-License-Identifier: MIT
// Read-only queries behind the review reads (Services::ReviewService): SQL in, the records of
// reviewrecords.h out. BadParameter for a cursor from another list, NotFound for unknown ids. Risk, level,
// violation counts, event counts and the review state are the stored columns of the session (0006), never
// recomputed from the events here.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDate>
#include <QList>
#include <QStringList>
#include <QUuid>

#include "core/error.h"
#include "storage/reviewcursor.h"
#include "storage/reviewrecords.h"

namespace Proctor::Collector::Storage {

// Every list filter is optional; the lists (test ids, risk levels, review states) match any of their items.
struct ResultFilter
{
    QStringList testIds;
    std::optional<QDate> from; // finished on or after this UTC day
    std::optional<QDate> to;   // finished on or before this UTC day
    std::optional<bool> passed;
    QString query;                             // names, certificate number, session id
    QList<int> riskLevels;                     // sessions.risk_level: 0 low, 1 medium, 2 high
    QList<int> reviewStates;                   // sessions.review_state (ReviewState)
    QString fingerprint;                       // privacy-safe device hash (a fingerprint group)
    QString sort = QStringLiteral("finished"); // finished | score | risk | duration | candidate
    std::optional<bool> ascending; // nullopt: the sort's default (descending; candidate ascending)

    bool isAscending() const { return ascending.value_or(sort == QLatin1String("candidate")); }
};

struct CertificateFilter
{
    std::optional<int> year;
    std::optional<int> month;                // only with year
    QString sort = QStringLiteral("issued"); // issued | number | holder | score
    bool ascending = false;
};

namespace ReviewRepository {

Expected<ResultPage> results(pqxx::connection &c, const ResultFilter &filter, const PageRequest &page);
Expected<SessionRecord> session(pqxx::connection &c, const QUuid &id);
Expected<TimelinePage> events(pqxx::connection &c, const QUuid &id, const PageRequest &page);
Expected<TelemetryRecord> telemetry(pqxx::connection &c, const QUuid &id);
// Started and never finished; `idleMinutes` > 0 keeps only sessions quiet for at least that long.
Expected<AbandonedPage> abandoned(pqxx::connection &c, const QString &kind, int idleMinutes,
                                  const PageRequest &page);
Expected<CertificatePage> certificates(pqxx::connection &c, const CertificateFilter &filter,
                                       const PageRequest &page);
Expected<SearchHits> search(pqxx::connection &c, const QString &query);

} // namespace ReviewRepository
} // namespace Proctor::Collector::Storage
