// SPDX-License-Identifier: MIT
#include "redis/redisnotifier.h"

#include <hiredis/async.h>

#include <QSocketNotifier>

namespace Proctor::Collector::Redis {

RedisNotifier::RedisNotifier(redisAsyncContext *context, QObject *parent)
    : QObject(parent), m_context(context)
{
    context->ev.data = this;
    context->ev.addRead = &RedisNotifier::addRead;
    context->ev.delRead = &RedisNotifier::delRead;
    context->ev.addWrite = &RedisNotifier::addWrite;
    context->ev.delWrite = &RedisNotifier::delWrite;
    context->ev.cleanup = &RedisNotifier::cleanup;
}

RedisNotifier::~RedisNotifier()
{
    delete m_read;
    delete m_write;
    if (m_context)
        m_context->ev.data = nullptr;
}

void RedisNotifier::addRead(void *p)
{
    auto *self = static_cast<RedisNotifier *>(p);
    if (self->m_read || !self->m_context)
        return;
    self->m_read = new QSocketNotifier(self->m_context->c.fd, QSocketNotifier::Read);
    connect(self->m_read, &QSocketNotifier::activated, self, [self] {
        if (self->m_context)
            redisAsyncHandleRead(self->m_context);
    });
}

void RedisNotifier::delRead(void *p)
{
    auto *self = static_cast<RedisNotifier *>(p);
    delete self->m_read;
    self->m_read = nullptr;
}

void RedisNotifier::addWrite(void *p)
{
    auto *self = static_cast<RedisNotifier *>(p);
    if (self->m_write || !self->m_context)
        return;
    self->m_write = new QSocketNotifier(self->m_context->c.fd, QSocketNotifier::Write);
    connect(self->m_write, &QSocketNotifier::activated, self, [self] {
        if (self->m_context)
            redisAsyncHandleWrite(self->m_context);
    });
}

void RedisNotifier::delWrite(void *p)
{
    auto *self = static_cast<RedisNotifier *>(p);
    delete self->m_write;
    self->m_write = nullptr;
}

void RedisNotifier::cleanup(void *p)
{
    // hiredis is freeing the context: stop watching its socket and never touch it again. The notifiers may
    // be the ones whose signal is being handled right now, so they are deleted later.
    auto *self = static_cast<RedisNotifier *>(p);
    for (QSocketNotifier *n : {self->m_read, self->m_write}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    self->m_read = nullptr;
    self->m_write = nullptr;
    self->m_context = nullptr;
}

} // namespace Proctor::Collector::Redis
