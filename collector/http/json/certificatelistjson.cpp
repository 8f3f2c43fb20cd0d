// SPDX-License-Identifier: MIT
#include "http/json/certificatelistjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::CertificatePage &page)
{
    QJsonArray items;
    for (const Storage::CertificateRow &c : page.items)
        items.append(QJsonObject{{QStringLiteral("number"), c.number},
                                 {QStringLiteral("holderName"), c.holderName},
                                 {QStringLiteral("position"), c.position},
                                 {QStringLiteral("testId"), c.testId},
                                 {QStringLiteral("testTitle"), c.testTitle},
                                 {QStringLiteral("score"), c.score},
                                 {QStringLiteral("issuedAt"), timestampJson(c.issuedAt)},
                                 {QStringLiteral("sessionId"), uuidJson(c.sessionId)},
                                 {QStringLiteral("revoked"), c.revoked},
                                 {QStringLiteral("candidateId"), c.candidateId}});
    return pageJson(items, page.nextCursor);
}

} // namespace Proctor::Collector::Http::Json
