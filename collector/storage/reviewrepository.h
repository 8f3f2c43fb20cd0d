// SPDX-License-Identifier: MIT
// Read-only queries behind the review reads (Services::ReviewService): SQL in, the records of
// reviewrecords.h out. BadParameter for a cursor from another list, NotFound for unknown ids.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDate>
#include <QUuid>

#include "core/error.h"
#include "storage/reviewcursor.h"
#include "storage/reviewrecords.h"

namespace Proctor::Collector::Storage {

struct ResultFilter
{
    QString testId;
    std::optional<QDate> from; // finished on or after this UTC day
    std::optional<QDate> to;   // finished on or before this UTC day
    std::optional<bool> passed;
    QString query;                             // names, certificate number, session id
    QString risk;                              // low | medium | high
    QString fingerprint;                       // privacy-safe device hash (a fingerprint group)
    QString sort = QStringLiteral("finished"); // finished | score (both newest/highest first)
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
