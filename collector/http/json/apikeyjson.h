// SPDX-License-Identifier: MIT
// API keys on the wire (/api/v1/apikeys): the create body, the one-time answer with the key, the list.
#pragma once

#include <QJsonObject>
#include <QList>

#include "core/error.h"
#include "services/apikeyservice.h"

namespace Proctor::Collector::Http::Json {

// {"name", "scopes": [...]}. Never fails: a wrong JSON type becomes a value the service refuses with the same
// words as any other bad value (a number as name is an empty name, a non-string scope an unknown one).
Expected<Services::NewApiKey> parseNewApiKey(const QJsonObject &body);
// {"id", "name", "key", "prefix", "scopes", "createdAt"}: the only answer that ever holds the key.
QJsonObject toJson(const Services::CreatedApiKey &created);
// {"id", "name", "prefix", "scopes", "createdAt", "revoked", "revokedAt", "usageCount", "lastUsedAt"}
QJsonObject toJson(const Storage::ApiKeyRecord &key);
// {"items": [...]}
QJsonObject toJson(const QList<Storage::ApiKeyRecord> &keys);

} // namespace Proctor::Collector::Http::Json
