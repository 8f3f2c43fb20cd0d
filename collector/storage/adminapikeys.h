// SPDX-License-Identifier: MIT
// API key changes made through the admin API, inside the caller's transaction so the audit row commits with
// them (the CLI's ApiKeyRepository commits on its own).
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include "auth/apikey.h"
#include "core/error.h"

namespace Proctor::Collector::Storage::AdminApiKeys {

// Returns the new key's id and creation time.
std::pair<qint64, QDateTime> insert(pqxx::work &tx, const QString &name, const Auth::NewApiKey &key,
                                    const QStringList &scopes);
// The revoked key's hash; NotFound for an unknown id; nullopt when it was already revoked (idempotent).
Expected<std::optional<QByteArray>> revoke(pqxx::work &tx, qint64 id);

} // namespace Proctor::Collector::Storage::AdminApiKeys
