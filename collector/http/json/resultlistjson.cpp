// SPDX-License-Identifier: MIT
#include "http/json/resultlistjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::ResultList &list)
{
    QJsonArray items;
    for (const Services::ResultItem &item : list.items) {
        const Storage::ResultRow &r = item.row;
        items.append(QJsonObject{{QStringLiteral("sessionId"), uuidJson(r.sessionId)},
                                 {QStringLiteral("testId"), r.testId},
                                 {QStringLiteral("testTitle"), r.testTitle},
                                 {QStringLiteral("candidate"), candidateJson(r.candidate)},
                                 {QStringLiteral("startedAt"), timestampJson(r.startedAt)},
                                 {QStringLiteral("finishedAt"), timestampJson(r.finishedAt)},
                                 {QStringLiteral("durationSeconds"), nullableJson(r.durationSeconds)},
                                 {QStringLiteral("score"), nullableJson(r.score)},
                                 {QStringLiteral("passed"), nullableJson(r.passed)},
                                 {QStringLiteral("grade"), gradeJson(item.grade)},
                                 {QStringLiteral("certificateNumber"), nullableJson(r.certificateNumber)},
                                 {QStringLiteral("fingerprintHash"), r.fingerprintHash},
                                 {QStringLiteral("risk"), listRiskJson(r.risk)},
                                 {QStringLiteral("violations"), countsJson(r.violations)},
                                 {QStringLiteral("violationCount"), r.violationCount},
                                 {QStringLiteral("review"), reviewJson(r.reviewState)}});
    }
    return pageJson(items, list.nextCursor);
}

} // namespace Proctor::Collector::Http::Json
