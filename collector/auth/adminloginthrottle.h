// SPDX-License-Identifier: MIT
// Failed-login throttling that an outsider cannot turn into a lockout. Failures are counted per account and
// client address together, and per address: guessing one account's password from one address slows that
// address down for that account (1, 2, 4, ... seconds between attempts), while the right password from any
// other address still works at once; spraying many accounts from one address blocks the address. Shared by
// all instances through Redis; per-process counters take over while Redis is down. IPv6 addresses count by
// their /64.
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Redis {
class RedisClient;
}

namespace Proctor::Collector::Auth {

struct LoginThrottleLimits
{
    int failuresPerAccount = 5;  // failures for one account from one address before the delays start
    int failuresPerAddress = 30; // failures from one address (any accounts) within the window: it is refused
    // An account's failures from an address are forgotten this long after the last one; an address's
    // window runs from its first failure.
    int windowSeconds = 900;
    int delayMaxSeconds = 60; // the progressive delay stops growing here
};

// Why an attempt was refused before its password was looked at.
struct LoginRefusal
{
    enum class Scope
    {
        Account, // this account from this address is in its delay
        Address  // this address failed too often across accounts
    };
    Scope scope = Scope::Account;
    int retryAfterSeconds = 1;
    int failures = 0; // what the refusing counter holds
    // Whether this refusal deserves an audit row: the first one at a failure count. Later refusals at the
    // same count are only counted (an attacker hammering a delayed account must not fill the audit log);
    // `unauditedBefore` says how many were counted since the previous audited one.
    bool audit = false;
    int unauditedBefore = 0;

    Error error() const;
    QString scopeName() const
    {
        return scope == Scope::Account ? QStringLiteral("account") : QStringLiteral("address");
    }
};

// What one recorded failure changed.
struct LoginFailureCount
{
    int accountFailures = 0;         // this account from this address
    int addressFailures = 0;         // this address, any accounts
    int delaySeconds = 0;            // before this account may try again from this address; 0: no delay
    int addressBlockSeconds = 0;     // this address is refused for so long; 0: it is not
    bool accountStartsDelay = false; // this failure started the account's delays from this address
    bool addressBecameBlocked = false;
};

class AdminLoginThrottle final : public QObject
{
public:
    using CheckCallback = std::function<void(std::optional<LoginRefusal>)>;
    using FailureCallback = std::function<void(LoginFailureCount)>;
    using DoneCallback = std::function<void()>;

    AdminLoginThrottle(Redis::RedisClient &redis, LoginThrottleLimits limits, QObject *parent = nullptr);

    // Every method may be called from any thread; callbacks run on this object's thread.
    //
    // nullopt when the attempt may go on. An allowed attempt is reserved: it counts against both counters
    // until its outcome is recorded, so guesses sent in parallel (to any instance) cannot all pass before the
    // first failure is counted; every allowed attempt must end in exactly one of recordFailure,
    // recordSuccess or release. A refused attempt is not counted again, so waiting is always enough.
    void check(const QString &email, const QHostAddress &address, CheckCallback callback);
    void recordFailure(const QString &email, const QHostAddress &address, FailureCallback callback = {});
    // Clears the account's counter for this address (not the address's: one valid account must not launder
    // guesses against others).
    void recordSuccess(const QString &email, const QHostAddress &address, DoneCallback callback = {});
    // An allowed attempt that ended without a verdict on the password (the database was unavailable).
    void release(const QString &email, const QHostAddress &address, DoneCallback callback = {});

    const LoginThrottleLimits &limits() const { return m_limits; }
    // The wait after `failures` failures of one account from one address, in milliseconds (0: none).
    qint64 delayMs(int failures) const;

private:
    struct Counter
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        int pending = 0;
        qint64 pendingSinceMs = 0;
        int auditedAt = -1; // the failure count of the last audited refusal
        int unaudited = 0;
        qint64 expiresMs = 0;
    };
    QByteArray pairKey(const QString &email, const QHostAddress &address) const;
    static QByteArray addressKey(const QHostAddress &address);

    void checkNow(const QByteArray &pair, const QByteArray &addr, CheckCallback callback);
    void failNow(const QByteArray &pair, const QByteArray &addr, FailureCallback callback);
    void endNow(const QByteArray &pair, const QByteArray &addr, bool success, DoneCallback callback);

    std::optional<LoginRefusal> checkLocally(const QByteArray &pair, const QByteArray &addr, qint64 nowMs);
    LoginFailureCount failLocally(const QByteArray &pair, const QByteArray &addr, qint64 nowMs);
    void endLocally(const QByteArray &pair, const QByteArray &addr, bool success, qint64 nowMs);
    // The two counters of an attempt, expired ones reset.
    std::pair<Counter &, Counter &> local(const QByteArray &pair, const QByteArray &addr, qint64 nowMs);
    LoginFailureCount countOf(int accountFailures, int addressFailures, qint64 addressTtlMs) const;
    QList<QByteArray> scriptArgs(const QByteArray &script, const QByteArray &pair, const QByteArray &addr,
                                 qint64 nowMs) const;

    Redis::RedisClient &m_redis;
    LoginThrottleLimits m_limits;
    QHash<QByteArray, Counter> m_local;
};

} // namespace Proctor::Collector::Auth
