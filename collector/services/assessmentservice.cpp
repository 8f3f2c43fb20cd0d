// SPDX-License-Identifier: MIT
#include "services/assessmentservice.h"

#include <QJsonArray>
#include <QSet>

#include "live/announcer.h"
#include "services/sessionriskassessor.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

namespace Repo = Storage::AssessmentRepository;

QJsonArray strings(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const auto &s : v)
        a.append(QString::fromStdString(s));
    return a;
}

int levelNumber(Analysis::RiskLevel level)
{
    return level == Analysis::RiskLevel::High ? 2 : level == Analysis::RiskLevel::Medium ? 1 : 0;
}

QStringList relatedOf(const StoredAssessment &a)
{
    QSet<QString> ids;
    for (const auto &f : a.factors)
        for (const auto &id : f.detail.value(QStringLiteral("relatedSessionIds")).toArray())
            ids.insert(id.toString());
    QStringList out(ids.begin(), ids.end());
    out.sort();
    return out;
}

} // namespace

AssessmentService::AssessmentService(Storage::DbPool &db, Live::Announcer &announcer)
    : m_db(db), m_announcer(announcer)
{
}

QJsonObject AssessmentService::factorDetail(const Analysis::RiskFactor &f)
{
    QJsonObject o{{QStringLiteral("count"), qint64(f.count)},
                  {QStringLiteral("eventIds"), strings(f.eventIds)},
                  {QStringLiteral("relatedSessionIds"), strings(f.relatedSessionIds)},
                  {QStringLiteral("questionIds"), strings(f.questionIds)}};
    // Cross-session factors: the closest match and how likely such a match is by chance (what the proctor
    // reads as "1 in N comparisons").
    if (f.comparisons > 0 || f.notEnoughData) {
        o.insert(QStringLiteral("matchedSessionId"), QString::fromStdString(f.matchedSessionId));
        o.insert(QStringLiteral("chancePerComparison"), f.chancePerComparison);
        o.insert(QStringLiteral("comparisons"), qint64(f.comparisons));
        o.insert(QStringLiteral("notEnoughData"), f.notEnoughData);
    }
    return o;
}

StoredAssessment AssessmentService::toStored(const Analysis::RiskAssessment &a, int rulesVersion)
{
    StoredAssessment out;
    out.score = int(std::lround(a.score));
    out.level = levelNumber(a.level);
    for (const auto &[type, count] : a.violations) {
        out.violations.insert(QString::fromStdString(type), qint64(count));
        out.violationCount += qint64(count);
    }
    out.awayMs = qint64(std::llround(a.totalBlurMs)); // the C++ definition of time away
    out.rulesVersion = rulesVersion;
    for (const auto &f : a.factors)
        out.factors.append(
            {QString::fromStdString(f.reasonKey), f.points, f.observed, f.threshold, factorDetail(f)});
    return out;
}

Expected<AssessmentOutcome> AssessmentService::assessAndStore(pqxx::connection &c, const QUuid &sessionId,
                                                              const RiskRules &rules,
                                                              Live::Announcer *announcer)
{
    const auto assessed = SessionRiskAssessor::assess(c, sessionId, rules.config);
    if (!assessed)
        return tl::unexpected(assessed.error());
    const StoredAssessment next = toStored(*assessed, rules.version());

    pqxx::work tx(c);
    const auto previous = Repo::lockForAssessment(tx, sessionId);
    if (!previous)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    Repo::store(tx, sessionId, next);

    // A relation that appeared or disappeared changes the other session's evidence too.
    const QStringList now = relatedOf(next);
    QStringList changed;
    for (const QString &id : now)
        if (!previous->relatedSessionIds.contains(id))
            changed.append(id);
    for (const QString &id : previous->relatedSessionIds)
        if (!now.contains(id))
            changed.append(id);
    Repo::enqueue(tx, changed, kRelatedDelaySeconds);
    tx.commit();

    AssessmentOutcome out;
    out.sessionId = sessionId;
    out.score = next.score;
    out.level = next.level;
    out.previousLevel = previous->assessed ? previous->level : 0;
    out.requeued = changed;
    const bool sameRules = !previous->assessed || previous->rulesVersion == rules.version();
    out.raised = next.level == 2 && out.previousLevel < 2 && sameRules;
    if (out.raised && announcer)
        announcer->announce(Contract::RiskRaised{sessionId, next.score, next.level, out.previousLevel});
    return out;
}

Expected<StoredAssessment> AssessmentService::storedOrAssess(pqxx::connection &c, const QUuid &sessionId,
                                                             Live::Announcer *announcer)
{
    auto stored = Repo::stored(c, sessionId);
    if (!stored)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    if (stored->assessedAt.isValid())
        return *stored;
    if (auto done = assessAndStore(c, sessionId, RiskRules::load(c), announcer); !done)
        return tl::unexpected(done.error());
    stored = Repo::stored(c, sessionId);
    if (!stored)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    return *stored;
}

QFuture<Expected<StoredAssessment>> AssessmentService::risk(const QUuid &sessionId)
{
    return m_db.run<StoredAssessment>(
        [this, sessionId](pqxx::connection &c) { return storedOrAssess(c, sessionId, &m_announcer); });
}

QFuture<Expected<AssessmentOutcome>> AssessmentService::assess(const QUuid &sessionId)
{
    return m_db.run<AssessmentOutcome>([this, sessionId](pqxx::connection &c) {
        return assessAndStore(c, sessionId, RiskRules::load(c), &m_announcer);
    });
}

QFuture<Expected<RiskRules>> AssessmentService::riskSettings()
{
    return m_db.run<RiskRules>([](pqxx::connection &c) -> Expected<RiskRules> { return RiskRules::load(c); });
}

QFuture<Expected<RiskSettingsChange>> AssessmentService::setRiskSettings(const Actor &actor,
                                                                         const QJsonObject &settings)
{
    const auto config = RiskRules::parse(settings);
    if (!config)
        return QtFuture::makeReadyFuture<Expected<RiskSettingsChange>>(tl::unexpected(config.error()));
    return m_db.run<RiskSettingsChange>([actor, config = *config](
                                            pqxx::connection &c) -> Expected<RiskSettingsChange> {
        RiskSettingsChange out;
        out.rules.config = config;
        const QJsonObject stored = out.rules.toJson();
        {
            pqxx::work tx(c);
            out.rules.settingsVersion = Repo::saveRiskSettings(tx, stored, actor.admin ? actor.admin->id : 0);
            Storage::AuditLog::record(
                tx, actor.audit(QStringLiteral("settings.risk"), QStringLiteral("risk"),
                                QJsonObject{{QStringLiteral("version"), out.rules.settingsVersion},
                                            {QStringLiteral("settings"), stored}}));
            tx.commit();
        }
        // Outside the settings transaction: queueing every session is one statement per instance of
        // work, and a failure here leaves the settings saved (the reassess command catches up).
        out.queued = Repo::enqueueOutdated(c, out.rules.version());
        out.rules = RiskRules::load(c);
        return out;
    });
}

} // namespace Proctor::Collector::Services
