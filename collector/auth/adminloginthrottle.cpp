// SPDX-License-Identifier: MIT
// Failed-login counters in Redis (Lua, so check-and-reserve is atomic across instances) with a local fallback
// that follows the same rules.
#include "auth/adminloginthrottle.h"

#include <cmath>

#include <QCryptographicHash>
#include <QDateTime>

#include "auth/ratelimiter.h"
#include "redis/redisclient.h"

namespace Proctor::Collector::Auth {
namespace {

// An attempt reserved by an instance that died before recording its outcome stops counting after this.
constexpr qint64 kLeaseMs = 30000;

// Every script: KEYS[1] = the account-and-address counter, KEYS[2] = the address counter (hashes: f failures,
// t last failure ms, p attempts in progress, ps when the last was reserved, a failure count of the last
// audited refusal, r refusals counted since). ARGV: now ms, account limit, address limit, window ms, longest
// delay ms, lease ms.
const QByteArray kCommon = R"lua(
local now, N, M = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local window, maxDelay, lease = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local function load(key)
  local v = redis.call('HMGET', key, 'f', 't', 'p', 'ps', 'a', 'r')
  local c = {f = tonumber(v[1]) or 0, t = tonumber(v[2]) or 0, p = tonumber(v[3]) or 0,
             a = tonumber(v[5]) or -1, r = tonumber(v[6]) or 0}
  if now - (tonumber(v[4]) or 0) > lease then c.p = 0 end
  return c
end
local function keep(key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, window) end
end
)lua";

// Returns {0} when allowed (and reserves the attempt), else {scope (1 account, 2 address), wait ms, failures,
// audit (1/0), refusals counted since the last audited one}.
const QByteArray kCheckScript = kCommon + R"lua(
local pair, addr = load(KEYS[1]), load(KEYS[2])
local scope, wait, failures = 0, 0, 0
if addr.f >= M then
  local ttl = redis.call('PTTL', KEYS[2])
  if ttl < 1 then ttl = 1000 end
  scope, wait, failures = 2, ttl, addr.f
elseif addr.f + addr.p >= M then
  scope, wait, failures = 2, 1000, addr.f
elseif pair.f + pair.p >= N then
  if pair.p > 0 then
    scope, wait, failures = 1, 1000, pair.f
  else
    local w = pair.t + math.min(maxDelay, 1000 * 2 ^ (pair.f - N)) - now
    if w > 0 then scope, wait, failures = 1, w, pair.f end
  end
end
if scope > 0 then
  local key, c = KEYS[1], pair
  if scope == 2 then key, c = KEYS[2], addr end
  if c.a ~= c.f then
    redis.call('HSET', key, 'a', c.f, 'r', 0)
    keep(key)
    return {scope, math.ceil(wait), failures, 1, c.r}
  end
  redis.call('HINCRBY', key, 'r', 1)
  return {scope, math.ceil(wait), failures, 0, 0}
end
for i, key in ipairs(KEYS) do
  local c = pair
  if i == 2 then c = addr end
  redis.call('HSET', key, 'p', c.p + 1, 'ps', now)
  keep(key)
end
return {0}
)lua";

// A failure ends its reservation and counts against both. Returns {account failures, address failures,
// address ms left}.
const QByteArray kFailScript = kCommon + R"lua(
local out = {}
for i, key in ipairs(KEYS) do
  local c = load(key)
  c.f = c.f + 1
  if c.p > 0 then c.p = c.p - 1 end
  redis.call('HSET', key, 'f', c.f, 't', now, 'p', c.p)
  -- The account's counter lives on while failures go on; the address's window runs from its first failure.
  if i == 1 or c.f == 1 then redis.call('PEXPIRE', key, window) end
  out[i] = c.f
end
out[3] = redis.call('PTTL', KEYS[2])
return out
)lua";

// ARGV[7] = 1 for a success (clears the account counter), 0 for a release.
const QByteArray kEndScript = kCommon + R"lua(
for i, key in ipairs(KEYS) do
  if i == 1 and ARGV[7] == '1' then
    redis.call('DEL', key)
  else
    local c = load(key)
    if c.p > 0 then redis.call('HSET', key, 'p', c.p - 1) end
  end
end
return 0
)lua";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int secondsUp(qint64 ms)
{
    return int(qMax<qint64>(1, (ms + 999) / 1000));
}

} // namespace

Error LoginRefusal::error() const
{
    return Error{ErrorCode::RateLimited,
                 scope == Scope::Account
                     ? QStringLiteral("too many failed logins for this account from this "
                                      "address; try again after the delay")
                     : QStringLiteral("too many failed logins from this address; try again later"),
                 {},
                 retryAfterSeconds};
}

AdminLoginThrottle::AdminLoginThrottle(Redis::RedisClient &redis, LoginThrottleLimits limits, QObject *parent)
    : QObject(parent), m_redis(redis), m_limits(limits)
{
}

