// SPDX-License-Identifier: MIT
// Opening PostgreSQL connections and turning libpqxx exceptions into Error values (the storage boundary).
#pragma once

#include <memory>

#include <pqxx/pqxx>

#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Storage {

// Opens a connection; `connectTimeoutSeconds` bounds the wait when the server is unreachable.
Expected<std::unique_ptr<pqxx::connection>> connect(const QString &url, int connectTimeoutSeconds = 5);

// SELECT 1 on a fresh connection.
Expected<void> ping(const QString &url, int timeoutSeconds);

// Maps the exception in flight (call inside a catch block) to an Error: lost connections become
// Unavailable (retryable, 503), everything else Internal.
Error currentExceptionAsError(const QString &context);

QString toQString(const std::string &s);
std::string toStd(const QString &s);

} // namespace Proctor::Collector::Storage
