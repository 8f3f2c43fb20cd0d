// SPDX-License-Identifier: MIT
// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me: admin sessions with bearer tokens.
#include <QJsonObject>
#include <QtConcurrent>

#include "app/config.h"
#include "auth/adminloginthrottle.h"
#include "auth/admintokens.h"
#include "auth/passwordhasher.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "storage/adminrepository.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Http {
namespace {

QJsonObject adminJson(const Auth::AdminIdentity &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("email"), a.email},
                       {QStringLiteral("role"), Auth::adminRoleName(a.role)},
                       {QStringLiteral("displayName"), a.displayName}};
}

struct LoginOutcome
{
    QByteArray token;
    QDateTime expiresAt;
    Auth::AdminIdentity admin;
};

// Stores the token (or the failure) with its audit row, then answers and updates the throttle.
void finishLogin(AdminContext &ctx, const Responder &res, const QString &email, const QHostAddress &peer,
                 int ttl, const std::optional<Storage::AdminLogin> &login, bool passwordOk)
{
    ctx.db
        .run<LoginOutcome>([email, peer, ttl, login,
                            passwordOk](pqxx::connection &c) -> Expected<LoginOutcome> {
            pqxx::work tx(c);
            if (!passwordOk || login->admin.disabled()) {
                Storage::AuditLog::record(
                    tx,
                    {login ? std::optional<qint64>(login->admin.identity.id) : std::nullopt, email,
                     QStringLiteral("auth.login_failed"),
                     login ? QStringLiteral("admin:%1").arg(login->admin.identity.id) : QString(),
                     QJsonObject{{QStringLiteral("reason"), passwordOk ? QStringLiteral("disabled")
                                                                       : QStringLiteral("bad_credentials")}},
                     peer});
                tx.commit();
                return makeError(ErrorCode::InvalidCredentials, QStringLiteral("wrong e-mail or password"));
            }
            const Auth::NewAdminToken token = Auth::generateAdminToken();
            LoginOutcome out;
            out.expiresAt =
                Storage::AdminRepository::insertToken(tx, token.hash, login->admin.identity.id, ttl, peer);
            Storage::AuditLog::record(tx, {login->admin.identity.id,
                                           email,
                                           QStringLiteral("auth.login"),
                                           QStringLiteral("admin:%1").arg(login->admin.identity.id),
                                           {},
                                           peer});
            tx.commit();
            out.token = token.token;
            out.admin = login->admin.identity;
            return out;
        })
        .then(&ctx.loginThrottle, [&ctx, res, email, peer](Expected<LoginOutcome> outcome) {
            if (!outcome) {
                HttpResponse r = HttpResponse::error(outcome.error());
                if (outcome.error().code == ErrorCode::InvalidCredentials) {
                    ctx.loginThrottle.recordFailure(email, peer);
                    r.setHeader("WWW-Authenticate", "Bearer");
                } else {
                    ctx.loginThrottle.release(email, peer);
                }
                res.send(std::move(r));
                return;
            }
            ctx.loginThrottle.recordSuccess(email, peer);
            HttpResponse r = HttpResponse::json(
                200,
                QJsonObject{{QStringLiteral("token"), QString::fromLatin1(outcome->token)},
                            {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                            {QStringLiteral("expiresAt"), outcome->expiresAt.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("admin"), adminJson(outcome->admin)}});
            r.setHeader("Cache-Control", "no-store");
            res.send(std::move(r));
        });
}

void login(AdminContext &ctx, const HttpRequest &req, const Responder &res)
{
    auto body = adminJsonBody(req);
    if (!body) {
        res.send(HttpResponse::error(body.error()));
        return;
    }
    const QJsonValue emailValue = body->value(QStringLiteral("email"));
    const QJsonValue passwordValue = body->value(QStringLiteral("password"));
    if (!emailValue.isString()) {
        res.send(HttpResponse::error({ErrorCode::ValidationFailed, QStringLiteral("email must be a string"),
                                      QStringLiteral("/email"), 0}));
        return;
    }
    if (!passwordValue.isString()) {
        res.send(
            HttpResponse::error({ErrorCode::ValidationFailed, QStringLiteral("password must be a string"),
                                 QStringLiteral("/password"), 0}));
        return;
    }
    const QString email = emailValue.toString().trimmed().toLower().left(320);
    const QByteArray password = passwordValue.toString().toUtf8();
    const QHostAddress peer = req.peer;
    const int ttl = ctx.config.adminTokenTtlSeconds;

    // The throttle is asked first: a blocked account or address costs neither a hash nor a database row.
    ctx.loginThrottle.check(email, peer, [&ctx, res, email, password, peer, ttl](Expected<void> allowed) {
        if (!allowed) {
            res.send(HttpResponse::error(allowed.error()));
            return;
        }
        ctx.db
            .run<std::optional<Storage::AdminLogin>>(
                [email](pqxx::connection &c) -> Expected<std::optional<Storage::AdminLogin>> {
                    return Storage::AdminRepository::findForLogin(c, email);
                })
            .then(&ctx.loginThrottle, [&ctx, res, email, password, peer,
                                       ttl](Expected<std::optional<Storage::AdminLogin>> found) {
                if (!found) {
                    ctx.loginThrottle.release(email, peer);
                    res.send(HttpResponse::error(found.error()));
                    return;
                }
                const std::optional<Storage::AdminLogin> login = *found;
                // The hash runs on its own small pool, not on a database or HTTP thread.
                QtConcurrent::run(&Auth::PasswordHasher::pool(), [login, password] {
                    const Auth::PasswordHasher hasher;
                    if (login && password.size() <= Auth::PasswordHasher::kMaxPasswordLength)
                        return hasher.verify(login->passwordHash, password);
                    hasher.verifyDummy(
                        password); // an unknown e-mail must not answer faster than a wrong password
                    return false;
                }).then(&ctx.loginThrottle, [&ctx, res, email, peer, ttl, login](bool passwordOk) {
                    finishLogin(ctx, res, email, peer, ttl, login, passwordOk);
                });
            });
    });
}

} // namespace