QByteArray AdminLoginThrottle::pairKey(const QString &email, const QHostAddress &address) const
{
    // Hashed: e-mails are personal data and need not sit in Redis in clear.
    return "proctor:login:pair:" +
           QCryptographicHash::hash(email.toUtf8() + '\n' + RateLimiter::addressGroup(address),
                                    QCryptographicHash::Sha256)
               .toHex()
               .left(32);
}

QByteArray AdminLoginThrottle::addressKey(const QHostAddress &address)
{
    return "proctor:login:addr:" + RateLimiter::addressGroup(address);
}

qint64 AdminLoginThrottle::delayMs(int failures) const
{
    if (failures < m_limits.failuresPerAccount)
        return 0;
    const qint64 cap = qint64(m_limits.delayMaxSeconds) * 1000;
    const int doublings = failures - m_limits.failuresPerAccount;
    return doublings >= 40 ? cap : qMin(cap, qint64(1000) << doublings);
}

QList<QByteArray> AdminLoginThrottle::scriptArgs(const QByteArray &script, const QByteArray &pair,
                                                 const QByteArray &addr, qint64 now) const
{
    return {"EVAL",
            script,
            "2",
            pair,
            addr,
            QByteArray::number(now),
            QByteArray::number(m_limits.failuresPerAccount),
            QByteArray::number(m_limits.failuresPerAddress),
            QByteArray::number(qint64(m_limits.windowSeconds) * 1000),
            QByteArray::number(qint64(m_limits.delayMaxSeconds) * 1000),
            QByteArray::number(kLeaseMs)};
}

LoginFailureCount AdminLoginThrottle::countOf(int accountFailures, int addressFailures,
                                              qint64 addressTtlMs) const
{
    LoginFailureCount out;
    out.accountFailures = accountFailures;
    out.addressFailures = addressFailures;
    const qint64 delay = delayMs(accountFailures);
    out.delaySeconds = delay > 0 ? secondsUp(delay) : 0;
    out.accountStartsDelay = accountFailures == m_limits.failuresPerAccount;
    if (addressFailures >= m_limits.failuresPerAddress)
        out.addressBlockSeconds = secondsUp(addressTtlMs > 0 ? addressTtlMs : 1000);
    out.addressBecameBlocked = addressFailures == m_limits.failuresPerAddress;
    return out;
}

void AdminLoginThrottle::check(const QString &email, const QHostAddress &address, CheckCallback callback)
{
    QMetaObject::invokeMethod(
        this, [this, pair = pairKey(email, address), addr = addressKey(address),
               callback = std::move(callback)]() mutable { checkNow(pair, addr, std::move(callback)); });
}

void AdminLoginThrottle::recordFailure(const QString &email, const QHostAddress &address,
                                       FailureCallback callback)
{
    QMetaObject::invokeMethod(
        this, [this, pair = pairKey(email, address), addr = addressKey(address),
               callback = std::move(callback)]() mutable { failNow(pair, addr, std::move(callback)); });
}

void AdminLoginThrottle::recordSuccess(const QString &email, const QHostAddress &address,
                                       DoneCallback callback)
{
    QMetaObject::invokeMethod(
        this, [this, pair = pairKey(email, address), addr = addressKey(address),
               callback = std::move(callback)]() mutable { endNow(pair, addr, true, std::move(callback)); });
}

void AdminLoginThrottle::release(const QString &email, const QHostAddress &address, DoneCallback callback)
{
    QMetaObject::invokeMethod(
        this, [this, pair = pairKey(email, address), addr = addressKey(address),
               callback = std::move(callback)]() mutable { endNow(pair, addr, false, std::move(callback)); });
}

void AdminLoginThrottle::checkNow(const QByteArray &pair, const QByteArray &addr, CheckCallback callback)
{
    if (!m_redis.isConnected()) {
        callback(checkLocally(pair, addr, nowMs()));
        return;
    }
    m_redis.command(
        scriptArgs(kCheckScript, pair, addr, nowMs()),
        [this, pair, addr, callback](const Redis::RedisReply &reply) {
            if (reply.type != Redis::RedisReply::Type::Array || reply.elements.isEmpty()) {
                callback(checkLocally(pair, addr, nowMs())); // Redis failed mid-way: the local rules apply
                return;
            }
            const auto at = [&reply](int i) {
                return i < reply.elements.size() ? reply.elements[i].integer : 0;
            };
            if (at(0) == 0) {
                callback(std::nullopt);
                return;
            }
            LoginRefusal r;
            r.scope = at(0) == 1 ? LoginRefusal::Scope::Account : LoginRefusal::Scope::Address;
            r.retryAfterSeconds = secondsUp(at(1));
            r.failures = int(at(2));
            r.audit = at(3) == 1;
            r.unauditedBefore = int(at(4));
            callback(r);
        },
        500);
}

