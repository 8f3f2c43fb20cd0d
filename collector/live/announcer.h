// SPDX-License-Identifier: MIT
// Where services announce a committed change. The serve command's ChangePublisher publishes on Redis (and
// delivers locally while Redis is down); the CLI publishes with a blocking Redis connection of its own.
#pragma once

#include "contract/livemessage.h"

namespace Proctor::Collector::Live {

class Announcer
{
public:
    virtual ~Announcer() = default;
    // Thread-safe; called after the change's transaction has committed, never before.
    virtual void announce(const Contract::LiveMessage &message) = 0;
};

} // namespace Proctor::Collector::Live
