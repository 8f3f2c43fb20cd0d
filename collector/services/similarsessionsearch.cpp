// SPDX-License-Identifier: MIT
#include "services/similarsessionsearch.h"

#include "analysis/similarsearch.h"

namespace Proctor::Collector::Services {

namespace Repo = Storage::AnalysisRepository;

SimilarSessions SimilarSessionSearch::run(pqxx::connection &c, const SessionBrief &session,
                                          const QUuid &sessionId, const QString &onlyQuestion, std::size_t k,
                                          std::size_t minPoints)
{
    SimilarSessions out;
    for (const auto &q : Repo::mouse(c, sessionId)) {
        const QString qid = QString::fromStdString(q.questionId);
        if (!onlyQuestion.isEmpty() && qid != onlyQuestion)
            continue;
        const auto query = Analysis::prepareTrajectory(q);
        if (query.series.size() < std::max<std::size_t>(minPoints, 2))
            continue;
        const auto others =
            Repo::trajectoriesOfQuestion(c, session.testId, qid, sessionId, kCandidatesPerQuestion);
        std::vector<Analysis::SimilarCandidate> pool;
        pool.reserve(others.size());
        for (const auto &o : others) {
            auto series = Analysis::prepareTrajectory(o.trajectory).series;
            if (series.size() < minPoints)
                series = {}; // skipped by the search, and keeps the indices of `others`
            pool.push_back({o.session.sessionId.toStdString(), std::move(series)});
        }
        Analysis::SimilarSearchOptions options;
        options.k = k;
        const auto result = Analysis::SimilarSearch(query.series, options).run(pool);
        for (const auto &m : result.matches)
            out.matches.append(SimilarHit{others[m.index].session, qid, m.distance, m.similarity});
        out.stats.candidates += qint64(result.stats.candidates);
        out.stats.prunedByLowerBounds += qint64(result.stats.prunedByKim + result.stats.prunedByKeoghQuery +
                                                result.stats.prunedByKeoghCandidate);
        out.stats.abandoned += qint64(result.stats.abandoned);
        out.stats.completedDtw += qint64(result.stats.completed);
    }
    return out;
}

} // namespace Proctor::Collector::Services
