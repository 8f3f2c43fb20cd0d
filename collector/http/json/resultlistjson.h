// SPDX-License-Identifier: MIT
// GET /api/v1/results: a page of finished test sessions (docs/api.md).
#pragma once

#include <QJsonObject>

#include "services/reviewtypes.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::ResultList &list);

} // namespace Proctor::Collector::Http::Json
