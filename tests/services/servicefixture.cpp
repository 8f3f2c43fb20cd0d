// SPDX-License-Identifier: MIT
#include "servicefixture.h"

#include "storage/migrator.h"

namespace Proctor::Testing {

ServiceFixture::ServiceFixture(const QString &prefix) : m_database(prefix)
{
    if (m_database.url().isEmpty()) {
        m_error = m_database.error();
        return;
    }
    using Collector::Storage::Migrator;
    const auto migrations = Migrator::load(Migrator::builtInDirectory());
    if (!migrations) {
        m_error = migrations.error().message;
        return;
    }
    if (const auto report = Migrator(m_database.url()).migrate(*migrations); !report) {
        m_error = report.error().message;
        return;
    }
    m_pool = std::make_unique<Collector::Storage::DbPool>(m_database.url(), 2);
}

Collector::Services::Actor ServiceFixture::rootAdmin(const QHostAddress &address)
{
    const qint64 id =
        scalar(QStringLiteral("INSERT INTO admins (email, password_hash, role) VALUES "
                              "('root@example.org', 'x', 'admin') ON CONFLICT (email) DO UPDATE "
                              "SET role = 'admin' RETURNING id"))
            .toLongLong();
    return Collector::Services::Actor::fromAdmin(
        {id, QStringLiteral("root@example.org"), {}, Collector::Auth::AdminRole::Admin, {}}, address);
}

} // namespace Proctor::Testing
