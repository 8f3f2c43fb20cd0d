// SPDX-License-Identifier: MIT
// Management endpoints (admin role): API keys, admins, certificate settings, audit log, candidate erasure.
// Every change writes its audit row in the same transaction as the change.
#include <QJsonArray>
#include <QRegularExpression>

#include "auth/apikeyauthenticator.h"
#include "auth/passwordhasher.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "live/changepublisher.h"
#include "redis/redisclient.h"
#include "storage/adminapikeys.h"
#include "storage/admincandidates.h"
#include "storage/adminrepository.h"
#include "storage/apikeyrepository.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"
#include "storage/reviewcache.h"
#include "storage/settingsrepository.h"

namespace Proctor::Collector::Http {
namespace {

Error invalid(const QString &pointer, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, pointer, 0};
}

QJsonValue iso(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject adminRecordJson(const Storage::AdminRecord &a)
{
    return QJsonObject{{QStringLiteral("id"), a.identity.id},
                       {QStringLiteral("email"), a.identity.email},
                       {QStringLiteral("role"), Auth::adminRoleName(a.identity.role)},
                       {QStringLiteral("displayName"), a.identity.displayName},
                       {QStringLiteral("disabled"), a.disabled()},
                       {QStringLiteral("createdAt"), iso(a.createdAt)},
                       {QStringLiteral("disabledAt"), iso(a.disabledAt)},
                       {QStringLiteral("lastLoginAt"), iso(a.lastLoginAt)}};
}

Expected<qint64> idParam(const HttpRequest &req)
{
    bool ok = false;
    const qint64 id = req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(ErrorCode::BadParameter, QStringLiteral("id must be a positive integer"),
                         QStringLiteral("id"));
    return id;
}

// Parses the request body, then runs `work` (on a database thread) and answers `status` with its JSON.
void respond(AdminContext &ctx, const Responder &res, int status,
             std::function<Expected<QJsonObject>(pqxx::connection &)> work)
{
    ctx.db.run<QJsonObject>(std::move(work)).then([res, status](Expected<QJsonObject> result) {
        if (!result)
            res.send(HttpResponse::error(result.error()));
        else if (status == 204)
            res.send(noContent());
        else
            res.send(HttpResponse::json(status, *result));
    });
}

bool plausibleEmail(const QString &email)
{
    static const QRegularExpression format(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return email.size() <= 254 && format.match(email).hasMatch();
}

Expected<QJsonObject> certificateSettings(const QJsonObject &body)
{
    static const QStringList known{QStringLiteral("organisationName"), QStringLiteral("addressLine"),
                                   QStringLiteral("contacts"), QStringLiteral("signatories")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.contains(it.key()))
            return tl::unexpected(invalid(QLatin1Char('/') + it.key(), QStringLiteral("unknown field")));
    QJsonObject out;
    const std::pair<QString, int> texts[] = {{QStringLiteral("organisationName"), 200},
                                             {QStringLiteral("addressLine"), 300},
                                             {QStringLiteral("contacts"), 300}};
    for (const auto &[name, max] : texts) {
        const QJsonValue v = body.value(name);
        if (v.isUndefined() || v.isNull()) {
            out.insert(name, QString());
            continue;
        }
        if (!v.isString() || v.toString().size() > max)
            return tl::unexpected(
                invalid(QLatin1Char('/') + name,
                        QStringLiteral("must be a string of at most %1 characters").arg(max)));
        out.insert(name, v.toString().trimmed());
    }
    if (out.value(QStringLiteral("organisationName")).toString().isEmpty())
        return tl::unexpected(invalid(QStringLiteral("/organisationName"), QStringLiteral("is required")));
    const QJsonValue sig = body.value(QStringLiteral("signatories"));
    QJsonArray signatories;
    if (!sig.isUndefined() && !sig.isNull()) {
        if (!sig.isArray() || sig.toArray().size() > 5)
            return tl::unexpected(invalid(QStringLiteral("/signatories"),
                                          QStringLiteral("must be an array of at most 5 signatories")));
        const QJsonArray arr = sig.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const QString at = QStringLiteral("/signatories/%1").arg(i);
            if (!arr[i].isObject())
                return tl::unexpected(invalid(at, QStringLiteral("must be an object {title, name}")));
            const QJsonObject o = arr[i].toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.key() != QLatin1String("title") && it.key() != QLatin1String("name"))
                    return tl::unexpected(
                        invalid(at + QLatin1Char('/') + it.key(), QStringLiteral("unknown field")));
            for (const QString field : {QStringLiteral("title"), QStringLiteral("name")}) {
                const QJsonValue v = o.value(field);
                if (!v.isString() || v.toString().trimmed().isEmpty() || v.toString().size() > 120)
                    return tl::unexpected(
                        invalid(at + QLatin1Char('/') + field,
                                QStringLiteral("must be a non-empty string of at most 120 characters")));
            }
            signatories.append(
                QJsonObject{{QStringLiteral("title"), o.value(QStringLiteral("title")).toString().trimmed()},
                            {QStringLiteral("name"), o.value(QStringLiteral("name")).toString().trimmed()}});
        }
    }
    out.insert(QStringLiteral("signatories"), signatories);
    return out;
}

QJsonObject defaultCertificateSettings()
{
    return QJsonObject{{QStringLiteral("organisationName"), QString()},
                       {QStringLiteral("addressLine"), QString()},
                       {QStringLiteral("contacts"), QString()},
                       {QStringLiteral("signatories"), QJsonArray()}};
}

void registerApiKeyRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/apikeys"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, res](const Auth::AdminIdentity &) {
                       respond(ctx, res, 200, [](pqxx::connection &c) -> Expected<QJsonObject> {
                           QJsonArray items;
                           for (const Storage::ApiKeyRecord &k : Storage::ApiKeyRepository::list(c))
                               items.append(QJsonObject{
                                   {QStringLiteral("id"), k.info.id},
                                   {QStringLiteral("name"), k.info.name},
                                   {QStringLiteral("prefix"), k.prefix},
                                   {QStringLiteral("scopes"), QJsonArray::fromStringList(k.info.scopes)},
                                   {QStringLiteral("createdAt"), iso(k.createdAt)},
                                   {QStringLiteral("revoked"), k.info.revoked},
                                   {QStringLiteral("revokedAt"), iso(k.revokedAt)},
                                   {QStringLiteral("usageCount"), k.usageCount},
                                   {QStringLiteral("lastUsedAt"), iso(k.lastUsedAt)}});
                           return QJsonObject{{QStringLiteral("items"), items}};
                       });
                   });
               });

    router.add(
        "POST", QStringLiteral("/api/v1/apikeys"),
        [&ctx, admin](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                const auto body = adminJsonBody(req);
                if (!body) {
                    res.send(HttpResponse::error(body.error()));
                    return;
                }
                const QJsonValue nameValue = body->value(QStringLiteral("name"));
                const QString name = nameValue.toString().trimmed();
                if (!nameValue.isString() || name.isEmpty() || name.size() > 100) {
                    res.send(HttpResponse::error(
                        invalid(QStringLiteral("/name"), QStringLiteral("name must be 1..100 characters"))));
                    return;
                }
                const QJsonValue scopesValue = body->value(QStringLiteral("scopes"));
                if (!scopesValue.isArray() || scopesValue.toArray().isEmpty()) {
                    res.send(HttpResponse::error(invalid(
                        QStringLiteral("/scopes"), QStringLiteral("scopes must be a non-empty array"))));
                    return;
                }
                QStringList scopes;
                const QJsonArray arr = scopesValue.toArray();
                for (qsizetype i = 0; i < arr.size(); ++i) {
                    if (!Auth::knownScopes().contains(arr[i].toString())) {
                        res.send(HttpResponse::error(
                            invalid(QStringLiteral("/scopes/%1").arg(i),
                                    QStringLiteral("unknown scope (known: %1)")
                                        .arg(Auth::knownScopes().join(QStringLiteral(", "))))));
                        return;
                    }
                    if (!scopes.contains(arr[i].toString()))
                        scopes.append(arr[i].toString());
                }
                const HttpRequest origin{.peer = req.peer};
                respond(ctx, res, 201,
                        [who, origin, name, scopes](pqxx::connection &c) -> Expected<QJsonObject> {
                            const Auth::NewApiKey key = Auth::generateApiKey();
                            pqxx::work tx(c);
                            const auto [id, createdAt] = Storage::AdminApiKeys::insert(tx, name, key, scopes);
                            Storage::AuditLog::record(
                                tx, auditEntry(who, origin, QStringLiteral("apikey.create"),
                                               QStringLiteral("apikey:%1").arg(id),
                                               QJsonObject{{QStringLiteral("name"), name},
                                                           {QStringLiteral("prefix"), key.prefix},
                                                           {QStringLiteral("scopes"),
                                                            QJsonArray::fromStringList(scopes)}}));
                            tx.commit();
                            return QJsonObject{{QStringLiteral("id"), id},
                                               {QStringLiteral("name"), name},
                                               {QStringLiteral("key"), QString::fromLatin1(key.key)},
                                               {QStringLiteral("prefix"), key.prefix},
                                               {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                                               {QStringLiteral("createdAt"), iso(createdAt)}};
                        });
            });
        });

    router.add(
        "DELETE", QStringLiteral("/api/v1/apikeys/{id}"),
        [&ctx, admin](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                const auto id = idParam(req);
                if (!id) {
                    res.send(HttpResponse::error(id.error()));
                    return;
                }
                const HttpRequest origin{.peer = req.peer};
                ctx.db
                    .run<std::optional<QByteArray>>(
                        [who, origin, id = *id](pqxx::connection &c) -> Expected<std::optional<QByteArray>> {
                            pqxx::work tx(c);
                            auto hash = Storage::AdminApiKeys::revoke(tx, id);
                            if (!hash || !*hash)
                                return hash;
                            Storage::AuditLog::record(tx,
                                                      auditEntry(who, origin, QStringLiteral("apikey.revoke"),
                                                                 QStringLiteral("apikey:%1").arg(id)));
                            tx.commit();
                            return hash;
                        })
                    .then(&ctx.apiKeys, [&ctx, res, id = *id](Expected<std::optional<QByteArray>> revoked) {
                        if (!revoked) {
                            res.send(HttpResponse::error(revoked.error()));
                            return;
                        }
                        if (const auto &hash = *revoked) {
                            // Same order as the CLI: the shared cache entry goes first, then every instance
                            // is told (this one included, through its own subscription) to drop its
                            // in-process copy.
                            ctx.apiKeys.forget(*hash);
                            ctx.redis.command({"DEL", Auth::ApiKeyAuthenticator::redisKey(*hash)},
                                              [](const Redis::RedisReply &) {});
                            ctx.publisher.publish(
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("apikey_revoked")},
                                            {QStringLiteral("hash"), QString::fromLatin1(hash->toHex())},
                                            {QStringLiteral("id"), id}});
                        }
                        res.send(noContent());
                    });
            });
        });
}

void registerAdminRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    router.add("GET", QStringLiteral("/api/v1/admins"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, res](const Auth::AdminIdentity &) {
                       respond(ctx, res, 200, [](pqxx::connection &c) -> Expected<QJsonObject> {
                           QJsonArray items;
                           for (const Storage::AdminRecord &a : Storage::AdminRepository::list(c))
                               items.append(adminRecordJson(a));
                           return QJsonObject{{QStringLiteral("items"), items}};
                       });
                   });
               });

    router.add(
        "POST", QStringLiteral("/api/v1/admins"),
        [&ctx, admin](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                const auto body = adminJsonBody(req);
                if (!body) {
                    res.send(HttpResponse::error(body.error()));
                    return;
                }
                const QString email = body->value(QStringLiteral("email")).toString().trimmed().toLower();
                if (!body->value(QStringLiteral("email")).isString() || !plausibleEmail(email)) {
                    res.send(HttpResponse::error(
                        invalid(QStringLiteral("/email"), QStringLiteral("must be an e-mail address"))));
                    return;
                }
                const QJsonValue pw = body->value(QStringLiteral("password"));
                if (!pw.isString() || pw.toString().size() < Auth::PasswordHasher::kMinPasswordLength ||
                    pw.toString().toUtf8().size() > Auth::PasswordHasher::kMaxPasswordLength) {
                    res.send(HttpResponse::error(invalid(
                        QStringLiteral("/password"), QStringLiteral("must be %1..%2 characters")
                                                         .arg(Auth::PasswordHasher::kMinPasswordLength)
                                                         .arg(Auth::PasswordHasher::kMaxPasswordLength))));
                    return;
                }
                const auto role = Auth::adminRoleFromName(body->value(QStringLiteral("role")).toString());
                if (!role) {
                    res.send(HttpResponse::error(
                        invalid(QStringLiteral("/role"), QStringLiteral("must be admin or proctor"))));
                    return;
                }
                const QJsonValue dn = body->value(QStringLiteral("displayName"));
                if (!dn.isUndefined() && (!dn.isString() || dn.toString().size() > 200)) {
                    res.send(HttpResponse::error(
                        invalid(QStringLiteral("/displayName"),
                                QStringLiteral("must be a string of at most 200 characters"))));
                    return;
                }
                const QString displayName = dn.toString().simplified();
                const QByteArray password = pw.toString().toUtf8();
                const HttpRequest origin{.peer = req.peer};
                respond(
                    ctx, res, 201,
                    [who, origin, email, password, role,
                     displayName](pqxx::connection &c) -> Expected<QJsonObject> {
                        const QByteArray hash = Auth::PasswordHasher().hash(password);
                        if (hash.isEmpty())
                            return makeError(ErrorCode::Internal, QStringLiteral("password hashing failed"));
                        pqxx::work tx(c);
                        const auto created =
                            Storage::AdminRepository::insert(tx, email, hash, *role, displayName);
                        if (!created)
                            return tl::unexpected(created.error());
                        Storage::AuditLog::record(
                            tx,
                            auditEntry(who, origin, QStringLiteral("admin.create"),
                                       QStringLiteral("admin:%1").arg(created->identity.id),
                                       QJsonObject{{QStringLiteral("email"), email},
                                                   {QStringLiteral("role"), Auth::adminRoleName(*role)}}));
                        tx.commit();
                        return adminRecordJson(*created);
                    });
            });
        });

    router.add(
        "PATCH", QStringLiteral("/api/v1/admins/{id}"),
        [&ctx, admin](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                const auto id = idParam(req);
                const auto body = adminJsonBody(req);
                if (!id || !body) {
                    res.send(HttpResponse::error(!id ? id.error() : body.error()));
                    return;
                }
                std::optional<Auth::AdminRole> role;
                std::optional<bool> disabled;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    if (it.key() == QLatin1String("role")) {
                        role = Auth::adminRoleFromName(it.value().toString());
                        if (!role) {
                            res.send(HttpResponse::error(invalid(
                                QStringLiteral("/role"), QStringLiteral("must be admin or proctor"))));
                            return;
                        }
                    } else if (it.key() == QLatin1String("disabled")) {
                        if (!it.value().isBool()) {
                            res.send(HttpResponse::error(invalid(QStringLiteral("/disabled"),
                                                                 QStringLiteral("must be true or false"))));
                            return;
                        }
                        disabled = it.value().toBool();
                    } else {
                        res.send(HttpResponse::error(
                            invalid(QLatin1Char('/') + it.key(),
                                    QStringLiteral("unknown field; role and disabled can change"))));
                        return;
                    }
                }
                if (!role && !disabled) {
                    res.send(HttpResponse::error(
                        invalid(QString(), QStringLiteral("nothing to change: send role and/or disabled"))));
                    return;
                }
                QJsonObject details;
                if (role)
                    details.insert(QStringLiteral("role"), Auth::adminRoleName(*role));
                if (disabled)
                    details.insert(QStringLiteral("disabled"), *disabled);
                const HttpRequest origin{.peer = req.peer};
                respond(ctx, res, 200,
                        [who, origin, id = *id, role, disabled,
                         details](pqxx::connection &c) -> Expected<QJsonObject> {
                            pqxx::work tx(c);
                            const auto updated = Storage::AdminRepository::update(tx, id, role, disabled);
                            if (!updated)
                                return tl::unexpected(updated.error());
                            // Locking everyone out (the last active admin demoted or disabled) is refused:
                            // the change rolls back with the transaction.
                            if (Storage::AdminRepository::countActiveAdmins(tx) == 0)
                                return makeError(ErrorCode::Conflict,
                                                 QStringLiteral("at least one active admin must remain"));
                            Storage::AuditLog::record(
                                tx, auditEntry(who, origin, QStringLiteral("admin.update"),
                                               QStringLiteral("admin:%1").arg(id), details));
                            tx.commit();
                            return adminRecordJson(*updated);
                        });
            });
        });
}

