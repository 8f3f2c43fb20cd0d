// SPDX-License-Identifier: MIT
// The analysis endpoints: thin glue between stored telemetry (AnalysisRepository) and the shared engine
// (shared/analysis), so the server and the desktop compute the same numbers the same way.
#include "http/routes/analysisroutes.h"

#include <QJsonArray>

#include "analysis/dtw.h"
#include "analysis/similarsearch.h"
#include "http/pathparams.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "storage/analysisrepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Http {
namespace {

using Storage::AnalysisRepository::SessionBrief;
namespace Repo = Storage::AnalysisRepository;

constexpr int kSimilarCandidatesPerQuestion = 10000;
constexpr int kKeystrokeComparisons = 200;

const QString kSimilarityDefinition =
    QStringLiteral("similarity = 100 * exp(-d / (max(n, m) * 0.1)), d = exact DTW distance (Euclidean point "
                   "cost) between the "
                   "two trajectories after resampling to 16 ms and normalising (centroid origin, "
                   "bounding-box diagonal scale)");

Expected<QUuid> uuidField(const QJsonObject &body, const QString &name)
{
    const QUuid id = QUuid::fromString(body.value(name).toString());
    if (id.isNull())
        return makeError(ErrorCode::BadParameter, QStringLiteral("%1 must be a session id (UUID)").arg(name),
                         QLatin1Char('/') + name);
    return id;
}

// The two session ids of a pairwise comparison body, or the first error.
Expected<std::pair<QUuid, QUuid>> sessionPair(const Expected<QJsonObject> &body)
{
    if (!body)
        return tl::unexpected(body.error());
    const auto a = uuidField(*body, QStringLiteral("sessionA"));
    if (!a)
        return tl::unexpected(a.error());
    const auto b = uuidField(*body, QStringLiteral("sessionB"));
    if (!b)
        return tl::unexpected(b.error());
    return std::pair{*a, *b};
}

QJsonArray seriesJson(const Dtw::Series &s)
{
    QJsonArray out;
    for (size_t i = 0; i < s.x.size(); ++i)
        out.append(QJsonArray{std::round(s.x[i] * 1e4) / 1e4, std::round(s.y[i] * 1e4) / 1e4});
    return out;
}

QJsonObject preparationJson(const Analysis::PreparationInfo &p)
{
    return QJsonObject{{QStringLiteral("inputPoints"), qint64(p.inputPoints)},
                       {QStringLiteral("outputPoints"), qint64(p.outputPoints)},
                       {QStringLiteral("resampleIntervalMs"), p.effectiveIntervalMs},
                       {QStringLiteral("firstStrokeOnly"), p.firstStrokeOnly},
                       {QStringLiteral("normalisation"), QStringLiteral("centroid, bounding-box diagonal")},
                       {QStringLiteral("degenerate"), p.degenerate}};
}

QJsonObject briefJson(const SessionBrief &b)
{
    return QJsonObject{
        {QStringLiteral("sessionId"), b.sessionId},
        {QStringLiteral("candidate"), QJsonObject{{QStringLiteral("id"), double(b.candidateId)},
                                                  {QStringLiteral("name"), b.candidateName}}}};
}

// Top-k similar trajectories per question of `sessionId` among the same test's other sessions.
struct SimilarHit
{
    SessionBrief other;
    std::string questionId;
    double distance;
    double similarity;
};

std::vector<SimilarHit> similarSessions(pqxx::connection &c, const SessionBrief &session,
                                        const QUuid &sessionId, const QString &onlyQuestion, size_t k,
                                        QJsonObject *stats)
{
    std::vector<SimilarHit> hits;
    size_t candidates = 0, pruned = 0, abandoned = 0, completed = 0;
    for (const auto &q : Repo::mouse(c, sessionId)) {
        const QString qid = QString::fromStdString(q.questionId);
        if (!onlyQuestion.isEmpty() && qid != onlyQuestion)
            continue;
        const auto query = Analysis::prepareTrajectory(q);
        if (query.series.size() < 2)
            continue;
        const auto others =
            Repo::trajectoriesOfQuestion(c, session.testId, qid, sessionId, kSimilarCandidatesPerQuestion);
        std::vector<Analysis::SimilarCandidate> pool;
        pool.reserve(others.size());
        for (const auto &o : others)
            pool.push_back(
                {o.session.sessionId.toStdString(), Analysis::prepareTrajectory(o.trajectory).series});
        Analysis::SimilarSearchOptions options;
        options.k = k;
        const auto result = Analysis::SimilarSearch(query.series, options).run(pool);
        for (const auto &m : result.matches)
            hits.push_back({others[m.index].session, q.questionId, m.distance, m.similarity});
        candidates += result.stats.candidates;
        pruned +=
            result.stats.prunedByKim + result.stats.prunedByKeoghQuery + result.stats.prunedByKeoghCandidate;
        abandoned += result.stats.abandoned;
        completed += result.stats.completed;
    }
    if (stats)
        *stats = QJsonObject{{QStringLiteral("candidates"), qint64(candidates)},
                             {QStringLiteral("prunedByLowerBounds"), qint64(pruned)},
                             {QStringLiteral("abandoned"), qint64(abandoned)},
                             {QStringLiteral("completedDtw"), qint64(completed)}};
    return hits;
}

Expected<QJsonObject> compareMouse(pqxx::connection &c, const QUuid &a, const QUuid &b,
                                   const QString &onlyQuestion, double band)
{
    if (!Repo::sessionBrief(c, a) || !Repo::sessionBrief(c, b))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("/sessionA"));
    const auto mouseA = Repo::mouse(c, a);
    const auto mouseB = Repo::mouse(c, b);
    QJsonArray questions;
    for (const auto &qa : mouseA) {
        const QString qid = QString::fromStdString(qa.questionId);
        if (!onlyQuestion.isEmpty() && qid != onlyQuestion)
            continue;
        const auto qb = std::find_if(mouseB.begin(), mouseB.end(),
                                     [&](const auto &t) { return t.questionId == qa.questionId; });
        if (qb == mouseB.end())
            continue;
        const auto pa = Analysis::prepareTrajectory(qa);
        const auto pb = Analysis::prepareTrajectory(*qb);
        if (pa.series.size() < 1 || pb.series.size() < 1)
            continue;
        const Dtw::Result r =
            Dtw::align(pa.series, pb.series, band > 0 ? Dtw::Band::fraction(band) : Dtw::Band::none());
        QJsonArray path;
        for (const auto &step : r.path)
            path.append(QJsonArray{qint64(step.i), qint64(step.j)});
        questions.append(QJsonObject{
            {QStringLiteral("questionId"), qid},
            {QStringLiteral("distance"), r.distance},
            {QStringLiteral("similarity"), r.similarity},
            {QStringLiteral("approximate"), r.approximate},
            {QStringLiteral("preparation"), QJsonObject{{QStringLiteral("a"), preparationJson(pa.info)},
                                                        {QStringLiteral("b"), preparationJson(pb.info)}}},
            {QStringLiteral("a"), seriesJson(pa.series)},
            {QStringLiteral("b"), seriesJson(pb.series)},
            {QStringLiteral("path"), path}});
    }
    return QJsonObject{{QStringLiteral("similarityDefinition"), kSimilarityDefinition},
                       {QStringLiteral("questions"), questions}};
}

