// SPDX-License-Identifier: MIT
#include "http/json/searchjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::SearchHits &hits)
{
    QJsonArray candidates, sessions, certificates;
    for (const Storage::CandidateHit &h : hits.candidates) {
        QJsonObject c = candidateJson(h.candidate);
        c.insert(QStringLiteral("email"), nullableJson(h.email));
        c.insert(QStringLiteral("sessionCount"), h.sessionCount);
        candidates.append(c);
    }
    for (const Storage::SessionHit &s : hits.sessions)
        sessions.append(QJsonObject{{QStringLiteral("sessionId"), uuidJson(s.sessionId)},
                                    {QStringLiteral("kind"), s.kind},
                                    {QStringLiteral("status"), s.status},
                                    {QStringLiteral("testId"), s.testId},
                                    {QStringLiteral("score"), nullableJson(s.score)},
                                    {QStringLiteral("passed"), nullableJson(s.passed)},
                                    {QStringLiteral("startedAt"), timestampJson(s.startedAt)},
                                    {QStringLiteral("candidate"), candidateJson(s.candidate)}});
    for (const Storage::CertificateHit &c : hits.certificates)
        certificates.append(QJsonObject{{QStringLiteral("number"), c.number},
                                        {QStringLiteral("holderName"), c.holderName},
                                        {QStringLiteral("testId"), c.testId},
                                        {QStringLiteral("score"), c.score},
                                        {QStringLiteral("issuedAt"), timestampJson(c.issuedAt)},
                                        {QStringLiteral("sessionId"), uuidJson(c.sessionId)},
                                        {QStringLiteral("revoked"), c.revoked}});
    return QJsonObject{{QStringLiteral("candidates"), candidates},
                       {QStringLiteral("sessions"), sessions},
                       {QStringLiteral("certificates"), certificates}};
}

} // namespace Proctor::Collector::Http::Json
