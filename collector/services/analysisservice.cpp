// SPDX-License-Identifier: MIT
#include "services/analysisservice.h"

#include <algorithm>

#include "analysis/devicegroups.h"
#include "services/similarsessionsearch.h"
#include "storage/analysisrepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

namespace Repo = Storage::AnalysisRepository;

template <typename T> QFuture<Expected<T>> refused(const QString &message, const QString &field)
{
    return QtFuture::makeReadyFuture<Expected<T>>(
        tl::unexpected(Error{ErrorCode::BadParameter, message, field, 0}));
}

Error noSuchSession(const QString &field)
{
    return Error{ErrorCode::NotFound, QStringLiteral("no such session"), field, 0};
}

// The overall rhythm of a session's typing; per-key features are only in the profile comparison.
KeystrokeSummary summarise(const Analysis::KeystrokeSamples &samples)
{
    KeystrokeSummary out;
    // Keys pressed: every timed key has a dwell; rows stored without dwell still have their digraphs.
    const auto dwell = samples.find("dwell:*");
    const auto digraph = samples.find("digraph:*");
    out.keystrokes = qint64(std::max(dwell == samples.end() ? 0 : dwell->second.size(),
                                     digraph == samples.end() ? 0 : digraph->second.size() + 1));
    for (const auto &[name, values] : samples) {
        if (name.back() != '*')
            continue;
        double sum = 0;
        for (double v : values)
            sum += v;
        out.features.insert(
            QString::fromStdString(name),
            FeatureMean{qint64(values.size()), values.empty() ? 0.0 : sum / double(values.size())});
    }
    return out;
}

MouseComparison compareTrajectories(pqxx::connection &c, const MouseComparisonRequest &r)
{
    const auto mouseA = Repo::mouse(c, r.sessionA);
    const auto mouseB = Repo::mouse(c, r.sessionB);
    MouseComparison out;
    for (const auto &qa : mouseA) {
        const QString qid = QString::fromStdString(qa.questionId);
        if (!r.questionId.isEmpty() && qid != r.questionId)
            continue;
        const auto qb = std::find_if(mouseB.begin(), mouseB.end(),
                                     [&](const auto &t) { return t.questionId == qa.questionId; });
        if (qb == mouseB.end())
            continue;
        QuestionAlignment q{qid, Analysis::prepareTrajectory(qa), Analysis::prepareTrajectory(*qb), {}};
        if (q.a.series.size() < 1 || q.b.series.size() < 1)
            continue;
        q.alignment =
            Dtw::align(q.a.series, q.b.series, r.band > 0 ? Dtw::Band::fraction(r.band) : Dtw::Band::none());
        out.questions.append(std::move(q));
    }
    return out;
}

DeviceGroups groupDevices(pqxx::connection &c, bool onlyShared)
{
    const auto data = Repo::deviceRows(c, onlyShared);
    const auto report = Analysis::groupDevices(data.rows);
    auto candidate = [&](const std::string &key) {
        const QString k = QString::fromStdString(key);
        return DeviceCandidate{k.toLongLong(), data.candidateNames.value(k)};
    };
    DeviceGroups out;
    for (const auto &g : report.groups) {
        if (onlyShared && !g.sharedByCandidates)
            continue;
        DeviceGroup group;
        group.hash = QString::fromStdString(g.fingerprintHash);
        for (const auto &s : g.sessionIds)
            group.sessionIds.append(QString::fromStdString(s));
        for (const auto &k : g.candidateKeys)
            group.candidates.append(candidate(k));
        group.sharedByCandidates = g.sharedByCandidates;
        out.groups.append(std::move(group));
    }
    for (std::size_t i : report.multiDeviceCandidates) {
        const auto &cd = report.candidates[i];
        MultiDeviceCandidate m{candidate(cd.candidateKey), {}};
        for (const auto &h : cd.fingerprintHashes)
            m.hashes.append(QString::fromStdString(h));
        out.multiDeviceCandidates.append(std::move(m));
    }
    return out;
}

} // namespace

AnalysisService::AnalysisService(Storage::DbPool &db, Storage::DbPool &reads) : m_db(db), m_reads(reads) {}

QString AnalysisService::similarityDefinition()
{
    return QStringLiteral(
        "similarity = 100 * exp(-d / (max(n, m) * 0.1)), d = exact DTW distance (Euclidean point "
        "cost) between the "
        "two trajectories after resampling to 16 ms and normalising (centroid origin, "
        "bounding-box diagonal scale)");
}

QFuture<Expected<MouseComparison>> AnalysisService::compareMouse(const MouseComparisonRequest &request)
{
    if (request.band < 0 || request.band > 1)
        return refused<MouseComparison>(QStringLiteral("band is a fraction 0..1"), QStringLiteral("/band"));
    return m_reads.run<MouseComparison>([request](pqxx::connection &c) -> Expected<MouseComparison> {
        if (!Repo::sessionBrief(c, request.sessionA) || !Repo::sessionBrief(c, request.sessionB))
            return tl::unexpected(noSuchSession(QStringLiteral("/sessionA")));
        return compareTrajectories(c, request);
    });
}

QFuture<Expected<SimilarSessions>> AnalysisService::similarSessions(const SimilarSessionsRequest &request)
{
    if (request.k < 1 || request.k > 100)
        return refused<SimilarSessions>(QStringLiteral("k must be 1..100"), QStringLiteral("/k"));
    return m_reads.run<SimilarSessions>([request](pqxx::connection &c) -> Expected<SimilarSessions> {
        const auto brief = Repo::sessionBrief(c, request.sessionId);
        if (!brief)
            return tl::unexpected(noSuchSession(QStringLiteral("/sessionId")));
        SimilarSessions out = SimilarSessionSearch::run(c, *brief, request.sessionId, request.questionId,
                                                        std::size_t(request.k));
        std::sort(out.matches.begin(), out.matches.end(),
                  [](const SimilarHit &x, const SimilarHit &y) { return x.distance < y.distance; });
        return out;
    });
}

QFuture<Expected<KeyboardComparison>>
AnalysisService::compareKeyboard(const KeyboardComparisonRequest &request)
{
    return m_reads.run<KeyboardComparison>([request](pqxx::connection &c) -> Expected<KeyboardComparison> {
        if (!Repo::sessionBrief(c, request.sessionA) || !Repo::sessionBrief(c, request.sessionB))
            return tl::unexpected(noSuchSession(QStringLiteral("/sessionA")));
        const auto ka = Repo::keystrokes(c, request.sessionA);
        const auto kb = Repo::keystrokes(c, request.sessionB);
        return KeyboardComparison{Analysis::sameTypist(Analysis::KeystrokeProfile::fromSamples(ka),
                                                       Analysis::KeystrokeProfile::fromSamples(kb)),
                                  summarise(ka), summarise(kb)};
    });
}

QFuture<Expected<StoredAssessment>> AnalysisService::sessionRisk(const QUuid &sessionId)
{
    // Read-only use case: a first assessment made here is stored (the one implementation) but not
    // announced; the maintainer announces rises as data arrives.
    return m_db.run<StoredAssessment>([sessionId](pqxx::connection &c) {
        return AssessmentService::storedOrAssess(c, sessionId, nullptr);
    });
}

QFuture<Expected<DeviceGroups>> AnalysisService::deviceGroups(bool onlyShared)
{
    return m_reads.run<DeviceGroups>(
        [onlyShared](pqxx::connection &c) -> Expected<DeviceGroups> { return groupDevices(c, onlyShared); });
}

} // namespace Proctor::Collector::Services
