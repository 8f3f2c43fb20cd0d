// SPDX-License-Identifier: MIT
// POST /api/v1/sessions: the page key opens a session; the answer is the session's own signed token and the
// questions drawn for this attempt (without the key).
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

#include "app/config.h"
#include "auth/apikey.h"
#include "contract/contractvalidator.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "live/changepublisher.h"
#include "storage/dbpool.h"
#include "storage/sessionrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Http {
namespace {

QJsonArray optionsJson(const QList<Contract::Option> &options)
{
    QJsonArray out;
    for (const auto &o : options)
        out.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("text"), o.text}});
    return out;
}

// Study material for the study page. Self-check questions keep their answers: they are learning aids with
// immediate feedback, never scored.
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

Storage::NewSession sessionFromBody(const QJsonObject &body, const HttpRequest &req)
{
    const QJsonObject cand = body.value(QStringLiteral("candidate")).toObject();
    const QJsonObject fp = body.value(QStringLiteral("fingerprint")).toObject();
    Storage::NewSession s;
    s.id = QUuid::createUuid();
    s.testId = body.value(QStringLiteral("testId")).toString();
    s.kind = body.value(QStringLiteral("kind")).toString();
    s.locale = body.value(QStringLiteral("locale")).toString(QStringLiteral("ru"));
    s.candidate.lastName = cand.value(QStringLiteral("lastName")).toString();
    s.candidate.firstName = cand.value(QStringLiteral("firstName")).toString();
    s.candidate.middleName = cand.value(QStringLiteral("middleName")).toString();
    s.candidate.position = cand.value(QStringLiteral("position")).toString();
    s.candidate.email = cand.value(QStringLiteral("email")).toString();
    s.candidate.persistentId = body.value(QStringLiteral("persistentId")).toString();
    s.fingerprintHash = fp.value(QStringLiteral("privacySafeHash")).toString();
    s.fingerprint = fp.value(QStringLiteral("attributes")).toObject();
    s.clientIp = req.peer;
    s.userAgent = QString::fromUtf8(req.header("user-agent"));
    // Millisecond precision: this value is also the events' partition key carried in the token.
    s.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    return s;
}

} // namespace

void registerSessionRoutes(Router &router, PageContext &ctx)
{
    router.add(
        "POST", QStringLiteral("/api/v1/sessions"), [&ctx](const HttpRequest &req, const Responder &res) {
            auto body = parseBody(req, ctx.validator, Contract::Schema::SessionStart);
            if (!body) {
                res.send(HttpResponse::error(body.error()));
                return;
            }
            Storage::NewSession session = sessionFromBody(*body, req);
            ctx.guard.withSessionStart(
                req, res, session.fingerprintHash, session.candidate.persistentId,
                [&ctx, res, session](const Auth::ApiKeyInfo &key) mutable {
                    const qint64 apiKeyId = key.id;
                    ctx.db
                        .run<QJsonObject>([&ctx, session,
                                           apiKeyId](pqxx::connection &c) mutable -> Expected<QJsonObject> {
                            auto test = ctx.tests.get(c, session.testId);
                            if (!test)
                                return tl::unexpected(test.error());
                            const Contract::TestDefinition &t = **test;
                            QJsonObject testJson{{QStringLiteral("id"), t.id()},
                                                 {QStringLiteral("title"), t.title()},
                                                 {QStringLiteral("timeLimitSeconds"), t.timeLimitSeconds()},
                                                 {QStringLiteral("passThreshold"), t.passThreshold()}};
                            QJsonArray questions;
                            if (session.kind == QLatin1String("test")) {
                                for (const auto &q : t.drawQuestions(
                                         t.questionsPerAttempt(), QRandomGenerator::system()->generate64())) {
                                    session.questionIds.append(q.id);
                                    questions.append(Contract::TestDefinition::publicQuestionJson(q));
                                }
                            }
                            testJson.insert(QStringLiteral("questions"), questions);
                            Storage::SessionRepository::create(c, session);

                            Auth::SessionClaims claims;
                            claims.sessionId = session.id;
                            claims.startedAtMs = session.startedAtMs;
                            claims.expiresAtSec = session.startedAtMs / 1000 + ctx.config.sessionTtlSeconds;
                            claims.apiKeyId = apiKeyId;
                            QJsonObject out{
                                {QStringLiteral("sessionId"), session.id.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("token"),
                                 QString::fromLatin1(ctx.guard.tokens().issue(claims))},
                                {QStringLiteral("kind"), session.kind},
                                {QStringLiteral("startedAt"),
                                 QDateTime::fromMSecsSinceEpoch(session.startedAtMs, Qt::UTC)
                                     .toString(Qt::ISODateWithMs)},
                                {QStringLiteral("expiresAt"),
                                 QDateTime::fromSecsSinceEpoch(claims.expiresAtSec, Qt::UTC)
                                     .toString(Qt::ISODate)},
                                {QStringLiteral("test"), testJson}};
                            if (session.kind == QLatin1String("study"))
                                out.insert(QStringLiteral("study"), studyJson(t));
                            return out;
                        })
                        .then([&ctx, res](Expected<QJsonObject> created) {
                            if (!created) {
                                res.send(HttpResponse::error(created.error()));
                                return;
                            }
                            res.send(HttpResponse::json(201, *created));
                            ctx.publisher.publish(QJsonObject{
                                {QStringLiteral("type"), QStringLiteral("session_started")},
                                {QStringLiteral("sessionId"), created->value(QStringLiteral("sessionId"))},
                                {QStringLiteral("kind"), created->value(QStringLiteral("kind"))},
                                {QStringLiteral("testId"), created->value(QStringLiteral("test"))
                                                               .toObject()
                                                               .value(QStringLiteral("id"))}});
                        });
                });
        });
}

} // namespace Proctor::Collector::Http
