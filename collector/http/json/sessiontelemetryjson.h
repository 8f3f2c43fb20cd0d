// SPDX-License-Identifier: MIT
// GET /api/v1/sessions/{id}/telemetry: the telemetry stored with the result (docs/api.md).
#pragma once

#include <QJsonObject>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::TelemetryRecord &telemetry);

} // namespace Proctor::Collector::Http::Json