QJsonObject riskJson(const Analysis::RiskAssessment &risk)
{
    QJsonArray factors;
    for (const auto &f : risk.factors) {
        auto strings = [](const std::vector<std::string> &v) {
            QJsonArray a;
            for (const auto &s : v)
                a.append(QString::fromStdString(s));
            return a;
        };
        factors.append(QJsonObject{{QStringLiteral("reason"), QString::fromStdString(f.reasonKey)},
                                   {QStringLiteral("points"), f.points},
                                   {QStringLiteral("observed"), f.observed},
                                   {QStringLiteral("threshold"), f.threshold},
                                   {QStringLiteral("count"), qint64(f.count)},
                                   {QStringLiteral("eventIds"), strings(f.eventIds)},
                                   {QStringLiteral("relatedSessionIds"), strings(f.relatedSessionIds)},
                                   {QStringLiteral("questionIds"), strings(f.questionIds)}});
    }
    return QJsonObject{{QStringLiteral("score"), risk.score},
                       {QStringLiteral("level"), QLatin1String(Analysis::riskLevelName(risk.level))},
                       {QStringLiteral("totalBlurMs"), risk.totalBlurMs},
                       {QStringLiteral("focusLosses"), qint64(risk.focusLosses)},
                       {QStringLiteral("factors"), factors}};
}

