// SPDX-License-Identifier: MIT
// GET /api/v1/search: candidates, sessions and certificates matching a text (docs/api.md).
#pragma once

#include <QJsonObject>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::SearchHits &hits);

} // namespace Proctor::Collector::Http::Json
