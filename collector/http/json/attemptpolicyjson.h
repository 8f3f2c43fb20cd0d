// SPDX-License-Identifier: MIT
// The wire shape of a test's attempt policy (PUT /api/v1/tests/{id}/attempt-policy, body and answer):
// {"maxAttempts": 3, "minSecondsBetweenAttempts": 0, "disclosure": "passFail"}.
#pragma once

#include <QJsonObject>

#include "contract/testdefinition.h"
#include "core/error.h"

namespace Proctor::Collector::Http::Json {

// Type checks (400 naming the member); absent members take the defaults. The ranges are the service's.
Expected<Contract::AttemptPolicy> parseAttemptPolicy(const QJsonObject &body);
QJsonObject toJson(const Contract::AttemptPolicy &policy);

} // namespace Proctor::Collector::Http::Json
