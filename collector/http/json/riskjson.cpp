// SPDX-License-Identifier: MIT
#include "http/json/riskjson.h"

#include <algorithm>

#include <QJsonArray>

#include "http/json/timestampjson.h"

namespace Proctor::Collector::Http::Json {
QJsonObject toJson(const Analysis::RiskAssessment &risk)
{
    QJsonArray factors;
    for (const auto &f : risk.factors) {
        // The same members as a stored factor's (one encoding of the evidence).
        QJsonObject o = Services::AssessmentService::factorDetail(f);
        o.insert(QStringLiteral("reason"), QString::fromStdString(f.reasonKey));
        o.insert(QStringLiteral("points"), f.points);
        o.insert(QStringLiteral("observed"), f.observed);
        o.insert(QStringLiteral("threshold"), f.threshold);
        factors.append(o);
    }
    return QJsonObject{{QStringLiteral("score"), risk.score},
                       {QStringLiteral("level"), QLatin1String(Analysis::riskLevelName(risk.level))},
                       {QStringLiteral("totalBlurMs"), risk.totalBlurMs},
                       {QStringLiteral("focusLosses"), qint64(risk.focusLosses)},
                       {QStringLiteral("factors"), factors}};
}

QJsonObject toJson(const Services::StoredAssessment &risk)
{
    static const char *const kLevels[] = {"low", "medium", "high"};
    QJsonArray factors;
    for (const auto &f : risk.factors) {
        QJsonObject o = f.detail;
        o.insert(QStringLiteral("reason"), f.reason);
        o.insert(QStringLiteral("points"), f.points);
        o.insert(QStringLiteral("observed"), f.observed);
        o.insert(QStringLiteral("threshold"), f.threshold);
        factors.append(o);
    }
    QJsonObject violations;
    for (auto it = risk.violations.begin(); it != risk.violations.end(); ++it)
        violations.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("score"), risk.score},
                       {QStringLiteral("level"), QLatin1String(kLevels[std::clamp(risk.level, 0, 2)])},
                       {QStringLiteral("totalBlurMs"), risk.awayMs},
                       {QStringLiteral("focusLosses"), risk.violations.value(QStringLiteral("focus_loss"))},
                       {QStringLiteral("violations"), violations},
                       {QStringLiteral("violationCount"), risk.violationCount},
                       {QStringLiteral("eventCount"), risk.eventCount},
                       {QStringLiteral("lastEventAt"), timestampJson(risk.lastEventAt)},
                       {QStringLiteral("assessedAt"), timestampJson(risk.assessedAt)},
                       {QStringLiteral("rulesVersion"), risk.rulesVersion},
                       {QStringLiteral("factors"), factors}};
}

QJsonObject toJson(const Services::RiskRules &rules)
{
    QJsonObject o = rules.toJson();
    o.insert(QStringLiteral("version"), rules.settingsVersion);
    o.insert(QStringLiteral("rulesVersion"), rules.version());
    o.insert(QStringLiteral("updatedAt"), timestampJson(rules.updatedAt));
    return o;
}

QJsonObject toJson(const Services::RiskSettingsChange &change)
{
    QJsonObject o = toJson(change.rules);
    o.insert(QStringLiteral("queued"), change.queued);
    return o;
}

} // namespace Proctor::Collector::Http::Json
