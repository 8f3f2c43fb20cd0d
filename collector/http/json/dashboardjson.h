// SPDX-License-Identifier: MIT
// GET /api/v1/dashboard: statistics of the last N days with week-over-week changes (docs/api.md).
#pragma once

#include <QJsonObject>

#include "services/reviewtypes.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::Dashboard &dashboard);

} // namespace Proctor::Collector::Http::Json
