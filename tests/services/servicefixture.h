// SPDX-License-Identifier: MIT
// What every service test needs: a fresh migrated database, a pool on it, and an announcer that records
// what the services announce.
#pragma once

#include <memory>
#include <mutex>

#include <QFuture>
#include <QList>

#include "contract/livemessage.h"
#include "live/announcer.h"
#include "services/actor.h"
#include "storage/dbpool.h"
#include "testdatabase.h"

namespace Proctor::Testing {

class RecordingAnnouncer final : public Collector::Live::Announcer
{
public:
    void announce(const Contract::LiveMessage &message) override
    {
        std::lock_guard lock(m_mutex);
        m_messages.append(message);
    }
    QList<Contract::LiveMessage> messages() const
    {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_messages.clear();
    }

private:
    mutable std::mutex m_mutex;
    QList<Contract::LiveMessage> m_messages;
};

class ServiceFixture
{
public:
    // A fresh database named after `prefix`, migrated; ok() false (error() says why) when that failed.
    explicit ServiceFixture(const QString &prefix);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    TestDatabase &database() { return m_database; }
    Collector::Storage::DbPool &pool() { return *m_pool; }
    RecordingAnnouncer &announcer() { return m_announcer; }
    // Runs one SQL statement; the first column of the first row as text.
    QString scalar(const QString &sql) const { return m_database.scalar(sql); }

    // An administrator (role admin, root@example.org) in the database, acting from `address`: the actor
    // most service tests call with.
    Collector::Services::Actor
    rootAdmin(const QHostAddress &address = QHostAddress(QStringLiteral("192.0.2.7")));

    // Waits for a service's answer.
    template <typename T> static Expected<T> wait(QFuture<Expected<T>> future)
    {
        future.waitForFinished();
        return future.result();
    }

private:
    TestDatabase m_database;
    std::unique_ptr<Collector::Storage::DbPool> m_pool;
    RecordingAnnouncer m_announcer;
    QString m_error;
};

} // namespace Proctor::Testing