void registerSettingsRoutes(Router &router, AdminContext &ctx)
{
    const auto admin = Auth::AdminRole::Admin;
    auto read = [&ctx](const Responder &res) {
        respond(ctx, res, 200, [](pqxx::connection &c) -> Expected<QJsonObject> {
            return Storage::SettingsRepository::get(c, Storage::SettingsRepository::kCertificateSettings)
                .value_or(defaultCertificateSettings());
        });
    };
    router.add("GET", QStringLiteral("/api/v1/settings/certificate"),
               [&ctx, admin, read](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin,
                                       [res, read](const Auth::AdminIdentity &) { read(res); });
               });
    // What the candidate page prints on the certificate: public, nothing secret in it.
    router.add("GET", QStringLiteral("/api/v1/certificate-settings"),
               [read](const HttpRequest &, const Responder &res) { read(res); });

    router.add("PUT", QStringLiteral("/api/v1/settings/certificate"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                       const auto body = adminJsonBody(req);
                       if (!body) {
                           res.send(HttpResponse::error(body.error()));
                           return;
                       }
                       const auto settings = certificateSettings(*body);
                       if (!settings) {
                           res.send(HttpResponse::error(settings.error()));
                           return;
                       }
                       const HttpRequest origin{.peer = req.peer};
                       respond(ctx, res, 200,
                               [who, origin, s = *settings](pqxx::connection &c) -> Expected<QJsonObject> {
                                   pqxx::work tx(c);
                                   Storage::SettingsRepository::put(
                                       tx, Storage::SettingsRepository::kCertificateSettings, s, who.id);
                                   Storage::AuditLog::record(
                                       tx, auditEntry(who, origin, QStringLiteral("settings.certificate"),
                                                      QStringLiteral("settings:certificate"), s));
                                   tx.commit();
                                   return s;
                               });
                   });
               });
}

} // namespace

