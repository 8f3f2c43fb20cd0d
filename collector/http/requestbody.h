// SPDX-License-Identifier: MIT
// Turning an untrusted request body into a contract-valid JSON object, or a 400/415 naming the field.
#pragma once

#include <QJsonObject>

#include "contract/contractvalidator.h"
#include "core/error.h"
#include "http/httprequest.h"

namespace Proctor::Collector::Http {

// ValidationFailed naming the first key or string PostgreSQL cannot store as it is (U+0000, an unpaired
// surrogate): valid JSON, but refused rather than failing in the database or being altered.
Expected<void> requireStorableText(const QJsonObject &body);

Expected<QJsonObject> parseBody(const HttpRequest &request, const Contract::ContractValidator &validator,
                                Contract::Schema schema);

} // namespace Proctor::Collector::Http
