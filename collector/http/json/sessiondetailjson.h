// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/{id}: one session with its answers against the key (docs/api.md).
#pragma once

#include <QJsonObject>

#include "services/reviewtypes.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::SessionDetail &detail);

} // namespace Proctor::Collector::Http::Json
