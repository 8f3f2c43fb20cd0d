// SPDX-License-Identifier: MIT
#include "services/authservice.h"

#include <memory>
#include <optional>

#include <QPromise>
#include <QtConcurrent>

#include "auth/adminloginthrottle.h"
#include "auth/admintokens.h"
#include "auth/passwordhasher.h"
#include "contract/livemessage.h"
#include "live/announcer.h"
#include "logging/log.h"
#include "storage/adminrepository.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

QString AuthService::normaliseEmail(const QString &email)
{
    return email.trimmed().toLower().left(320);
}

Expected<Auth::AdminIdentity> AuthService::me(const Actor &actor)
{
    if (!actor.admin)
        return makeError(ErrorCode::InvalidToken, QStringLiteral("not signed in"));
    return *actor.admin;
}

QFuture<Expected<SignedIn>> AuthService::login(const Credentials &credentials)
{
    auto promise = std::make_shared<QPromise<Expected<SignedIn>>>();
    QFuture<Expected<SignedIn>> future = promise->future();
    promise->start();
    const Finish finish = [promise](Expected<SignedIn> outcome) {
        promise->addResult(std::move(outcome));
        promise->finish();
    };
    const QString email = normaliseEmail(credentials.email);
    const QByteArray password = credentials.password;
    const QHostAddress address = credentials.address;

    // The throttle is asked first: a refused attempt costs neither a hash nor (mostly) a database row.
    m_throttle.check(
        email, address, [this, email, password, address, finish](std::optional<Auth::LoginRefusal> refusal) {
            if (!refusal) {
                verify(email, password, address, finish);
                return;
            }
            const Error refused = refusal->error();
            if (!refusal->audit) { // already audited at this count: only counted (see LoginRefusal)
                finish(tl::unexpected(refused));
                return;
            }
            const Storage::AuditEntry entry{
                std::nullopt,
                email,
                QStringLiteral("auth.login_throttled"),
                {},
                QJsonObject{{QStringLiteral("scope"), refusal->scopeName()},
                            {QStringLiteral("retryAfter"), refusal->retryAfterSeconds},
                            {QStringLiteral("failures"), refusal->failures},
                            {QStringLiteral("refusedBefore"), refusal->unauditedBefore}},
                address};
            m_db.run<void>([entry](pqxx::connection &c) -> Expected<void> {
                    pqxx::work tx(c);
                    Storage::AuditLog::record(tx, entry);
                    tx.commit();
                    return {};
                })
                .then([finish, refused](Expected<void> written) {
                    if (!written) // the refusal stands; the missing row is at least in the log
                        Log::warning(u"throttled login not audited", {{"error", written.error().message}});
                    finish(tl::unexpected(refused));
                });
        });
    return future;
}

void AuthService::verify(const QString &email, const QByteArray &password, const QHostAddress &address,
                         Finish finish)
{
    const int ttl = m_tokenTtlSeconds;
    m_db.run<std::optional<Storage::AdminLogin>>(
            [email](pqxx::connection &c) -> Expected<std::optional<Storage::AdminLogin>> {
                return Storage::AdminRepository::findForLogin(c, email);
            })
        .then([this, email, password, address, ttl,
               finish](Expected<std::optional<Storage::AdminLogin>> found) {
            if (!found) {
                conclude(email, address, tl::unexpected(found.error()), finish);
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
            }).then([this, email, address, ttl, login, finish](bool passwordOk) {
                // Stores the token (or the failure) with its audit row.
                m_db.run<SignedIn>([email, address, ttl, login,
                                    passwordOk](pqxx::connection &c) -> Expected<SignedIn> {
                        pqxx::work tx(c);
                        if (!passwordOk || login->admin.disabled()) {
                            Storage::AuditLog::record(
                                tx,
                                {login ? std::optional<qint64>(login->admin.identity.id) : std::nullopt,
                                 email, QStringLiteral("auth.login_failed"),
                                 login ? QStringLiteral("admin:%1").arg(login->admin.identity.id) : QString(),
                                 QJsonObject{{QStringLiteral("reason"),
                                              passwordOk ? QStringLiteral("disabled")
                                                         : QStringLiteral("bad_credentials")}},
                                 address});
                            tx.commit();
                            return makeError(ErrorCode::InvalidCredentials,
                                             QStringLiteral("wrong e-mail or password"));
                        }
                        const Auth::NewAdminToken token = Auth::generateAdminToken();
                        SignedIn out;
                        out.expiresAt = Storage::AdminRepository::insertToken(
                            tx, token.hash, login->admin.identity.id, ttl, address);
                        Storage::AuditLog::record(tx,
                                                  {login->admin.identity.id,
                                                   email,
                                                   QStringLiteral("auth.login"),
                                                   QStringLiteral("admin:%1").arg(login->admin.identity.id),
                                                   {},
                                                   address});
                        tx.commit();
                        out.token = token.token;
                        out.admin = login->admin.identity;
                        return out;
                    })
                    .then([this, email, address, finish](Expected<SignedIn> outcome) {
                        conclude(email, address, std::move(outcome), finish);
                    });
            });
        });
}

void AuthService::conclude(const QString &email, const QHostAddress &address, Expected<SignedIn> outcome,
                           Finish finish)
{
    // The answer waits for the throttle, so the client's next attempt is judged with this one counted.
    if (outcome) {
        m_throttle.recordSuccess(email, address, [finish, outcome] { finish(outcome); });
    } else if (outcome.error().code == ErrorCode::InvalidCredentials) {
        m_throttle.recordFailure(email, address,
                                 [this, email, address, finish, outcome](Auth::LoginFailureCount count) {
                                     alert(email, address, count);
                                     finish(outcome);
                                 });
    } else {
        m_throttle.release(email, address, [finish, outcome] { finish(outcome); });
    }
}

void AuthService::alert(const QString &email, const QHostAddress &address,
                        const Auth::LoginFailureCount &count)
{
    // Only at the crossing: the alert says "this started", the audit log has every attempt.
    if (count.accountStartsDelay)
        m_announcer.announce(
            Contract::LoginThrottled{email, address.toString(), count.accountFailures, count.delaySeconds});
    if (count.addressBecameBlocked)
        m_announcer.announce(Contract::LoginThrottled{QString(), address.toString(), count.addressFailures,
                                                      count.addressBlockSeconds});
}

QFuture<Expected<void>> AuthService::logout(const Actor &actor)
{
    if (!actor.admin)
        return QtFuture::makeReadyFuture<Expected<void>>(
            makeError(ErrorCode::InvalidToken, QStringLiteral("not signed in")));
    const QByteArray hash = actor.admin->tokenHash;
    const Storage::AuditEntry audit =
        actor.audit(QStringLiteral("auth.logout"), QStringLiteral("admin:%1").arg(actor.admin->id));
    return m_db.run<void>([hash, audit](pqxx::connection &c) -> Expected<void> {
        pqxx::work tx(c);
        Storage::AdminRepository::revokeToken(tx, hash);
        Storage::AuditLog::record(tx, audit);
        tx.commit();
        return {};
    });
}

} // namespace Proctor::Collector::Services
