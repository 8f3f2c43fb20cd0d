// SPDX-License-Identifier: MIT
// POST /api/v1/events: a batch of one session's events. Answered only after the rows are committed (the
// event writer completes the responder from its thread).
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "contract/contractvalidator.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "live/changepublisher.h"
#include "storage/eventwriter.h"

namespace Proctor::Collector::Http {
namespace {

// Client clocks are evidence, not truth: keep them, but only within a plausible range.
constexpr qint64 kEarliestClientTsMs = 946684800000LL; // 2000-01-01
constexpr qint64 kLatestClientTsMs = 4102444800000LL;  // 2100-01-01

Expected<std::vector<Storage::EventRow>> rowsFromBatch(const QJsonObject &body,
                                                       const Auth::SessionClaims &claims, QStringList &types)
{
    const QJsonArray events = body.value(QStringLiteral("events")).toArray();
    std::vector<Storage::EventRow> rows;
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
            types.append(type);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

void registerEventRoutes(Router &router, PageContext &ctx)
{
    router.add(
        "POST", QStringLiteral("/api/v1/events"), [&ctx](const HttpRequest &req, const Responder &res) {
            auto body = parseBody(req, ctx.validator, Contract::Schema::EventBatch);
            if (!body) {
                res.send(HttpResponse::error(body.error()));
                return;
            }
            const QUuid sessionId = QUuid::fromString(body->value(QStringLiteral("sessionId")).toString());
            const QJsonObject batch = std::move(*body);
            ctx.guard.withSession(req, res, sessionId, [&ctx, res, batch](const Auth::SessionClaims &claims) {
                QStringList types;
                auto rows = rowsFromBatch(batch, claims, types);
                if (!rows) {
                    res.send(HttpResponse::error(rows.error()));
                    return;
                }
                const QUuid session = claims.sessionId;
                ctx.events.submit(
                    std::move(*rows), [&ctx, res, session, types](Expected<Storage::WriteOutcome> written) {
                        if (!written) {
                            res.send(HttpResponse::error(written.error()));
                            return;
                        }
                        res.send(HttpResponse::json(
                            200, QJsonObject{{QStringLiteral("accepted"), written->accepted},
                                             {QStringLiteral("duplicates"), written->duplicates}}));
                        if (written->accepted > 0)
                            ctx.publisher.noteEventsAppended(session, written->accepted, types);
                    });
            });
        });
}

} // namespace Proctor::Collector::Http
