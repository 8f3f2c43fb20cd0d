// SPDX-License-Identifier: MIT
// POST /api/v1/sessions: the page key opens a session; the answer is the session's own signed token and the
// questions drawn for this attempt (without the key). The work is Services::SessionService's.
#include "auth/apikey.h"
#include "contract/contractvalidator.h"
#include "http/json/sessionjson.h"
#include "http/requestbody.h"
#include "http/router.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "services/sessionservice.h"

namespace Proctor::Collector::Http {

namespace {

HttpResponse answer(const Expected<Services::StartedSession> &started)
{
    using Refusal = Services::StartedSession::Refusal;
    if (!started)
        return HttpResponse::error(started.error());
    if (started->refusal == Refusal::AttemptsExhausted)
        return HttpResponse::json(409, Json::refusalJson(*started));
    if (started->refusal == Refusal::Cooldown) {
        HttpResponse r = HttpResponse::json(429, Json::refusalJson(*started));
        const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(started->nextAttemptAt);
        r.setHeader("Retry-After", QByteArray::number(qMax<qint64>(1, wait)));
        return r;
    }
    return HttpResponse::json(started->resumed ? 200 : 201, Json::toJson(*started));
}

} // namespace

void registerSessionRoutes(Router &router, PageContext &ctx)
{
    router.add("POST", QStringLiteral("/api/v1/sessions"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   auto body = parseBody(req, ctx.validator, Contract::Schema::SessionStart);
                   if (!body) {
                       res.send(HttpResponse::error(body.error()));
                       return;
                   }
                   auto start = Json::parseSessionStart(*body);
                   if (!start) {
                       res.send(HttpResponse::error(start.error()));
                       return;
                   }
                   start->clientAddress = req.peer;
                   start->userAgent = QString::fromUtf8(req.header("user-agent"));
                   const QString fingerprintHash = start->fingerprintHash;
                   const QString persistentId = start->candidate.persistentId;
                   ctx.guard.withSessionStart(
                       req, res, fingerprintHash, persistentId,
                       [&ctx, res, start = std::move(*start)](const Auth::ApiKeyInfo &key) mutable {
                           start.apiKeyId = key.id;
                           ctx.sessions.start(std::move(start))
                               .then([res](Expected<Services::StartedSession> started) {
                                   res.send(answer(started));
                               });
                       });
               });
}

} // namespace Proctor::Collector::Http
