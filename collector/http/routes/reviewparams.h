// SPDX-License-Identifier: MIT
// The query and path parameters of the review endpoints, checked before any database work: each either
// yields a value the repository can use as it is or a BadParameter error naming the parameter (400).
// Kept apart from the routes so the query fuzzer (tests/fuzz/fuzz_query.cpp) runs the same code.
#pragma once

#include <QString>

#include "core/error.h"
#include "http/httprequest.h"
#include "storage/reviewrepository.h"

namespace Proctor::Collector::Http::ReviewParams {

inline constexpr int kMaxSearchLength = 200;

struct AbandonedQuery
{
    QString kind = QStringLiteral("test"); // test | study
    int idleMinutes = 0;                   // 0..525600 (a year)
};

Expected<Storage::ResultFilter>
resultFilter(const HttpRequest &request); // test, from, to, passed, q, risk, fingerprint, sort
Expected<AbandonedQuery> abandonedQuery(const HttpRequest &request); // kind, idleMinutes
Expected<Storage::CertificateFilter>
certificateFilter(const HttpRequest &request);            // year, month, sort, order
Expected<int> dashboardDays(const HttpRequest &request);  // days: 1..366, default 30
Expected<QString> searchText(const HttpRequest &request); // q: 2..200 characters

} // namespace Proctor::Collector::Http::ReviewParams
