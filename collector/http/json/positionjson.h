// SPDX-License-Identifier: MIT
// The wire shape of the registration form's positions (GET and PUT /api/v1/positions):
// {"positions": ["Начальник отдела", …], "allowOther": false}.
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "storage/positionrepository.h"

namespace Proctor::Collector::Http::Json {

// Type checks (400 naming the member); `allowOther` defaults to false. Lengths and duplicates are the
// service's.
Expected<Storage::PositionList> parsePositionList(const QJsonObject &body);
QJsonObject toJson(const Storage::PositionList &list);

} // namespace Proctor::Collector::Http::Json
