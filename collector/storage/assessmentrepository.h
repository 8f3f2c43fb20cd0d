// SPDX-License-Identifier: MIT
// The stored risk assessment (0006_session_assessment.sql): what the assessment reads besides the events
// and telemetry (the attempt's facts, nearby attempts), what it writes (columns on sessions and the factor
// rows), the assessment queue, and the risk settings the rules are configured with.
#pragma once

#include <optional>
#include <vector>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

#include "analysis/riskscore.h"

namespace Proctor::Collector::Storage::AssessmentRepository {

// --- inputs -------------------------------------------------------------------------------------------

// What the server recorded about the attempt itself (not its events).
struct AttemptFacts
{
    QString kind; // test | study
    QString testId;
    bool finished = false;
    bool closed = false; // finished, expired or abandoned
    double scorePercent = 0;
    double attemptSeconds = 0; // start to result (or to the last event for a closed attempt without one)
    QStringList questionIds;
    QHash<QString, QStringList> answers; // question -> chosen options
    QHash<QString, double> latencies;    // question -> ms, from the result telemetry
    double studySeconds = -1;            // < 0: the test has no study material or it is unknown
};
std::optional<AttemptFacts> attemptFacts(pqxx::connection &c, const QUuid &sessionId);

struct QuestionFacts
{
    std::size_t textChars = 0;
    QStringList correct;
};
QHash<QString, QuestionFacts> questionFacts(pqxx::connection &c, const QString &testId);

// Other attempts started from the same address, device or page key within `windowSeconds` of this one's
// start.
std::vector<Analysis::NearbyAttempt> nearbyAttempts(pqxx::connection &c, const QUuid &sessionId,
                                                    double windowSeconds, int limit);

// --- the stored assessment ----------------------------------------------------------------------------

struct StoredFactor
{
    QString reason;
    double points = 0;
    double observed = 0;
    double threshold = 0;
    QJsonObject detail; // count, eventIds, relatedSessionIds, questionIds, and whatever a factor adds
};

struct StoredAssessment
{
    int score = 0;
    int level = 0; // 0 low, 1 medium, 2 high
    QMap<QString, qint64> violations;
    qint64 violationCount = 0;
    qint64 awayMs = 0;
    qint64 eventCount = 0;
    QDateTime lastEventAt;
    QDateTime assessedAt; // invalid: never assessed
    int rulesVersion = 0;
    QList<StoredFactor> factors; // highest points first
};

// The previous assessment's level and rules, and the sessions its factors named.
struct PreviousAssessment
{
    bool assessed = false;
    int level = 0;
    int rulesVersion = 0;
    QStringList relatedSessionIds;
};
std::optional<PreviousAssessment> lockForAssessment(pqxx::work &tx, const QUuid &sessionId);

// Replaces the session's columns and factor rows; event_count and last_event_at are counted in `tx`.
void store(pqxx::work &tx, const QUuid &sessionId, const StoredAssessment &assessment);

// std::nullopt for an unknown session; assessedAt invalid when never assessed.
std::optional<StoredAssessment> stored(pqxx::connection &c, const QUuid &sessionId);

// --- the queue ----------------------------------------------------------------------------------------

// Sessions to (re-)assess after `delaySeconds` each (coalescing: an already queued session keeps its
// earlier due time). Unknown session ids are ignored.
void enqueue(pqxx::work &tx, const std::vector<QUuid> &ids, const std::vector<double> &delaySeconds);
void enqueue(pqxx::work &tx, const QStringList &ids, double delaySeconds);
// Takes up to `limit` due sessions off the queue (FOR UPDATE SKIP LOCKED: instances share the work) and
// commits, so a change arriving while they are assessed queues them again.
std::vector<QUuid> claimDue(pqxx::connection &c, int limit);
// Sessions started within `hours` whose last event is newer than their assessment (a change this instance
// noted in memory but had not queued when it stopped). Returns how many were queued.
int enqueueStale(pqxx::connection &c, int hours);
// Every session assessed with other rules than `rulesVersion`, due now. Returns how many were queued.
int enqueueOutdated(pqxx::connection &c, int rulesVersion);
qint64 queueLength(pqxx::connection &c);

// The next `limit` sessions (by id, after `afterId`) whose assessment_rules differ from `rulesVersion`.
std::vector<QUuid> outdated(pqxx::connection &c, int rulesVersion, const QUuid &afterId, int limit);
qint64 countOutdated(pqxx::connection &c, int rulesVersion);

// --- risk settings ------------------------------------------------------------------------------------

// The stored `risk` settings object and its version (0 and empty when never saved).
struct RiskSettingsRow
{
    QJsonObject value;
    int version = 0;
    QDateTime updatedAt;
};
RiskSettingsRow riskSettings(pqxx::connection &c);
RiskSettingsRow riskSettings(pqxx::work &tx);
// Stores `value` with the version one above the stored one; returns the new version.
int saveRiskSettings(pqxx::work &tx, const QJsonObject &value, qint64 adminId);

} // namespace Proctor::Collector::Storage::AssessmentRepository