Expected<QJsonObject> assessSession(pqxx::connection &c, const QUuid &id)
{
    const auto brief = Repo::sessionBrief(c, id);
    if (!brief)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    Analysis::RiskInput input;
    input.events = Repo::riskEvents(c, id);
    input.overtimeSeconds = Repo::overtimeSeconds(c, id);
    for (const auto &hit : similarSessions(c, *brief, id, {}, 3, nullptr))
        if (hit.other.candidateId != brief->candidateId)
            input.mouseHits.push_back({hit.other.sessionId.toStdString(), hit.questionId, hit.similarity});
    const auto keys = Repo::keystrokes(c, id);
    if (!keys.empty()) {
        const auto own = Analysis::KeystrokeProfile::fromSamples(Analysis::extractKeystrokeFeatures(keys));
        for (const auto &other :
             Repo::keystrokesOfOtherCandidates(c, brief->testId, brief->candidateId, kKeystrokeComparisons)) {
            const auto score = Analysis::sameTypist(
                own, Analysis::KeystrokeProfile::fromSamples(Analysis::extractKeystrokeFeatures(other.keys)));
            if (score.comparable)
                input.keystrokeHits.push_back({other.session.sessionId.toStdString(), score.score});
        }
    }
    return riskJson(Analysis::assessRisk(input));
}

template <typename Work> void runJob(AdminContext &ctx, const Responder &res, Work work)
{
    ctx.db.run<QJsonObject>(std::move(work)).then([res](Expected<QJsonObject> out) {
        res.send(out ? HttpResponse::json(200, *out) : HttpResponse::error(out.error()));
    });
}

} // namespace

