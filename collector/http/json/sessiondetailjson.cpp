// SPDX-License-Identifier: MIT
#include "http/json/sessiondetailjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {
namespace {

QJsonObject answerJson(const Services::AnswerReview &a)
{
    QJsonArray options;
    for (const Contract::Option &o : a.options)
        options.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("text"), o.text}});
    // latencyMs and answerChanges are left out (undefined) when the page sent no timing for the question.
    return QJsonObject{{QStringLiteral("questionId"), a.questionId},
                       {QStringLiteral("text"), a.known ? QJsonValue(a.text) : QJsonValue()},
                       {QStringLiteral("options"), options},
                       {QStringLiteral("chosen"), QJsonArray::fromStringList(a.chosen)},
                       {QStringLiteral("correct"), QJsonArray::fromStringList(a.correct)},
                       {QStringLiteral("answered"), a.answered},
                       {QStringLiteral("isCorrect"), a.isCorrect},
                       {QStringLiteral("latencyMs"), a.latencyMs},
                       {QStringLiteral("answerChanges"), a.answerChanges}};
}

} // namespace

QJsonObject toJson(const Services::SessionDetail &detail)
{
    const Storage::SessionRecord &s = detail.session;
    QJsonObject candidate = candidateJson(s.candidate);
    candidate.insert(QStringLiteral("email"), nullableJson(s.email));
    candidate.insert(QStringLiteral("persistentId"), s.persistentId);
    QJsonValue certificate;
    if (s.certificate)
        certificate = QJsonObject{{QStringLiteral("number"), s.certificate->number},
                                  {QStringLiteral("issuedAt"), timestampJson(s.certificate->issuedAt)},
                                  {QStringLiteral("revoked"), s.certificate->revoked}};
    QJsonArray answers;
    for (const Services::AnswerReview &a : detail.answers)
        answers.append(answerJson(a));
    return QJsonObject{
        {QStringLiteral("sessionId"), uuidJson(s.sessionId)},
        {QStringLiteral("kind"), s.kind},
        {QStringLiteral("status"), s.status},
        {QStringLiteral("locale"), s.locale},
        {QStringLiteral("test"), QJsonObject{{QStringLiteral("id"), s.testId},
                                             {QStringLiteral("title"), s.testTitle},
                                             {QStringLiteral("passThreshold"), s.passThreshold}}},
        {QStringLiteral("candidate"), candidate},
        {QStringLiteral("startedAt"), timestampJson(s.startedAt)},
        {QStringLiteral("finishedAt"), timestampJson(s.finishedAt)},
        {QStringLiteral("durationSeconds"), nullableJson(s.durationSeconds)},
        {QStringLiteral("timeLimitSeconds"), s.timeLimitSeconds},
        {QStringLiteral("overtimeSeconds"), s.overtimeSeconds},
        {QStringLiteral("score"), nullableJson(s.score)},
        {QStringLiteral("correct"), nullableJson(s.correct)},
        {QStringLiteral("total"), nullableJson(s.total)},
        {QStringLiteral("passed"), nullableJson(s.passed)},
        {QStringLiteral("grade"), gradeJson(detail.grade)},
        {QStringLiteral("certificate"), certificate},
        {QStringLiteral("fingerprint"), QJsonObject{{QStringLiteral("hash"), s.fingerprintHash},
                                                    {QStringLiteral("attributes"), s.fingerprintAttributes}}},
        {QStringLiteral("clientIp"), nullableJson(s.clientIp)},
        {QStringLiteral("userAgent"), nullableJson(s.userAgent)},
        {QStringLiteral("violations"), countsJson(s.violations)},
        {QStringLiteral("eventCount"), s.eventCount},
        {QStringLiteral("lastEventAt"), timestampJson(s.lastEventAt)},
        {QStringLiteral("risk"), listRiskJson(s.risk)},
        {QStringLiteral("answers"), answers}};
}

} // namespace Proctor::Collector::Http::Json
