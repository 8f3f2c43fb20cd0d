// SPDX-License-Identifier: MIT
#include "http/json/resultjson.h"

#include <QJsonArray>

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
    // Only what the attempt policy discloses: a failed attempt under passFail says "not passed" and nothing
    // that could tell one wrong answer from another (no score, no counts), so probes learn nothing per
    // question.
    const QString &disclosure = o.policy.disclosure;
    QJsonObject out{{QStringLiteral("sessionId"), o.sessionId.toString(QUuid::WithoutBraces)},
                    {QStringLiteral("passed"), o.passed},
                    {QStringLiteral("disclosure"), disclosure},
                    {QStringLiteral("finishedAt"), o.finishedAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("attemptsUsed"), o.attemptsUsed},
                    {QStringLiteral("attemptsLeft"), o.attemptsLeft},
                    {QStringLiteral("nextAttemptAt"), o.nextAttemptAt.isValid()
                                                          ? QJsonValue(o.nextAttemptAt.toString(Qt::ISODate))
                                                          : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("certificate"), QJsonValue::Null}};
    if (o.passed)
        out.insert(QStringLiteral("grade"), QJsonObject{{QStringLiteral("number"), o.grade.number},
                                                        {QStringLiteral("key"), o.grade.key}});
    if (disclosure == QLatin1String("score") || disclosure == QLatin1String("review"))
        out.insert(QStringLiteral("score"), o.score.percent);
    if (disclosure == QLatin1String("review") && (o.passed || o.attemptsLeft == 0)) {
        QJsonArray wrong;
        for (const auto &q : o.wrongQuestions)
            wrong.append(QJsonObject{{QStringLiteral("id"), q.id}, {QStringLiteral("text"), q.text}});
        out.insert(QStringLiteral("wrongQuestions"), wrong);
    }
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
