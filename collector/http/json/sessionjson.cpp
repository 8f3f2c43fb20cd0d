// SPDX-License-Identifier: MIT
#include "http/json/sessionjson.h"

#include <QJsonArray>

namespace Proctor::Collector::Http::Json {
namespace {

QJsonArray optionsJson(const QList<Contract::Option> &options)
{
    QJsonArray out;
    for (const auto &o : options)
        out.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("text"), o.text}});
    return out;
}

QJsonObject studyJson(const Contract::TestDefinition &test)
{
    QJsonArray modules;
    for (const auto &m : test.studyModules()) {
        QJsonArray checks;
        for (const auto &q : m.selfCheck)
            checks.append(QJsonObject{{QStringLiteral("id"), q.id},
                                      {QStringLiteral("text"), q.text},
                                      {QStringLiteral("multiple"), q.isMultiple()},
                                      {QStringLiteral("options"), optionsJson(q.options)},
                                      {QStringLiteral("correct"), QJsonArray::fromStringList(q.correct)}});
        modules.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("title"), m.title},
                                   {QStringLiteral("paragraphs"), QJsonArray::fromStringList(m.paragraphs)},
                                   {QStringLiteral("selfCheck"), checks}});
    }
    return QJsonObject{{QStringLiteral("modules"), modules}};
}

} // namespace

Expected<Services::SessionStart> parseSessionStart(const QJsonObject &body)
{
    const QJsonObject candidate = body.value(QStringLiteral("candidate")).toObject();
    const QJsonObject fingerprint = body.value(QStringLiteral("fingerprint")).toObject();
    Services::SessionStart s;
    s.testId = body.value(QStringLiteral("testId")).toString();
    s.kind = body.value(QStringLiteral("kind")).toString();
    s.locale = body.value(QStringLiteral("locale")).toString(QStringLiteral("ru"));
    s.candidate.lastName = candidate.value(QStringLiteral("lastName")).toString();
    s.candidate.firstName = candidate.value(QStringLiteral("firstName")).toString();
    s.candidate.middleName = candidate.value(QStringLiteral("middleName")).toString();
    s.candidate.position = candidate.value(QStringLiteral("position")).toString();
    s.candidate.email = candidate.value(QStringLiteral("email")).toString();
    s.candidate.persistentId = body.value(QStringLiteral("persistentId")).toString();
    s.accessCode = body.value(QStringLiteral("accessCode")).toString();
    s.fingerprintHash = fingerprint.value(QStringLiteral("privacySafeHash")).toString();
    s.fingerprint = fingerprint.value(QStringLiteral("attributes")).toObject();
    return s;
}

QJsonObject toJson(const Services::StartedSession &session)
{
    const Contract::TestDefinition &t = *session.test;
    QJsonArray questions;
    for (const auto &q : session.questions)
        questions.append(Contract::TestDefinition::publicQuestionJson(q));
    QJsonObject out{
        {QStringLiteral("sessionId"), session.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("token"), QString::fromLatin1(session.token)},
        {QStringLiteral("kind"), session.kind},
        {QStringLiteral("startedAt"), session.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("expiresAt"), session.expiresAt.toString(Qt::ISODate)},
        {QStringLiteral("test"), QJsonObject{{QStringLiteral("id"), t.id()},
                                             {QStringLiteral("title"), t.title()},
                                             {QStringLiteral("timeLimitSeconds"), t.timeLimitSeconds()},
                                             {QStringLiteral("passThreshold"), t.passThreshold()},
                                             {QStringLiteral("questions"), questions}}}};
    if (session.kind == QLatin1String("test")) {
        out.insert(QStringLiteral("resumed"), session.resumed);
        out.insert(QStringLiteral("answers"), session.answers);
        out.insert(QStringLiteral("attemptsUsed"), session.attemptsUsed);
        out.insert(QStringLiteral("attemptsLeft"), session.attemptsLeft);
    }
    // The name the page prints (a roster test's person, whatever was typed); never the e-mail or keys.
    out.insert(QStringLiteral("candidate"),
               QJsonObject{{QStringLiteral("lastName"), session.candidate.lastName},
                           {QStringLiteral("firstName"), session.candidate.firstName},
                           {QStringLiteral("middleName"), session.candidate.middleName},
                           {QStringLiteral("position"), session.candidate.position}});
    if (session.kind == QLatin1String("study"))
        out.insert(QStringLiteral("study"), studyJson(t));
    return out;
}

QJsonObject refusalJson(const Services::StartedSession &session)
{
    const bool cooldown = session.refusal == Services::StartedSession::Refusal::Cooldown;
    QJsonObject error{
        {QStringLiteral("code"),
         cooldown ? QStringLiteral("attempt_cooldown") : QStringLiteral("attempts_exhausted")},
        {QStringLiteral("message"), cooldown
                                        ? QStringLiteral("the next attempt is not allowed yet")
                                        : QStringLiteral("every attempt this test allows has been used")},
        {QStringLiteral("field"), QStringLiteral("candidate")},
        {QStringLiteral("attemptsUsed"), session.attemptsUsed},
        {QStringLiteral("attemptsLeft"), session.attemptsLeft},
        {QStringLiteral("nextAttemptAt"),
         cooldown ? QJsonValue(session.nextAttemptAt.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)}};
    return QJsonObject{{QStringLiteral("error"), error}};
}

} // namespace Proctor::Collector::Http::Json
