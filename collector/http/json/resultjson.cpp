// SPDX-License-Identifier: MIT
#include "http/json/resultjson.h"

namespace Proctor::Collector::Http::Json {

Expected<Services::ResultSubmission> parseResultSubmission(const QUuid &sessionId, const QJsonObject &body)
{
    Services::ResultSubmission s;
    s.sessionId = sessionId;
    s.answersJson = body.value(QStringLiteral("answers")).toArray();
    s.answers = Contract::answersFromJson(s.answersJson);
    s.telemetry = body.value(QStringLiteral("telemetry")).toObject();
    return s;
}

QJsonObject toJson(const Services::ResultOutcome &o)
{
    QJsonObject out{{QStringLiteral("sessionId"), o.sessionId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("score"), o.score.percent},
                    {QStringLiteral("correct"), o.score.correct},
                    {QStringLiteral("total"), o.score.total},
                    {QStringLiteral("passed"), o.passed},
                    {QStringLiteral("grade"), QJsonObject{{QStringLiteral("number"), o.grade.number},
                                                          {QStringLiteral("key"), o.grade.key}}},
                    {QStringLiteral("finishedAt"), o.finishedAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("certificate"), QJsonValue::Null}};
    if (o.certificate)
        out.insert(
            QStringLiteral("certificate"),
            QJsonObject{{QStringLiteral("number"), o.certificate->number},
                        {QStringLiteral("issuedAt"), o.certificate->issuedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("verifyUrl"), o.certificate->verifyUrl},
                        {QStringLiteral("code"), o.certificate->code}});
    return out;
}

} // namespace Proctor::Collector::Http::Json
