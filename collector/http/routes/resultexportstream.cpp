// SPDX-License-Identifier: MIT
#include "http/routes/resultexportstream.h"

#include "http/json/resultcsv.h"
#include "services/reviewservice.h"

namespace Proctor::Collector::Http {

ResultExportStream::ResultExportStream(Services::ReviewService &reviews, Storage::ResultFilter filter,
                                       bool semicolon)
    : m_reviews(reviews), m_state(std::make_shared<State>())
{
    m_state->filter = std::move(filter);
    m_state->semicolon = semicolon;
}

void ResultExportStream::next(Sink sink)
{
    if (m_state->done) {
        sink(QByteArray()); // the end
        return;
    }
    Storage::PageRequest page;
    page.limit = kPageRows;
    page.after = m_state->after;
    // The continuation runs where the page was read (a database thread) and touches the state only there;
    // the connection asks for the next piece after this one arrived, so the two never overlap.
    m_reviews.results(m_state->filter, page)
        .then([state = m_state, sink](Expected<Services::ResultList> list) {
            if (!list) {
                sink(tl::unexpected(list.error()));
                return;
            }
            QByteArray piece;
            if (!state->headWritten) {
                piece = Json::ResultCsv::head(state->semicolon);
                state->headWritten = true;
            }
            piece += Json::ResultCsv::rows(*list, state->semicolon);
            if (list->nextCursor.isEmpty())
                state->done = true;
            else
                state->after = Storage::ReviewCursor::decode(list->nextCursor);
            // Empty only when the rows of a later page were deleted meanwhile: that is the end too.
            sink(std::move(piece));
        });
}

} // namespace Proctor::Collector::Http