void AdminLoginThrottle::failNow(const QByteArray &pair, const QByteArray &addr, FailureCallback callback)
{
    // Counted locally too, so a Redis outage right after the failures does not forget them.
    const LoginFailureCount local = failLocally(pair, addr, nowMs());
    if (!m_redis.isConnected()) {
        if (callback)
            callback(local);
        return;
    }
    m_redis.command(
        scriptArgs(kFailScript, pair, addr, nowMs()),
        [this, local, callback](const Redis::RedisReply &reply) {
            if (!callback)
                return;
            if (reply.type != Redis::RedisReply::Type::Array || reply.elements.size() < 3) {
                callback(local);
                return;
            }
            callback(countOf(int(reply.elements[0].integer), int(reply.elements[1].integer),
                             reply.elements[2].integer));
        },
        500);
}

void AdminLoginThrottle::endNow(const QByteArray &pair, const QByteArray &addr, bool success,
                                DoneCallback callback)
{
    endLocally(pair, addr, success, nowMs());
    if (!m_redis.isConnected()) {
        if (callback)
            callback();
        return;
    }
    QList<QByteArray> args = scriptArgs(kEndScript, pair, addr, nowMs());
    args.append(success ? "1" : "0");
    m_redis.command(
        args,
        [callback](const Redis::RedisReply &) {
            if (callback)
                callback();
        },
        500);
}

std::pair<AdminLoginThrottle::Counter &, AdminLoginThrottle::Counter &>
AdminLoginThrottle::local(const QByteArray &pair, const QByteArray &addr, qint64 now)
{
    if (m_local.size() > 100000) // bounded: a flood of distinct e-mails must not grow memory without end
        m_local.clear();
    // Both inserted before either is referenced: an insertion may move the others.
    for (const QByteArray *key : {&pair, &addr}) {
        Counter &c = m_local[*key];
        if (c.expiresMs != 0 && c.expiresMs <= now)
            c = Counter{};
        if (c.expiresMs == 0)
            c.expiresMs = now + qint64(m_limits.windowSeconds) * 1000;
        if (now - c.pendingSinceMs > kLeaseMs)
            c.pending = 0;
    }
    return {*m_local.find(pair), *m_local.find(addr)};
}

std::optional<LoginRefusal> AdminLoginThrottle::checkLocally(const QByteArray &pair, const QByteArray &addr,
                                                             qint64 now)
{
    auto [p, a] = local(pair, addr, now);
    std::optional<LoginRefusal> refusal;
    Counter *refusing = nullptr;
    if (a.failures >= m_limits.failuresPerAddress) {
        refusal = LoginRefusal{LoginRefusal::Scope::Address, secondsUp(a.expiresMs - now), a.failures};
        refusing = &a;
    } else if (a.failures + a.pending >= m_limits.failuresPerAddress) {
        refusal = LoginRefusal{LoginRefusal::Scope::Address, 1, a.failures};
        refusing = &a;
    } else if (p.failures + p.pending >= m_limits.failuresPerAccount) {
        const qint64 wait = p.pending > 0 ? 1000 : p.lastFailureMs + delayMs(p.failures) - now;
        if (wait > 0) {
            refusal = LoginRefusal{LoginRefusal::Scope::Account, secondsUp(wait), p.failures};
            refusing = &p;
        }
    }
    if (refusal) {
        if (refusing->auditedAt != refusing->failures) {
            refusal->audit = true;
            refusal->unauditedBefore = refusing->unaudited;
            refusing->auditedAt = refusing->failures;
            refusing->unaudited = 0;
        } else {
            ++refusing->unaudited;
        }
        return refusal;
    }
    for (Counter *c : {&p, &a}) {
        ++c->pending;
        c->pendingSinceMs = now;
    }
    return std::nullopt;
}

LoginFailureCount AdminLoginThrottle::failLocally(const QByteArray &pair, const QByteArray &addr, qint64 now)
{
    auto [p, a] = local(pair, addr, now);
    for (Counter *c : {&p, &a}) {
        ++c->failures;
        c->lastFailureMs = now;
        c->pending = qMax(0, c->pending - 1);
    }
    p.expiresMs =
        now + qint64(m_limits.windowSeconds) * 1000; // sliding for the account, fixed for the address
    return countOf(p.failures, a.failures, a.expiresMs - now);
}

void AdminLoginThrottle::endLocally(const QByteArray &pair, const QByteArray &addr, bool success, qint64 now)
{
    auto [p, a] = local(pair, addr, now);
    p.pending = qMax(0, p.pending - 1);
    a.pending = qMax(0, a.pending - 1);
    if (success)
        m_local.remove(pair);
}

} // namespace Proctor::Collector::Auth
