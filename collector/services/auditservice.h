// SPDX-License-Identifier: MIT
// Reading the audit log: newest first, keyset-paged, filtered by action. (Rows are written by the service
// that makes each change, in its own transaction, through Actor::audit.)
#pragma once

#include <QFuture>
#include <QString>

#include "core/error.h"
#include "storage/auditlog.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

class AuditService
{
public:
    explicit AuditService(Storage::DbPool &db) : m_db(db) {}

    // `action` is an exact action ("apikey.create"), a prefix ending with '.' ("apikey."), or empty for all;
    // only its first 100 characters count. BadParameter naming "cursor" for a cursor of another list.
    QFuture<Expected<Storage::AuditPage>> page(const Storage::PageRequest &page, const QString &action);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
