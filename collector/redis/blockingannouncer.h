// SPDX-License-Identifier: MIT
// The Live::Announcer of the command-line subcommands: PUBLISHes each message on the live channel over a
// short blocking Redis connection of its own (a subcommand has no event loop to run RedisClient on). Best
// effort: with Redis down it warns on stderr and the change stays committed; running instances then catch up
// when their caches expire (seconds).
#pragma once

#include <mutex>
#include <optional>

#include <QString>

#include "app/config.h"
#include "live/announcer.h"

namespace Proctor::Collector::Redis {

class BlockingAnnouncer final : public Live::Announcer
{
public:
    // `endpoint` nullopt (no PROCTOR_REDIS_URL): announcing does nothing. `command` prefixes the warnings.
    BlockingAnnouncer(std::optional<RedisEndpoint> endpoint, QString command)
        : m_endpoint(std::move(endpoint)), m_command(std::move(command))
    {
    }

    // Thread-safe (calls are serialised); blocks for at most a few seconds.
    void announce(const Contract::LiveMessage &message) override;

private:
    std::optional<RedisEndpoint> m_endpoint;
    QString m_command;
    std::mutex m_mutex;
};

} // namespace Proctor::Collector::Redis
