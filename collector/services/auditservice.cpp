// SPDX-License-Identifier: MIT
#include "services/auditservice.h"

#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

QFuture<Expected<Storage::AuditPage>> AuditService::page(const Storage::PageRequest &page,
                                                         const QString &action)
{
    return m_db.run<Storage::AuditPage>(
        [page, action = action.trimmed().left(100)](pqxx::connection &c) -> Expected<Storage::AuditPage> {
            return Storage::AuditLog::page(c, page, action);
        });
}

} // namespace Proctor::Collector::Services
