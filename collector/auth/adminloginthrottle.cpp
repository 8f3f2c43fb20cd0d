// SPDX-License-Identifier: MIT
// Failed-login counters in Redis with a local fallback.
#include "auth/adminloginthrottle.h"

#include <QCryptographicHash>
#include <QDateTime>

#include "redis/redisclient.h"

namespace Proctor::Collector::Auth {
namespace {

// KEYS[1], KEYS[2]: account and address counters; ARGV[1], ARGV[2]: their limits.
// Returns 0 when allowed, else the milliseconds until the blocking window ends.
const QByteArray kCheckScript = R"lua(
local wait = 0
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n >= tonumber(ARGV[i]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 1 then ttl = 1000 end
    if ttl > wait then wait = ttl end
  end
end
return wait
)lua";

// KEYS: counters; ARGV[1]: window (ms). The window starts with the first failure.
const QByteArray kFailScript = R"lua(
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0
)lua";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error throttled(qint64 waitMs)
{
    return Error{ErrorCode::RateLimited,
                 QStringLiteral("too many failed logins; try again later"),
                 {},
                 int(qMax<qint64>(1, (waitMs + 999) / 1000))};
}

} // namespace

AdminLoginThrottle::AdminLoginThrottle(Redis::RedisClient &redis, LoginThrottleLimits limits, QObject *parent)
    : QObject(parent), m_redis(redis), m_limits(limits)
{
}

QByteArray AdminLoginThrottle::accountKey(const QString &email) const
{
    // Hashed: e-mails are personal data and need not sit in Redis in clear.
    return "proctor:loginfail:acct:" +
           QCryptographicHash::hash(email.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
}

QByteArray AdminLoginThrottle::addressKey(const QHostAddress &address) const
{
    return "proctor:loginfail:addr:" + address.toString().toLatin1();
}

void AdminLoginThrottle::check(const QString &email, const QHostAddress &address, Callback callback)
{
    const QByteArray acct = accountKey(email), addr = addressKey(address);
    // Attempts still being verified count as failures until they are known not to be: otherwise thirty
    // guesses sent at once all pass before the first failure is counted. Reserved now, before the (async)
    // answer, so the next check already sees this one.
    const int acctLimit = m_limits.failuresPerAccount - m_inFlight.value(acct);
    const int addrLimit = m_limits.failuresPerAddress - m_inFlight.value(addr);
    ++m_inFlight[acct];
    ++m_inFlight[addr];
    auto decide = [this, acct, addr, callback](Expected<void> allowed) {
        if (!allowed)
            endAttempt(acct, addr);
        callback(std::move(allowed));
    };
    if (!m_redis.isConnected()) {
        decide(checkLocally(acct, acctLimit, addr, addrLimit, nowMs()));
        return;
    }
    m_redis.command(
        {"EVAL", kCheckScript, "2", acct, addr, QByteArray::number(acctLimit), QByteArray::number(addrLimit)},
        [this, acct, acctLimit, addr, addrLimit, decide](const Redis::RedisReply &reply) {
            if (reply.type == Redis::RedisReply::Type::Integer) {
                if (reply.integer == 0)
                    decide({});
                else
                    decide(tl::unexpected(throttled(reply.integer)));
                return;
            }
            decide(checkLocally(acct, acctLimit, addr, addrLimit, nowMs()));
        },
        500);
}

void AdminLoginThrottle::endAttempt(const QByteArray &account, const QByteArray &address)
{
    for (const QByteArray *key : {&account, &address}) {
        const auto it = m_inFlight.find(*key);
        if (it != m_inFlight.end() && --*it <= 0)
            m_inFlight.erase(it);
    }
}

void AdminLoginThrottle::release(const QString &email, const QHostAddress &address)
{
    endAttempt(accountKey(email), addressKey(address));
}

void AdminLoginThrottle::recordFailure(const QString &email, const QHostAddress &address)
{
    const QByteArray acct = accountKey(email), addr = addressKey(address);
    endAttempt(acct, addr);
    // Counted locally too, so a Redis outage right after the failures does not reset them.
    failLocally(acct, nowMs());
    failLocally(addr, nowMs());
    if (m_redis.isConnected())
        m_redis.command(
            {"EVAL", kFailScript, "2", acct, addr, QByteArray::number(qint64(m_limits.windowSeconds) * 1000)},
            [](const Redis::RedisReply &) {}, 500);
}

void AdminLoginThrottle::recordSuccess(const QString &email, const QHostAddress &address)
{
    const QByteArray acct = accountKey(email);
    endAttempt(acct, addressKey(address));
    m_local.remove(acct);
    if (m_redis.isConnected())
        m_redis.command(
            {"DEL", acct}, [](const Redis::RedisReply &) {}, 500);
}

Expected<void> AdminLoginThrottle::checkLocally(const QByteArray &account, int accountLimit,
                                                const QByteArray &address, int addressLimit, qint64 now)
{
    qint64 wait = 0;
    const std::pair<const QByteArray *, int> checks[] = {{&account, accountLimit}, {&address, addressLimit}};
    for (const auto &[key, limit] : checks) {
        const auto it = m_local.constFind(*key);
        const bool open = it != m_local.cend() && it->endsMs > now;
        if (open && it->failures >= limit)
            wait = qMax(wait, it->endsMs - now);
        else if (limit <= 0) // only attempts in flight: they end within a second or two
            wait = qMax<qint64>(wait, 1000);
    }
    if (wait > 0)
        return tl::unexpected(throttled(wait));
    return {};
}

void AdminLoginThrottle::failLocally(const QByteArray &key, qint64 now)
{
    if (m_local.size() > 100000) // bounded: a flood of distinct e-mails must not grow memory without end
        m_local.clear();
    Window &w = m_local[key];
    if (w.endsMs <= now)
        w = Window{0, now + qint64(m_limits.windowSeconds) * 1000};
    ++w.failures;
}

} // namespace Proctor::Collector::Auth
