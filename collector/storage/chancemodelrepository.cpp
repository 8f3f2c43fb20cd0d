// SPDX-License-Identifier: MIT
// SQL of the chance models and of the random session samples behind them.
#include "storage/chancemodelrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "storage/analysisrepository.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::ChanceModelRepository {
namespace {

const char *kHasKeystrokes = "t.keystrokes NOT IN ('[]'::jsonb, '{}'::jsonb)";
const char *kHasMouse = "jsonb_typeof(t.mouse) = 'array' AND jsonb_array_length(t.mouse) > 0";

QJsonDocument parse(const pqxx::field &f)
{
    return f.is_null() ? QJsonDocument()
                       : QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>()));
}

std::string toJson(const Analysis::ChanceModelParams &p)
{
    QJsonArray quantiles;
    for (const double q : p.quantiles)
        quantiles.append(q);
    const QJsonObject o{{QStringLiteral("source"), QString::fromStdString(p.source)},
                        {QStringLiteral("pairs"), qint64(p.pairs)},
                        {QStringLiteral("tailCut"), p.tailCut},
                        {QStringLiteral("tailMass"), p.tailMass},
                        {QStringLiteral("shape"), p.shape},
                        {QStringLiteral("quantiles"), quantiles}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Analysis::ChanceModelParams fromJson(const QJsonObject &o)
{
    Analysis::ChanceModelParams p;
    p.source = o.value(QStringLiteral("source")).toString(QStringLiteral("prior")).toStdString();
    p.pairs = std::size_t(std::max<qint64>(0, o.value(QStringLiteral("pairs")).toInteger()));
    p.tailCut = o.value(QStringLiteral("tailCut")).toDouble(1.0);
    p.tailMass = o.value(QStringLiteral("tailMass")).toDouble(0.1);
    p.shape = o.value(QStringLiteral("shape")).toDouble(1.0);
    for (const auto &q : o.value(QStringLiteral("quantiles")).toArray())
        p.quantiles.push_back(q.toDouble());
    return p;
}

qint64 count(pqxx::connection &c, const QString &testId, const char *condition)
{
    pqxx::nontransaction tx(c);
    return tx
        .exec_params(
            std::string("SELECT count(*) FROM sessions s JOIN session_telemetry t ON t.session_id = s.id "
                        "WHERE s.test_id = $1 AND ") +
                condition,
            toStd(testId))[0][0]
        .as<qint64>();
}

} // namespace

std::optional<StoredChanceModel> load(pqxx::connection &c, const std::string &factor, const QString &testId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT params::text, population, extract(epoch FROM now() - checked_at) "
                                  "FROM chance_models WHERE factor = $1 AND test_id = $2",
                                  factor, toStd(testId));
    if (r.empty())
        return std::nullopt;
    return StoredChanceModel{fromJson(parse(r[0][0]).object()), r[0][1].as<qint64>(), r[0][2].as<double>()};
}

void save(pqxx::connection &c, const std::string &factor, const QString &testId,
          const Analysis::ChanceModelParams &params, qint64 population)
{
    pqxx::work tx(c);
    tx.exec_params(
        "INSERT INTO chance_models (factor, test_id, params, population) VALUES ($1, $2, $3::jsonb, $4) "
        "ON CONFLICT (factor, test_id) DO UPDATE SET params = EXCLUDED.params, "
        "population = EXCLUDED.population, fitted_at = now(), checked_at = now()",
        factor, toStd(testId), toJson(params), population);
    tx.commit();
}

void touch(pqxx::connection &c, const std::string &factor, const QString &testId)
{
    pqxx::work tx(c);
    tx.exec_params("UPDATE chance_models SET checked_at = now() WHERE factor = $1 AND test_id = $2", factor,
                   toStd(testId));
    tx.commit();
}

qint64 keystrokePopulation(pqxx::connection &c, const QString &testId)
{
    return count(c, testId, kHasKeystrokes);
}

qint64 mousePopulation(pqxx::connection &c, const QString &testId)
{
    return count(c, testId, kHasMouse);
}

std::vector<SampledKeystrokes> sampleKeystrokes(pqxx::connection &c, const QString &testId, int limit)
{
    pqxx::nontransaction tx(c);
    const auto r =
        tx.exec_params(std::string("SELECT s.candidate_id, t.keystrokes::text FROM session_telemetry t "
                                   "JOIN sessions s ON s.id = t.session_id WHERE s.test_id = $1 AND ") +
                           kHasKeystrokes + " ORDER BY random() LIMIT $2",
                       toStd(testId), limit);
    std::vector<SampledKeystrokes> out;
    out.reserve(r.size());
    for (const auto &row : r) {
        const QJsonDocument d = parse(row[1]);
        out.push_back({row[0].as<qint64>(),
                       AnalysisRepository::keystrokeSamplesFrom(d.isArray() ? QJsonValue(d.array())
                                                                            : QJsonValue(d.object()))});
    }
    return out;
}

std::vector<SampledTrajectory> sampleTrajectories(pqxx::connection &c, const QString &testId, int limit)
{
    pqxx::nontransaction tx(c);
    const auto r =
        tx.exec_params(std::string("SELECT s.candidate_id, t.mouse::text FROM session_telemetry t "
                                   "JOIN sessions s ON s.id = t.session_id WHERE s.test_id = $1 AND ") +
                           kHasMouse + " ORDER BY random() LIMIT $2",
                       toStd(testId), limit);
    std::vector<SampledTrajectory> out;
    for (const auto &row : r) {
        std::vector<Analysis::QuestionTrajectory> segments;
        for (const auto &seg : parse(row[1]).array()) {
            const QJsonObject o = seg.toObject();
            Analysis::QuestionTrajectory q;
            q.questionId = o.value(QStringLiteral("questionId")).toString().toStdString();
            for (const auto &p : o.value(QStringLiteral("points")).toArray()) {
                const QJsonArray xyt = p.toArray();
                if (xyt.size() >= 3)
                    q.points.push_back({xyt[0].toDouble(), xyt[1].toDouble(), xyt[2].toDouble()});
            }
            segments.push_back(std::move(q));
        }
        for (auto &q : Analysis::splitByQuestion(segments))
            out.push_back({row[0].as<qint64>(), std::move(q)});
    }
    return out;
}

} // namespace Proctor::Collector::Storage::ChanceModelRepository