void registerAuthRoutes(Router &router, AdminContext &ctx)
{
    router.add("POST", QStringLiteral("/api/v1/auth/login"),
               [&ctx](const HttpRequest &req, const Responder &res) { login(ctx, req, res); });

    router.add(
        "POST", QStringLiteral("/api/v1/auth/logout"), [&ctx](const HttpRequest &req, const Responder &res) {
            const HttpRequest minimal{.peer = req.peer};
            ctx.guard.withAdmin(req, res, Auth::AdminRole::Proctor,
                                [&ctx, res, minimal](const Auth::AdminIdentity &admin) {
                                    const Storage::AuditEntry audit =
                                        auditEntry(admin, minimal, QStringLiteral("auth.logout"),
                                                   QStringLiteral("admin:%1").arg(admin.id));
                                    const QByteArray hash = admin.tokenHash;
                                    ctx.db
                                        .run<bool>([hash, audit](pqxx::connection &c) -> Expected<bool> {
                                            pqxx::work tx(c);
                                            Storage::AdminRepository::revokeToken(tx, hash);
                                            Storage::AuditLog::record(tx, audit);
                                            tx.commit();
                                            return true;
                                        })
                                        .then([res](Expected<bool> done) {
                                            res.send(done ? noContent() : HttpResponse::error(done.error()));
                                        });
                                });
        });

    router.add(
        "GET", QStringLiteral("/api/v1/auth/me"), [&ctx](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, Auth::AdminRole::Proctor, [res](const Auth::AdminIdentity &admin) {
                res.send(HttpResponse::json(200, adminJson(admin)));
            });
        });
}

} // namespace Proctor::Collector::Http