void registerManagementRoutes(Router &router, AdminContext &ctx)
{
    registerApiKeyRoutes(router, ctx);
    registerAdminRoutes(router, ctx);
    registerSettingsRoutes(router, ctx);
    const auto admin = Auth::AdminRole::Admin;

    router.add("GET", QStringLiteral("/api/v1/audit"),
               [&ctx, admin](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto page = pageRequest(req);
                       if (!page) {
                           res.send(HttpResponse::error(page.error()));
                           return;
                       }
                       const QString action = req.queryValue(QStringLiteral("action")).trimmed().left(100);
                       respond(ctx, res, 200, [p = *page, action](pqxx::connection &c) {
                           return Storage::AuditLog::page(c, p, action);
                       });
                   });
               });

    router.add(
        "DELETE", QStringLiteral("/api/v1/candidates/{id}"),
        [&ctx, admin](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, admin, [&ctx, req, res](const Auth::AdminIdentity &who) {
                const auto id = idParam(req);
                if (!id) {
                    res.send(HttpResponse::error(id.error()));
                    return;
                }
                const HttpRequest origin{.peer = req.peer};
                ctx.db
                    .run<QJsonObject>([who, origin, id = *id](pqxx::connection &c) -> Expected<QJsonObject> {
                        pqxx::work tx(c);
                        const auto erased = Storage::AdminCandidates::erase(tx, id);
                        if (!erased)
                            return tl::unexpected(erased.error());
                        const QJsonObject counts{{QStringLiteral("sessions"), erased->sessions},
                                                 {QStringLiteral("events"), erased->events},
                                                 {QStringLiteral("telemetry"), erased->telemetry},
                                                 {QStringLiteral("certificates"), erased->certificates}};
                        // The receipt names what was removed by id and count only: copying the person's name
                        // into the audit log would keep the very data the erasure removes.
                        const qint64 auditId = Storage::AuditLog::record(
                            tx, auditEntry(who, origin, QStringLiteral("candidate.delete"),
                                           QStringLiteral("candidate:%1").arg(id),
                                           QJsonObject{{QStringLiteral("deleted"), counts},
                                                       {QStringLiteral("sessionIds"),
                                                        QJsonArray::fromStringList(erased->sessionIds)}}));
                        tx.commit();
                        return QJsonObject{{QStringLiteral("candidateId"), id},
                                           {QStringLiteral("deleted"), counts},
                                           {QStringLiteral("auditId"), auditId}};
                    })
                    .then(&ctx.cache, [&ctx, res](Expected<QJsonObject> done) {
                        if (!done) {
                            res.send(HttpResponse::error(done.error()));
                            return;
                        }
                        ctx.cache.invalidate();
                        ctx.publisher.publish(QJsonObject{
                            {QStringLiteral("type"), QStringLiteral("candidate_deleted")},
                            {QStringLiteral("candidateId"), done->value(QStringLiteral("candidateId"))}});
                        res.send(HttpResponse::json(200, *done));
                    });
            });
        });
}

} // namespace Proctor::Collector::Http
