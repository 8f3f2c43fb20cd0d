// SPDX-License-Identifier: MIT
// The stored risk assessment of a session: computed by the single implementation (SessionRiskAssessor +
// shared/analysis/riskscore) and stored with the session (score, level, violations per type, time away,
// factor rows) in one transaction, so lists, filters, the dashboard, the detail and the reports read one
// value. Also the admin's risk settings, which change the rules and so re-assess every session.
#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QUuid>

#include <pqxx/pqxx>

#include "core/error.h"
#include "services/actor.h"
#include "services/risksettings.h"
#include "storage/assessmentrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
}
namespace Proctor::Collector::Live {
class Announcer;
}

namespace Proctor::Collector::Services {

using Storage::AssessmentRepository::StoredAssessment;

struct AssessmentOutcome
{
    QUuid sessionId;
    int score = 0;
    int level = 0;
    int previousLevel = 0;
    bool raised = false;  // became high: announced as risk_raised
    QStringList requeued; // related sessions queued because their relation to this one changed
};

struct RiskSettingsChange
{
    RiskRules rules;
    qint64 queued = 0; // sessions queued for re-assessment
};

class AssessmentService
{
public:
    // Related sessions are re-assessed this much later, so a burst of changes coalesces.
    static constexpr double kRelatedDelaySeconds = 2.0;

    AssessmentService(Storage::DbPool &db, Live::Announcer &announcer);

    // The stored assessment; assessed and stored first when the session never was. NotFound (id).
    QFuture<Expected<StoredAssessment>> risk(const QUuid &sessionId);
    // Assesses now and stores. NotFound (id).
    QFuture<Expected<AssessmentOutcome>> assess(const QUuid &sessionId);

    QFuture<Expected<RiskRules>> riskSettings();
    // Validates (ValidationFailed naming the JSON pointer), stores with a new settings version, audits
    // (`settings.risk`) and queues every session for re-assessment (the maintainer drains it).
    QFuture<Expected<RiskSettingsChange>> setRiskSettings(const Actor &actor, const QJsonObject &settings);

    // --- on a connection the caller holds (the maintainer, the CLI, the analysis reads) ---------------
    // Assesses with `rules`, stores in one transaction, queues related sessions whose relation changed,
    // and after the commit announces risk_raised through `announcer` (when not null) if the level rose to
    // high under the same rules (a rules change re-assessing thousands of sessions announces nothing).
    static Expected<AssessmentOutcome> assessAndStore(pqxx::connection &c, const QUuid &sessionId,
                                                      const RiskRules &rules, Live::Announcer *announcer);
    static Expected<StoredAssessment> storedOrAssess(pqxx::connection &c, const QUuid &sessionId,
                                                     Live::Announcer *announcer);
    // The stored shape of an assessment (factor evidence and any detail in `detail`).
    static StoredAssessment toStored(const Analysis::RiskAssessment &assessment, int rulesVersion);
    static QJsonObject factorDetail(const Analysis::RiskFactor &factor);

private:
    Storage::DbPool &m_db;
    Live::Announcer &m_announcer;
};

} // namespace Proctor::Collector::Services
