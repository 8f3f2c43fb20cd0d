// SPDX-License-Identifier: MIT
#include "http/json/riskjson.h"

#include <QJsonArray>

namespace Proctor::Collector::Http::Json {
namespace {

QJsonArray stringsJson(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const auto &s : v)
        a.append(QString::fromStdString(s));
    return a;
}

} // namespace

QJsonObject toJson(const Analysis::RiskAssessment &risk)
{
    QJsonArray factors;
    for (const auto &f : risk.factors) {
        QJsonObject o{{QStringLiteral("reason"), QString::fromStdString(f.reasonKey)},
                      {QStringLiteral("points"), f.points},
                      {QStringLiteral("observed"), f.observed},
                      {QStringLiteral("threshold"), f.threshold},
                      {QStringLiteral("count"), qint64(f.count)},
                      {QStringLiteral("eventIds"), stringsJson(f.eventIds)},
                      {QStringLiteral("relatedSessionIds"), stringsJson(f.relatedSessionIds)},
                      {QStringLiteral("questionIds"), stringsJson(f.questionIds)}};
        // Cross-session factors: the closest match and how likely such a match is by chance.
        if (f.comparisons > 0 || f.notEnoughData) {
            o.insert(QStringLiteral("matchedSessionId"), QString::fromStdString(f.matchedSessionId));
            o.insert(QStringLiteral("chancePerComparison"), f.chancePerComparison);
            o.insert(QStringLiteral("comparisons"), qint64(f.comparisons));
            o.insert(QStringLiteral("notEnoughData"), f.notEnoughData);
        }
        factors.append(o);
    }
    return QJsonObject{{QStringLiteral("score"), risk.score},
                       {QStringLiteral("level"), QLatin1String(Analysis::riskLevelName(risk.level))},
                       {QStringLiteral("totalBlurMs"), risk.totalBlurMs},
                       {QStringLiteral("focusLosses"), qint64(risk.focusLosses)},
                       {QStringLiteral("factors"), factors}};
}

} // namespace Proctor::Collector::Http::Json
