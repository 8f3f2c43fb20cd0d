// SPDX-License-Identifier: MIT
// Turning an untrusted request body into a contract-valid JSON object, or a 400/415 naming the field.
#pragma once

#include <QJsonObject>

#include "contract/contractvalidator.h"
#include "core/error.h"
#include "http/httprequest.h"

namespace Proctor::Collector::Http {

Expected<QJsonObject> parseBody(const HttpRequest &request, const Contract::ContractValidator &validator,
                                Contract::Schema schema);

} // namespace Proctor::Collector::Http
