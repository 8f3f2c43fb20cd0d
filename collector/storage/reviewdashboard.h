// SPDX-License-Identifier: MIT
// The dashboard's aggregates over the last N days, with the two 7-day windows its week-over-week changes
// compare (Services::ReviewService turns them into the dashboard).
#pragma once

#include <pqxx/pqxx>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Storage::ReviewDashboard {

// `days` in 1..366. One read-only snapshot for every figure.
DashboardAggregates read(pqxx::connection &c, int days);

} // namespace Proctor::Collector::Storage::ReviewDashboard
