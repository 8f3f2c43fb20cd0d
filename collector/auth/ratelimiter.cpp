// SPDX-License-Identifier: MIT
#include "auth/ratelimiter.h"

#include <cmath>

#include <QDateTime>

#include "redis/redisclient.h"

namespace Proctor::Collector::Auth {
namespace {

// KEYS: buckets. ARGV[1]: now (ms); ARGV[2i], ARGV[2i+1]: capacity (burst) and refill per ms of bucket i.
// Returns 0 when a token was taken from every bucket, else the milliseconds until one would be available.
const QByteArray kScript = R"lua(
local now = tonumber(ARGV[1])
local wait = 0
local levels = {}
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[2 * i])
  local rate = tonumber(ARGV[2 * i + 1])
  local b = redis.call('HMGET', key, 't', 'v')
  local t = tonumber(b[1]) or now
  local v = tonumber(b[2]) or cap
  if now > t then v = math.min(cap, v + (now - t) * rate) end
  if v < 1 then
    local w = math.ceil((1 - v) / rate)
    if w > wait then wait = w end
  end
  levels[i] = v
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 't', now, 'v', levels[i] - 1)
  -- Gone once it would be full again: a full bucket and a missing one are the same.
  redis.call('PEXPIRE', key, math.ceil(tonumber(ARGV[2 * i]) / tonumber(ARGV[2 * i + 1])) + 1000)
end
return 0
)lua";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error limited(qint64 waitMs)
{
    return Error{ErrorCode::RateLimited,
                 QStringLiteral("too many requests"),
                 {},
                 int(qMax<qint64>(1, (waitMs + 999) / 1000))};
}

} // namespace

QByteArray RateLimiter::addressGroup(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString().toLatin1(); // null or unknown: one group of its own
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString().toLatin1() + "/64";
}

RateLimiter::RateLimiter(Redis::RedisClient &redis, QObject *parent) : QObject(parent), m_redis(redis) {}

void RateLimiter::acquire(const QList<RateLimit> &limits, Callback callback)
{
    const qint64 now = nowMs();
    if (!m_redis.isConnected()) {
        callback(acquireLocally(limits, now));
        return;
    }
    QList<QByteArray> args{"EVAL", kScript, QByteArray::number(limits.size())};
    for (const RateLimit &l : limits)
        args.append("proctor:rl:" + l.bucket);
    args.append(QByteArray::number(now));
    for (const RateLimit &l : limits) {
        args.append(QByteArray::number(l.burst));
        args.append(QByteArray::number(l.tokensPerMs(), 'g', 12));
    }
    m_redis.command(
        args,
        [this, limits, callback](const Redis::RedisReply &reply) {
            if (reply.type == Redis::RedisReply::Type::Integer) {
                if (reply.integer == 0)
                    callback({});
                else
                    callback(tl::unexpected(limited(reply.integer)));
                return;
            }
            // Redis failed mid-way: limits still apply, per process.
            callback(acquireLocally(limits, nowMs()));
        },
        500);
}

Expected<void> RateLimiter::acquireLocally(const QList<RateLimit> &limits, qint64 now)
{
    if (m_local.size() > 100000)
        m_local.clear();
    qint64 wait = 0;
    QList<double> levels;
    for (const RateLimit &l : limits) {
        const double rate = l.tokensPerMs();
        auto it = m_local.find(l.bucket);
        if (it == m_local.end())
            it = m_local.insert(l.bucket, LocalBucket{double(l.burst), now});
        double v = std::min(double(l.burst), it->tokens + double(now - it->updatedMs) * rate);
        if (v < 1)
            wait = std::max<qint64>(wait, qint64(std::ceil((1 - v) / rate)));
        levels.append(v);
    }
    if (wait > 0)
        return tl::unexpected(limited(wait));
    for (qsizetype i = 0; i < limits.size(); ++i) {
        LocalBucket &b = m_local[limits[i].bucket];
        b.tokens = levels[i] - 1;
        b.updatedMs = now;
    }
    return {};
}

} // namespace Proctor::Collector::Auth
