// SPDX-License-Identifier: MIT
// Read-only queries behind the review endpoints. Each returns the response JSON directly (the shape is
// documented in docs/api.md), BadParameter for a cursor from another list, NotFound for unknown ids.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDate>
#include <QJsonObject>
#include <QUuid>

#include "core/error.h"
#include "storage/reviewcursor.h"

namespace Proctor::Collector::Storage {

class TestCatalog;

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

Expected<QJsonObject> results(pqxx::connection &c, const ResultFilter &filter, const PageRequest &page);
Expected<QJsonObject> session(pqxx::connection &c, TestCatalog &tests, const QUuid &id);
Expected<QJsonObject> events(pqxx::connection &c, const QUuid &id, const PageRequest &page);
Expected<QJsonObject> telemetry(pqxx::connection &c, const QUuid &id);
// Started and never finished; `idleMinutes` > 0 keeps only sessions quiet for at least that long.
Expected<QJsonObject> abandoned(pqxx::connection &c, const QString &kind, int idleMinutes,
                                const PageRequest &page);
Expected<QJsonObject> certificates(pqxx::connection &c, const CertificateFilter &filter,
                                   const PageRequest &page);
Expected<QJsonObject> search(pqxx::connection &c, const QString &query);

} // namespace ReviewRepository
} // namespace Proctor::Collector::Storage
