// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/{id}/events: a page of a session's timeline (docs/api.md).
#pragma once

#include <QJsonObject>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::TimelinePage &page);

} // namespace Proctor::Collector::Http::Json
