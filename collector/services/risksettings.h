// SPDX-License-Identifier: MIT
// The risk rules an administrator can tune (weights, thresholds, the cross-session false-alarm target):
// a named subset of Analysis::RiskConfig with limits, stored as the `risk` settings object. The rules
// version that stored assessments carry combines the code's rules (Analysis::kRiskRulesVersion) with the
// settings' own version, so a change re-assesses every session.
#pragma once

#include <pqxx/pqxx>

#include <QDateTime>
#include <QJsonObject>

#include "analysis/riskscore.h"
#include "core/error.h"

namespace Proctor::Collector::Services {

struct RiskRules
{
    Analysis::RiskConfig config;
    int settingsVersion = 0; // 0: the defaults, never changed
    QDateTime updatedAt;

    // What stored assessments record in assessment_rules.
    int version() const { return rulesVersion(settingsVersion); }
    static int rulesVersion(int settingsVersion)
    {
        return Analysis::kRiskRulesVersion * 100000 + settingsVersion;
    }

    // Every tunable value by its wire name ("weights": {...}, "thresholds": {...}, "targetFalseAlarmRate").
    QJsonObject toJson() const;
    // Validates a PUT body: known members only, numbers within their limits; the absent ones keep the
    // defaults. ValidationFailed naming the JSON pointer (/weights/printPoints, /targetFalseAlarmRate, ...).
    static Expected<Analysis::RiskConfig> parse(const QJsonObject &json);

    // The stored rules (the defaults when none were saved; stored values that no longer validate are
    // ignored member by member rather than stopping assessments).
    static RiskRules load(pqxx::connection &c);
};

} // namespace Proctor::Collector::Services
