// SPDX-License-Identifier: MIT
// Path parameters several route files read, checked the same way everywhere (400 naming the parameter).
#pragma once

#include <QUuid>

#include "core/error.h"
#include "http/httprequest.h"

namespace Proctor::Collector::Http {

// The {id} of /api/v1/sessions/{id}/...: BadParameter ("id") unless it is a UUID.
Expected<QUuid> sessionIdParam(const HttpRequest &request);

} // namespace Proctor::Collector::Http
