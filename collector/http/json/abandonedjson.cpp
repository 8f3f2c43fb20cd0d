// SPDX-License-Identifier: MIT
#include "http/json/abandonedjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::AbandonedPage &page)
{
    QJsonArray items;
    for (const Storage::AbandonedRow &r : page.items)
        items.append(QJsonObject{{QStringLiteral("sessionId"), uuidJson(r.sessionId)},
                                 {QStringLiteral("kind"), r.kind},
                                 {QStringLiteral("testId"), r.testId},
                                 {QStringLiteral("testTitle"), r.testTitle},
                                 {QStringLiteral("candidate"), candidateJson(r.candidate)},
                                 {QStringLiteral("startedAt"), timestampJson(r.startedAt)},
                                 {QStringLiteral("lastEventAt"), timestampJson(r.lastEventAt)},
                                 {QStringLiteral("eventCount"), r.eventCount},
                                 {QStringLiteral("violations"), countsJson(r.violations)},
                                 {QStringLiteral("fingerprintHash"), r.fingerprintHash}});
    return pageJson(items, page.nextCursor);
}

} // namespace Proctor::Collector::Http::Json
