// SPDX-License-Identifier: MIT
#include "http/json/analysisjson.h"

#include <cmath>

#include <QJsonArray>

#include "services/analysisservice.h"

namespace Proctor::Collector::Http::Json {
namespace {

Expected<QUuid> uuidField(const QJsonObject &body, const QString &name)
{
    const QUuid id = QUuid::fromString(body.value(name).toString());
    if (id.isNull())
        return makeError(ErrorCode::BadParameter, QStringLiteral("%1 must be a session id (UUID)").arg(name),
                         QLatin1Char('/') + name);
    return id;
}

// The two session ids of a pairwise comparison, or the first error.
Expected<std::pair<QUuid, QUuid>> sessionPair(const QJsonObject &body)
{
    const auto a = uuidField(body, QStringLiteral("sessionA"));
    if (!a)
        return tl::unexpected(a.error());
    const auto b = uuidField(body, QStringLiteral("sessionB"));
    if (!b)
        return tl::unexpected(b.error());
    return std::pair{*a, *b};
}

// Prepared coordinates at 1e-4 of the bounding-box diagonal: finer than anything drawn, and a third of
// the bytes.
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

QJsonObject alignmentJson(const Services::QuestionAlignment &q)
{
    QJsonArray path;
    for (const auto &step : q.alignment.path)
        path.append(QJsonArray{qint64(step.i), qint64(step.j)});
    return QJsonObject{
        {QStringLiteral("questionId"), q.questionId},
        {QStringLiteral("distance"), q.alignment.distance},
        {QStringLiteral("similarity"), q.alignment.similarity},
        {QStringLiteral("approximate"), q.alignment.approximate},
        {QStringLiteral("preparation"), QJsonObject{{QStringLiteral("a"), preparationJson(q.a.info)},
                                                    {QStringLiteral("b"), preparationJson(q.b.info)}}},
        {QStringLiteral("a"), seriesJson(q.a.series)},
        {QStringLiteral("b"), seriesJson(q.b.series)},
        {QStringLiteral("path"), path}};
}

QJsonObject summaryJson(const Services::KeystrokeSummary &s)
{
    QJsonObject features;
    for (auto it = s.features.begin(); it != s.features.end(); ++it)
        features.insert(it.key(), QJsonObject{{QStringLiteral("count"), it->count},
                                              {QStringLiteral("meanMs"), it->meanMs}});
    return QJsonObject{{QStringLiteral("keystrokes"), s.keystrokes}, {QStringLiteral("features"), features}};
}

} // namespace

Expected<Services::MouseComparisonRequest> parseMouseComparison(const QJsonObject &body)
{
    const auto pair = sessionPair(body);
    if (!pair)
        return tl::unexpected(pair.error());
    return Services::MouseComparisonRequest{pair->first, pair->second,
                                            body.value(QStringLiteral("questionId")).toString(),
                                            body.value(QStringLiteral("band")).toDouble(0)};
}

Expected<Services::SimilarSessionsRequest> parseSimilarSessions(const QJsonObject &body)
{
    const auto id = uuidField(body, QStringLiteral("sessionId"));
    if (!id)
        return tl::unexpected(id.error());
    return Services::SimilarSessionsRequest{*id, body.value(QStringLiteral("k")).toInt(10),
                                            body.value(QStringLiteral("questionId")).toString()};
}

Expected<Services::KeyboardComparisonRequest> parseKeyboardComparison(const QJsonObject &body)
{
    const auto pair = sessionPair(body);
    if (!pair)
        return tl::unexpected(pair.error());
    return Services::KeyboardComparisonRequest{pair->first, pair->second};
}

QJsonObject toJson(const Services::MouseComparison &comparison)
{
    QJsonArray questions;
    for (const Services::QuestionAlignment &q : comparison.questions)
        questions.append(alignmentJson(q));
    return QJsonObject{
        {QStringLiteral("similarityDefinition"), Services::AnalysisService::similarityDefinition()},
        {QStringLiteral("questions"), questions}};
}

QJsonObject toJson(const Services::SimilarSessions &similar)
{
    QJsonArray matches;
    for (const Services::SimilarHit &h : similar.matches)
        matches.append(QJsonObject{
            {QStringLiteral("sessionId"), h.session.sessionId},
            {QStringLiteral("candidate"), QJsonObject{{QStringLiteral("id"), double(h.session.candidateId)},
                                                      {QStringLiteral("name"), h.session.candidateName}}},
            {QStringLiteral("questionId"), h.questionId},
            {QStringLiteral("distance"), h.distance},
            {QStringLiteral("similarity"), h.similarity}});
    const Services::SimilarSearchTotals &s = similar.stats;
    return QJsonObject{
        {QStringLiteral("matches"), matches},
        {QStringLiteral("stats"), QJsonObject{{QStringLiteral("candidates"), s.candidates},
                                              {QStringLiteral("prunedByLowerBounds"), s.prunedByLowerBounds},
                                              {QStringLiteral("abandoned"), s.abandoned},
                                              {QStringLiteral("completedDtw"), s.completedDtw}}},
        {QStringLiteral("similarityDefinition"), Services::AnalysisService::similarityDefinition()}};
}

QJsonObject toJson(const Services::KeyboardComparison &c)
{
    return QJsonObject{{QStringLiteral("sameTypistScore"), c.score.score},
                       {QStringLiteral("comparable"), c.score.comparable},
                       {QStringLiteral("distance"), c.score.distance},
                       {QStringLiteral("sharedFeatures"), qint64(c.score.sharedFeatures)},
                       {QStringLiteral("a"), summaryJson(c.a)},
                       {QStringLiteral("b"), summaryJson(c.b)}};
}

} // namespace Proctor::Collector::Http::Json
