// SPDX-License-Identifier: MIT
#include "http/json/sessioneventsjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::TimelinePage &page)
{
    QJsonArray items;
    for (const Storage::TimelineEvent &e : page.items)
        items.append(QJsonObject{{QStringLiteral("eventId"), uuidJson(e.eventId)},
                                 {QStringLiteral("seq"), e.seq},
                                 {QStringLiteral("type"), e.type},
                                 {QStringLiteral("clientTs"), timestampJson(e.clientTs)},
                                 {QStringLiteral("receivedAt"), timestampJson(e.receivedAt)},
                                 {QStringLiteral("details"), e.details},
                                 {QStringLiteral("afterFinish"), e.afterFinish},
                                 {QStringLiteral("violation"), e.violation}});
    return pageJson(items, page.nextCursor);
}

} // namespace Proctor::Collector::Http::Json
