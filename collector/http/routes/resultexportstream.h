// SPDX-License-Identifier: MIT
// The body of GET /api/v1/results/export.csv: the whole filtered results list, read one keyset page at a
// time through Services::ReviewService (the same filters, sort and rows as the JSON list) and written as CSV
// as the client takes it (http/bodystream.h). Memory is one page, whatever the size of the set; each page is
// its own short query, so no database connection or snapshot is held while the client reads. Rows committed
// during the export may or may not appear (as when paging the list by hand); none appears twice.
#pragma once

#include <memory>

#include "http/bodystream.h"
#include "storage/reviewrepository.h"

namespace Proctor::Collector::Services {
class ReviewService;
}

namespace Proctor::Collector::Http {

class ResultExportStream final : public BodyStream
{
public:
    static constexpr int kPageRows = 500;

    ResultExportStream(Services::ReviewService &reviews, Storage::ResultFilter filter, bool semicolon);
    void next(Sink sink) override;

private:
    struct State
    {
        Storage::ResultFilter filter;
        bool semicolon = false;
        bool headWritten = false;
        bool done = false;
        std::optional<QJsonArray> after; // the cursor of the next page
    };
    Services::ReviewService &m_reviews;
    std::shared_ptr<State> m_state;
};

} // namespace Proctor::Collector::Http
