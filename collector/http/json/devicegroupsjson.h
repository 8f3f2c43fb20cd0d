// SPDX-License-Identifier: MIT
// GET /api/v1/fingerprints/groups: devices with their sessions and candidates, and candidates seen on
// several devices (docs/api.md).
#pragma once

#include <QJsonObject>

#include "services/analysistypes.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::DeviceGroups &groups);

} // namespace Proctor::Collector::Http::Json
