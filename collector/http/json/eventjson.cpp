// SPDX-License-Identifier: MIT
#include "http/json/eventjson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Proctor::Collector::Http::Json {
namespace {

// Client clocks are evidence, not truth: keep them, but only within a plausible range.
constexpr qint64 kEarliestClientTsMs = 946684800000LL; // 2000-01-01
constexpr qint64 kLatestClientTsMs = 4102444800000LL;  // 2100-01-01

} // namespace

Expected<Services::EventBatch> parseEventBatch(const QJsonObject &body, const Auth::SessionClaims &claims)
{
    const QJsonArray events = body.value(QStringLiteral("events")).toArray();
    Services::EventBatch batch;
    batch.sessionId = claims.sessionId;
    std::vector<Storage::EventRow> &rows = batch.rows;
    rows.reserve(size_t(events.size()));
    QSet<QString> seenTypes;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events[i].toObject();
        const QString where = QStringLiteral("/events/%1/").arg(i);
        Storage::EventRow row;
        row.sessionId = claims.sessionId;
        row.sessionStartedMs = claims.startedAtMs;
        row.eventId = QUuid::fromString(e.value(QStringLiteral("eventId")).toString());
        if (row.eventId.isNull())
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("eventId must be a UUID"),
                             where + QStringLiteral("eventId"));
        row.seq = e.value(QStringLiteral("seq")).toInt();
        const QString type = e.value(QStringLiteral("type")).toString();
        row.type = type.toUtf8();
        const QDateTime ts =
            QDateTime::fromString(e.value(QStringLiteral("clientTs")).toString(), Qt::ISODateWithMs);
        row.clientTsMs = ts.isValid() ? ts.toMSecsSinceEpoch() : 0;
        if (!ts.isValid() || row.clientTsMs < kEarliestClientTsMs || row.clientTsMs > kLatestClientTsMs)
            return makeError(ErrorCode::ValidationFailed,
                             QStringLiteral("clientTs must be a date-time between 2000 and 2100"),
                             where + QStringLiteral("clientTs"));
        row.detailsJson =
            QJsonDocument(e.value(QStringLiteral("details")).toObject()).toJson(QJsonDocument::Compact);
        // PostgreSQL's jsonb cannot hold NUL characters; refuse them here so one request cannot fail a group.
        if (row.detailsJson.contains("\\u0000"))
            return makeError(ErrorCode::ValidationFailed,
                             QStringLiteral("text must not contain NUL characters"),
                             where + QStringLiteral("details"));
        if (!seenTypes.contains(type)) {
            seenTypes.insert(type);
            batch.types.append(type);
        }
        rows.push_back(std::move(row));
    }
    return batch;
}

QJsonObject toJson(const Storage::WriteOutcome &written)
{
    return QJsonObject{{QStringLiteral("accepted"), written.accepted},
                       {QStringLiteral("duplicates"), written.duplicates}};
}

} // namespace Proctor::Collector::Http::Json
