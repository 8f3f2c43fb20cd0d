// SPDX-License-Identifier: MIT
// Admin sign-in: login (with the failed-login throttle), logout and who-am-I. The service owns the token, the
// audit rows (auth.login, auth.login_failed, auth.login_throttled, auth.logout) and the administrators'
// alert when an account or an address starts being throttled.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFuture>
#include <QHostAddress>
#include <QString>

#include "auth/adminidentity.h"
#include "core/error.h"
#include "services/actor.h"

namespace Proctor::Collector::Storage {
class DbPool;
}
namespace Proctor::Collector::Auth {
class AdminLoginThrottle;
struct LoginFailureCount;
} // namespace Proctor::Collector::Auth
namespace Proctor::Collector::Live {
class Announcer;
}

namespace Proctor::Collector::Services {

struct Credentials
{
    QString email;        // as typed: compared trimmed and lower-case
    QByteArray password;  // UTF-8
    QHostAddress address; // the client's
};

struct SignedIn
{
    QByteArray token; // the bearer token; only its SHA-256 is stored
    QDateTime expiresAt;
    Auth::AdminIdentity admin;
};

class AuthService
{
public:
    AuthService(Storage::DbPool &db, Auth::AdminLoginThrottle &throttle, Live::Announcer &announcer,
                int tokenTtlSeconds)
        : m_db(db), m_throttle(throttle), m_announcer(announcer), m_tokenTtlSeconds(tokenTtlSeconds)
    {
    }

    // InvalidCredentials for a wrong e-mail, a wrong password or a disabled admin alike (an unknown e-mail
    // answers as slowly as a wrong password); RateLimited with retryAfterSeconds when the throttle refuses
    // the attempt, whose password is then not looked at. Runs partly on the throttle's thread, so whoever
    // waits for the answer must not block that thread's event loop (HTTP only: there is no CLI login).
    QFuture<Expected<SignedIn>> login(const Credentials &credentials);
    // Revokes the bearer token the actor signed in with.
    QFuture<Expected<void>> logout(const Actor &actor);
    // The caller, as the admin guard found them; InvalidToken for an actor that is no admin (the CLI).
    static Expected<Auth::AdminIdentity> me(const Actor &actor);

    // Lower-case and trimmed, at most 320 characters (what create-admin stores).
    static QString normaliseEmail(const QString &email);

private:
    using Finish = std::function<void(Expected<SignedIn>)>;
    void verify(const QString &email, const QByteArray &password, const QHostAddress &address, Finish finish);
    void conclude(const QString &email, const QHostAddress &address, Expected<SignedIn> outcome,
                  Finish finish);
    void alert(const QString &email, const QHostAddress &address, const Auth::LoginFailureCount &count);

    Storage::DbPool &m_db;
    Auth::AdminLoginThrottle &m_throttle;
    Live::Announcer &m_announcer;
    int m_tokenTtlSeconds;
};

} // namespace Proctor::Collector::Services
