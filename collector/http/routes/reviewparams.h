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
inline constexpr int kMaxListItems = 100;

// How GET /api/v1/results/export.csv writes: ',' (default) or ';' with a UTF-8 byte order mark, which is
// what Excel in a Russian locale opens correctly (sep=semicolon, or locale=ru without sep).
struct CsvFormat
{
    bool semicolon = false;
};

struct AbandonedQuery
{
    QString kind = QStringLiteral("test"); // test | study
    int idleMinutes = 0;                   // 0..525600 (a year)
};

// test (comma list), from, to, passed, q, risk (comma list of low|medium|high), review (comma list of
// unreviewed|cleared|violation|second_look), fingerprint, sort (finished|score|risk|duration|candidate),
// order (asc|desc).
Expected<Storage::ResultFilter> resultFilter(const HttpRequest &request);
Expected<CsvFormat> csvFormat(const HttpRequest &request);           // sep (comma|semicolon), locale
Expected<AbandonedQuery> abandonedQuery(const HttpRequest &request); // kind, idleMinutes
Expected<Storage::CertificateFilter>
certificateFilter(const HttpRequest &request);            // year, month, sort, order
Expected<int> dashboardDays(const HttpRequest &request);  // days: 1..366, default 30
Expected<QString> searchText(const HttpRequest &request); // q: 2..200 characters

} // namespace Proctor::Collector::Http::ReviewParams
