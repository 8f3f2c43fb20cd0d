// SPDX-License-Identifier: MIT
// Generation-keyed Redis cache for admin reads.
#include "storage/reviewcache.h"

#include "redis/redisclient.h"

namespace Proctor::Collector::Storage {
namespace {

// KEYS[1]: generation counter; ARGV[1]: entry name. Returns {generation, value or false}.
const QByteArray kGetScript = R"lua(
local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('GET', 'proctor:cache:' .. g .. ':' .. ARGV[1])}
)lua";

QByteArray entryKey(const QByteArray &generation, const QByteArray &key)
{
    return "proctor:cache:" + generation + ':' + key;
}

} // namespace

ReviewCache::ReviewCache(Redis::RedisClient &redis, int ttlSeconds, QObject *parent)
    : QObject(parent), m_redis(redis), m_ttlSeconds(ttlSeconds)
{
}

void ReviewCache::get(const QByteArray &key, Callback callback)
{
    if (m_ttlSeconds <= 0 || !m_redis.isConnected()) { // off: every read is a miss and nothing is stored
        callback({});
        return;
    }
    m_redis.command(
        {"EVAL", kGetScript, "1", kGenerationKey, key},
        [callback](const Redis::RedisReply &reply) {
            Lookup out;
            if (reply.type == Redis::RedisReply::Type::Array && reply.elements.size() == 2) {
                out.generation = reply.elements[0].string;
                if (reply.elements[1].type == Redis::RedisReply::Type::String)
                    out.value = reply.elements[1].string;
            }
            callback(out);
        },
        300);
}

void ReviewCache::put(const QByteArray &key, const QByteArray &generation, const QByteArray &value)
{
    if (m_ttlSeconds <= 0 || generation.isEmpty() || !m_redis.isConnected())
        return;
    m_redis.command(
        {"SET", entryKey(generation, key), value, "EX", QByteArray::number(m_ttlSeconds)},
        [](const Redis::RedisReply &) {}, 300);
}

void ReviewCache::invalidate()
{
    if (m_redis.isConnected())
        m_redis.command(
            {"INCR", kGenerationKey}, [](const Redis::RedisReply &) {}, 300);
}

void ReviewCache::onLiveMessage(const Contract::LiveMessage &message)
{
    if (std::holds_alternative<Contract::ResultSaved>(message) ||
        std::holds_alternative<Contract::CandidateDeleted>(message) ||
        std::holds_alternative<Contract::ReviewDecided>(message)) // lists show and filter the review state
        invalidate();
}

} // namespace Proctor::Collector::Storage
