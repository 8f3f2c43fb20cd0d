// SPDX-License-Identifier: MIT
#include "services/risksettings.h"

#include <QJsonValue>

#include "storage/assessmentrepository.h"

namespace Proctor::Collector::Services {
namespace {

using Analysis::RiskConfig;

struct Tunable
{
    const char *group; // "weights" | "thresholds"
    const char *name;
    double RiskConfig::*real = nullptr;
    int RiskConfig::*integer = nullptr;
    double min = 0;
    double max = 0;
};

// The limits keep every value meaningful: points within the 0..100 score, counts and times non-negative.
const Tunable kTunables[] = {
    {"weights", "focusLossPoints", &RiskConfig::focusLossPoints, nullptr, 0, 100},
    {"weights", "blurPoints", &RiskConfig::blurPoints, nullptr, 0, 100},
    {"weights", "printPoints", &RiskConfig::printPoints, nullptr, 0, 100},
    {"weights", "clipboardPoints", &RiskConfig::clipboardPoints, nullptr, 0, 100},
    {"weights", "fullscreenExitPoints", &RiskConfig::fullscreenExitPoints, nullptr, 0, 100},
    {"weights", "afterFinishPoints", &RiskConfig::afterFinishPoints, nullptr, 0, 100},
    {"weights", "mouseSimilarityPoints", &RiskConfig::mouseSimilarityPoints, nullptr, 0, 100},
    {"weights", "sameTypistPoints", &RiskConfig::sameTypistPoints, nullptr, 0, 100},
    {"weights", "overtimePoints", &RiskConfig::overtimePoints, nullptr, 0, 100},
    {"weights", "fastHighScorePoints", &RiskConfig::fastHighScorePoints, nullptr, 0, 100},
    {"weights", "answerSpeedPoints", &RiskConfig::answerSpeedPoints, nullptr, 0, 100},
    {"weights", "fastAttemptPoints", &RiskConfig::fastAttemptPoints, nullptr, 0, 100},
    {"weights", "attemptBurstPoints", &RiskConfig::attemptBurstPoints, nullptr, 0, 100},
    {"thresholds", "maxFocusLosses", nullptr, &RiskConfig::maxFocusLosses, 0, 10000},
    {"thresholds", "maxBlurMs", &RiskConfig::maxBlurMs, nullptr, 0, 86'400'000},
    {"thresholds", "maxPrintAttempts", nullptr, &RiskConfig::maxPrintAttempts, 0, 10000},
    {"thresholds", "maxClipboardAttempts", nullptr, &RiskConfig::maxClipboardAttempts, 0, 10000},
    {"thresholds", "maxFullscreenExits", nullptr, &RiskConfig::maxFullscreenExits, 0, 10000},
    {"thresholds", "mouseSimilarityThreshold", &RiskConfig::mouseSimilarityThreshold, nullptr, 0, 100},
    {"thresholds", "sameTypistThreshold", &RiskConfig::sameTypistThreshold, nullptr, 0, 100},
    {"thresholds", "overtimeGraceSeconds", &RiskConfig::overtimeGraceSeconds, nullptr, 0, 86400},
    {"thresholds", "fastHighScorePercent", &RiskConfig::fastHighScorePercent, nullptr, 0, 100},
    {"thresholds", "minStudySeconds", &RiskConfig::minStudySeconds, nullptr, 0, 86400},
    {"thresholds", "fastSecondsPerQuestion", &RiskConfig::fastSecondsPerQuestion, nullptr, 0, 3600},
    {"thresholds", "readBaseMs", &RiskConfig::readBaseMs, nullptr, 0, 600'000},
    {"thresholds", "readMsPerChar", &RiskConfig::readMsPerChar, nullptr, 0, 1000},
    {"thresholds", "minFastAnswers", nullptr, &RiskConfig::minFastAnswers, 1, 1000},
    {"thresholds", "attemptBurstWindowSeconds", &RiskConfig::attemptBurstWindowSeconds, nullptr, 60, 86400},
    {"thresholds", "shortAttemptSeconds", &RiskConfig::shortAttemptSeconds, nullptr, 0, 86400},
    {"thresholds", "nearEmptyAnswerFraction", &RiskConfig::nearEmptyAnswerFraction, nullptr, 0, 1},
    {"thresholds", "burstAttempts", nullptr, &RiskConfig::burstAttempts, 2, 10000},
    {"thresholds", "keyBurstAttempts", nullptr, &RiskConfig::keyBurstAttempts, 2, 10000},
    {"thresholds", "mediumFrom", &RiskConfig::mediumFrom, nullptr, 1, 100},
    {"thresholds", "highFrom", &RiskConfig::highFrom, nullptr, 1, 100},
};

Error invalid(const QString &pointer, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, pointer, 0};
}

// Applies one group's members to `config`; `strict` refuses what a lenient load skips.
Expected<void> applyGroup(RiskConfig &config, const QJsonValue &groupValue, const char *group, bool strict)
{
    const QString groupPointer = QLatin1Char('/') + QLatin1String(group);
    if (groupValue.isUndefined())
        return {};
    if (!groupValue.isObject()) {
        if (strict)
            return tl::unexpected(invalid(groupPointer, QStringLiteral("must be an object")));
        return {};
    }
    const QJsonObject o = groupValue.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString pointer = groupPointer + QLatin1Char('/') + it.key();
        const Tunable *t = nullptr;
        for (const Tunable &candidate : kTunables)
            if (QLatin1String(candidate.group) == QLatin1String(group) &&
                it.key() == QLatin1String(candidate.name))
                t = &candidate;
        if (!t) {
            if (strict)
                return tl::unexpected(invalid(pointer, QStringLiteral("unknown setting")));
            continue;
        }
        const QJsonValue v = it.value();
        const double d = v.toDouble();
        const bool ok = v.isDouble() && d >= t->min && d <= t->max && (!t->integer || d == double(qint64(d)));
        if (!ok) {
            if (strict)
                return tl::unexpected(
                    invalid(pointer, QStringLiteral("must be a%1 number from %2 to %3")
                                         .arg(t->integer ? QStringLiteral("n integer") : QString())
                                         .arg(t->min)
                                         .arg(t->max)));
            continue;
        }
        if (t->real)
            config.*(t->real) = d;
        else
            config.*(t->integer) = int(d);
    }
    return {};
}

Expected<RiskConfig> parseInto(const QJsonObject &json, bool strict)
{
    RiskConfig config;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key != QLatin1String("weights") && key != QLatin1String("thresholds") &&
            key != QLatin1String("targetFalseAlarmRate") && strict)
            return tl::unexpected(invalid(QLatin1Char('/') + key, QStringLiteral("unknown setting")));
    }
    for (const char *group : {"weights", "thresholds"})
        if (auto applied = applyGroup(config, json.value(QLatin1String(group)), group, strict); !applied)
            return tl::unexpected(applied.error());
    if (const QJsonValue rate = json.value(QLatin1String("targetFalseAlarmRate")); !rate.isUndefined()) {
        // Above 0 (a threshold nothing passes is no threshold) and at most 20 % (beyond that the factor
        // flags every fifth honest session and means nothing).
        if (rate.isDouble() && rate.toDouble() > 0 && rate.toDouble() <= 0.2)
            config.targetFalseAlarmRate = rate.toDouble();
        else if (strict)
            return tl::unexpected(invalid(QStringLiteral("/targetFalseAlarmRate"),
                                          QStringLiteral("must be a number above 0 and at most 0.2")));
    }
    if (config.mediumFrom >= config.highFrom) {
        if (strict)
            return tl::unexpected(invalid(QStringLiteral("/thresholds/highFrom"),
                                          QStringLiteral("must be above thresholds.mediumFrom")));
        const RiskConfig defaults;
        config.mediumFrom = defaults.mediumFrom;
        config.highFrom = defaults.highFrom;
    }
    return config;
}

} // namespace

QJsonObject RiskRules::toJson() const
{
    QJsonObject weights, thresholds;
    for (const Tunable &t : kTunables) {
        const double v = t.real ? config.*(t.real) : double(config.*(t.integer));
        (QLatin1String(t.group) == QLatin1String("weights") ? weights : thresholds)
            .insert(QLatin1String(t.name), v);
    }
    return QJsonObject{{QStringLiteral("weights"), weights},
                       {QStringLiteral("thresholds"), thresholds},
                       {QStringLiteral("targetFalseAlarmRate"), config.targetFalseAlarmRate}};
}

Expected<Analysis::RiskConfig> RiskRules::parse(const QJsonObject &json)
{
    return parseInto(json, true);
}

RiskRules RiskRules::load(pqxx::connection &c)
{
    const auto row = Storage::AssessmentRepository::riskSettings(c);
    RiskRules rules;
    rules.settingsVersion = row.version;
    rules.updatedAt = row.updatedAt;
    if (auto config = parseInto(row.value, false))
        rules.config = *config;
    return rules;
}

} // namespace Proctor::Collector::Services
