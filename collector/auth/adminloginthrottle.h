// SPDX-License-Identifier: MIT
// Failed-login throttling per account and per client address, shared by all instances through Redis
// (fixed window from the first failure); per-process counters take over while Redis is down.
#pragma once

#include <functional>

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
    int failuresPerAccount = 5;  // within the window; then that e-mail is refused until the window ends
    int failuresPerAddress = 30; // within the window; then that address is refused
    int windowSeconds = 900;
};

class AdminLoginThrottle final : public QObject
{
public:
    using Callback = std::function<void(Expected<void>)>;

    AdminLoginThrottle(Redis::RedisClient &redis, LoginThrottleLimits limits, QObject *parent = nullptr);

    // RateLimited (retryAfterSeconds set) when either counter is at its limit; callbacks run on this
    // object's thread. A refused attempt is not counted again, so waiting is always enough. An allowed
    // attempt counts against the limits until its outcome is recorded, so guesses sent in parallel cannot
    // all pass before the first failure is counted: every allowed attempt must end in exactly one of
    // recordFailure, recordSuccess or release.
    void check(const QString &email, const QHostAddress &address, Callback callback);
    void recordFailure(const QString &email, const QHostAddress &address);
    // A successful login clears the account's counter (not the address's: one valid account must not
    // launder guesses against others).
    void recordSuccess(const QString &email, const QHostAddress &address);
    // An allowed attempt that ended without a verdict on the password (the database was unavailable).
    void release(const QString &email, const QHostAddress &address);

private:
    struct Window
    {
        int failures = 0;
        qint64 endsMs = 0;
    };
    QByteArray accountKey(const QString &email) const;
    QByteArray addressKey(const QHostAddress &address) const;
    Expected<void> checkLocally(const QByteArray &account, int accountLimit, const QByteArray &address,
                                int addressLimit, qint64 nowMs);
    void failLocally(const QByteArray &key, qint64 nowMs);
    void endAttempt(const QByteArray &account, const QByteArray &address);

    Redis::RedisClient &m_redis;
    LoginThrottleLimits m_limits;
    QHash<QByteArray, Window> m_local;
    QHash<QByteArray, int> m_inFlight; // allowed attempts without an outcome yet, per counter key
};

} // namespace Proctor::Collector::Auth
