// SPDX-License-Identifier: MIT
// Drives one hiredis async context from the Qt event loop. Replaces hiredis' own adapters/qt.h, whose
// destructor writes into the context even after hiredis has freed it (a use-after-free on every reconnect,
// found by the ASan build): here hiredis' cleanup hook tells us the context is gone.
#pragma once

#include <QObject>

struct redisAsyncContext;
class QSocketNotifier;

namespace Proctor::Collector::Redis {

class RedisNotifier final : public QObject
{
public:
    explicit RedisNotifier(redisAsyncContext *context, QObject *parent = nullptr);
    ~RedisNotifier() override;

private:
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    redisAsyncContext *m_context; // null once hiredis has freed it
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

} // namespace Proctor::Collector::Redis
