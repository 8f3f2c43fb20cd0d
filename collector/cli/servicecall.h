// SPDX-License-Identifier: MIT
// What the subcommands that call a service share: where their announcements go, waiting for the answer, and
// turning an error into a line on stderr and an exit code.
#pragma once

#include <cstdio>
#include <optional>

#include <QFuture>

#include "app/config.h"
#include "core/error.h"

namespace Proctor::Collector::Cli {

// The Redis a subcommand announces on: none when PROCTOR_REDIS_URL is not set.
inline std::optional<RedisEndpoint> announceEndpoint(const Config &config)
{
    return config.redisUrl.isEmpty() ? std::nullopt : std::optional<RedisEndpoint>(config.redis);
}

// A subcommand has no event loop to return to: it waits.
template <typename T> Expected<T> await(QFuture<Expected<T>> answer)
{
    answer.waitForFinished();
    return answer.result();
}

// "<command>: <field>: <message>"; exit code 2 for input the service refused (as for a usage error), else 1.
inline int fail(const char *command, const Error &error)
{
    const QString field = error.field.startsWith(QLatin1Char('/')) ? error.field.mid(1) : error.field;
    if (field.isEmpty())
        std::fprintf(stderr, "%s: %s\n", command, qPrintable(error.message));
    else
        std::fprintf(stderr, "%s: %s: %s\n", command, qPrintable(field), qPrintable(error.message));
    return error.code == ErrorCode::ValidationFailed ? 2 : 1;
}

} // namespace Proctor::Collector::Cli