void registerAnalysisRoutes(Router &router, AdminContext &ctx)
{
    using Auth::AdminRole;

    router.add("POST", QStringLiteral("/api/v1/analysis/mouse"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                           const auto body = adminJsonBody(req);
                           const auto pair = sessionPair(body);
                           if (!pair) {
                               res.send(HttpResponse::error(pair.error()));
                               return;
                           }
                           const auto [a, b] = *pair;
                           const QString question = body->value(QStringLiteral("questionId")).toString();
                           const double band = body->value(QStringLiteral("band")).toDouble(0);
                           if (band < 0 || band > 1) {
                               res.send(HttpResponse::error({ErrorCode::BadParameter,
                                                             QStringLiteral("band is a fraction 0..1"),
                                                             QStringLiteral("/band"), 0}));
                               return;
                           }
                           runJob(ctx, res, [a, b, question, band](pqxx::connection &c) {
                               return compareMouse(c, a, b, question, band);
                           });
                       });
               });

    router.add(
        "POST", QStringLiteral("/api/v1/analysis/mouse/similar"),
        [&ctx](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                const auto body = adminJsonBody(req);
                const auto id =
                    body ? uuidField(*body, QStringLiteral("sessionId")) : tl::unexpected(body.error());
                if (!id) {
                    res.send(HttpResponse::error(id.error()));
                    return;
                }
                const int k = body->value(QStringLiteral("k")).toInt(10);
                if (k < 1 || k > 100) {
                    res.send(HttpResponse::error({ErrorCode::BadParameter, QStringLiteral("k must be 1..100"),
                                                  QStringLiteral("/k"), 0}));
                    return;
                }
                const QString question = body->value(QStringLiteral("questionId")).toString();
                runJob(ctx, res, [id = *id, k, question](pqxx::connection &c) -> Expected<QJsonObject> {
                    const auto brief = Repo::sessionBrief(c, id);
                    if (!brief)
                        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"),
                                         QStringLiteral("/sessionId"));
                    QJsonObject stats;
                    auto hits = similarSessions(c, *brief, id, question, size_t(k), &stats);
                    std::sort(hits.begin(), hits.end(), [](const SimilarHit &x, const SimilarHit &y) {
                        return x.distance < y.distance;
                    });
                    QJsonArray matches;
                    for (const auto &h : hits) {
                        QJsonObject m = briefJson(h.other);
                        m.insert(QStringLiteral("questionId"), QString::fromStdString(h.questionId));
                        m.insert(QStringLiteral("distance"), h.distance);
                        m.insert(QStringLiteral("similarity"), h.similarity);
                        matches.append(m);
                    }
                    return QJsonObject{{QStringLiteral("matches"), matches},
                                       {QStringLiteral("stats"), stats},
                                       {QStringLiteral("similarityDefinition"), kSimilarityDefinition}};
                });
            });
        });

    router.add(
        "POST", QStringLiteral("/api/v1/analysis/keyboard"),
        [&ctx](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                const auto pair = sessionPair(adminJsonBody(req));
                if (!pair) {
                    res.send(HttpResponse::error(pair.error()));
                    return;
                }
                runJob(ctx, res,
                       [a = pair->first, b = pair->second](pqxx::connection &c) -> Expected<QJsonObject> {
                           if (!Repo::sessionBrief(c, a) || !Repo::sessionBrief(c, b))
                               return makeError(ErrorCode::NotFound, QStringLiteral("no such session"),
                                                QStringLiteral("/sessionA"));
                           const auto ka = Repo::keystrokes(c, a);
                           const auto kb = Repo::keystrokes(c, b);
                           const auto score = Analysis::sameTypist(ka, kb);
                           auto summary = [](const std::vector<Analysis::Keystroke> &keys) {
                               QJsonObject features;
                               for (const auto &[name, values] : Analysis::extractKeystrokeFeatures(keys)) {
                                   if (name.back() != '*')
                                       continue; // the overall rhythm; per-key features are in the profile
                                   double sum = 0;
                                   for (double v : values)
                                       sum += v;
                                   features.insert(
                                       QString::fromStdString(name),
                                       QJsonObject{{QStringLiteral("count"), qint64(values.size())},
                                                   {QStringLiteral("meanMs"),
                                                    values.empty() ? 0.0 : sum / double(values.size())}});
                               }
                               return QJsonObject{{QStringLiteral("keystrokes"), qint64(keys.size())},
                                                  {QStringLiteral("features"), features}};
                           };
                           return QJsonObject{
                               {QStringLiteral("sameTypistScore"), score.score},
                               {QStringLiteral("comparable"), score.comparable},
                               {QStringLiteral("distance"), score.distance},
                               {QStringLiteral("sharedFeatures"), qint64(score.sharedFeatures)},
                               {QStringLiteral("a"), summary(ka)},
                               {QStringLiteral("b"), summary(kb)}};
                       });
            });
        });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/risk"),
               [&ctx](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(
                       req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                           const auto id = sessionIdParam(req);
                           if (!id) {
                               res.send(HttpResponse::error(id.error()));
                               return;
                           }
                           runJob(ctx, res, [id = *id](pqxx::connection &c) { return assessSession(c, id); });
                       });
               });

    router.add(
        "GET", QStringLiteral("/api/v1/fingerprints/groups"),
        [&ctx](const HttpRequest &req, const Responder &res) {
            ctx.guard.withAdmin(req, res, AdminRole::Proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                const bool onlyFlagged = req.queryValue(QStringLiteral("flagged")) == QLatin1String("true");
                runJob(ctx, res, [onlyFlagged](pqxx::connection &c) -> Expected<QJsonObject> {
                    const auto data = Repo::deviceRows(c);
                    const auto report = Analysis::groupDevices(data.rows);
                    auto candidate = [&](const std::string &key) {
                        const QString k = QString::fromStdString(key);
                        return QJsonObject{{QStringLiteral("id"), k.toDouble()},
                                           {QStringLiteral("name"), data.candidateNames.value(k)}};
                    };
                    QJsonArray groups;
                    for (const auto &g : report.groups) {
                        if (onlyFlagged && !g.sharedByCandidates)
                            continue;
                        QJsonArray candidates, sessions;
                        for (const auto &k : g.candidateKeys)
                            candidates.append(candidate(k));
                        for (const auto &s : g.sessionIds)
                            sessions.append(QString::fromStdString(s));
                        QJsonArray flags;
                        if (g.sharedByCandidates)
                            flags.append(QStringLiteral("several_candidates"));
                        groups.append(
                            QJsonObject{{QStringLiteral("hash"), QString::fromStdString(g.fingerprintHash)},
                                        {QStringLiteral("sessionCount"), qint64(g.sessionIds.size())},
                                        {QStringLiteral("sessionIds"), sessions},
                                        {QStringLiteral("candidates"), candidates},
                                        {QStringLiteral("flags"), flags}});
                    }
                    QJsonArray multi;
                    for (size_t i : report.multiDeviceCandidates) {
                        const auto &cd = report.candidates[i];
                        QJsonArray hashes;
                        for (const auto &h : cd.fingerprintHashes)
                            hashes.append(QString::fromStdString(h));
                        multi.append(QJsonObject{{QStringLiteral("candidate"), candidate(cd.candidateKey)},
                                                 {QStringLiteral("hashes"), hashes}});
                    }
                    return QJsonObject{{QStringLiteral("groups"), groups},
                                       {QStringLiteral("multiDeviceCandidates"), multi}};
                });
            });
        });
}

} // namespace Proctor::Collector::Http
