// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/abandoned: a page of sessions started and never finished (docs/api.md).
#pragma once

#include <QJsonObject>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::AbandonedPage &page);

} // namespace Proctor::Collector::Http::Json
