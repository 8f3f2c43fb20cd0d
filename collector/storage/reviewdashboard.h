// SPDX-License-Identifier: MIT
// Dashboard statistics over the last N days, with week-over-week changes (the admin home screen).
#pragma once

#include <pqxx/pqxx>

#include <QJsonObject>

namespace Proctor::Collector::Storage::ReviewDashboard {

// `days` in 1..366. Shape in docs/api.md (GET /api/v1/dashboard).
QJsonObject compute(pqxx::connection &c, int days);

} // namespace Proctor::Collector::Storage::ReviewDashboard
