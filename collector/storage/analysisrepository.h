// SPDX-License-Identifier: MIT
// Reads what the analysis endpoints feed the shared engine: mouse and keystroke telemetry, a session's
// events for the risk score, and the session/device rows for fingerprint groups.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QUuid>

#include "analysis/devicegroups.h"
#include "analysis/keystrokes.h"
#include "analysis/riskscore.h"
#include "analysis/trajectory.h"

namespace Proctor::Collector::Storage::AnalysisRepository {

struct SessionBrief
{
    QString sessionId;
    QString testId;
    qint64 candidateId = 0;
    QString candidateName;
};

std::optional<SessionBrief> sessionBrief(pqxx::connection &c, const QUuid &sessionId);
// Mouse telemetry per question; empty when the session has none.
std::vector<Analysis::QuestionTrajectory> mouse(pqxx::connection &c, const QUuid &sessionId);
// Keystroke timing features (dwell per key, flight and digraph per key pair, with the "*" aggregates);
// empty when the session has none.
Analysis::KeystrokeSamples keystrokes(pqxx::connection &c, const QUuid &sessionId);
// A stored `keystrokes` value -> features: the contract's timing lists
// ({"dwell": {code: [ms]}, "flight": {"A>B": [ms]}, "digraph": {"A>B": [ms]}}), or a row stored before
// that contract (an ordered [{code, downMs, upMs}] list), whose features are extracted here.
Analysis::KeystrokeSamples keystrokeSamplesFrom(const QJsonValue &stored);

struct OtherTrajectory
{
    SessionBrief session;
    Analysis::QuestionTrajectory trajectory;
};
// The same question's trajectories from other sessions of the same test, newest first.
std::vector<OtherTrajectory> trajectoriesOfQuestion(pqxx::connection &c, const QString &testId,
                                                    const QString &questionId, const QUuid &excludeSession,
                                                    int limit);

struct OtherKeystrokes
{
    SessionBrief session;
    Analysis::KeystrokeSamples keys;
};
// Keystrokes of recent sessions of the same test by other candidates.
std::vector<OtherKeystrokes> keystrokesOfOtherCandidates(pqxx::connection &c, const QString &testId,
                                                         qint64 candidateId, int limit);

std::vector<Analysis::RiskEvent> riskEvents(pqxx::connection &c, const QUuid &sessionId);
// Seconds the session finished after its test's time limit (ReviewSql::overtimeSecondsExpression).
double overtimeSeconds(pqxx::connection &c, const QUuid &sessionId);

struct DeviceRows
{
    std::vector<Analysis::DeviceSessionRow> rows;
    QHash<QString, QString> candidateNames; // candidate key -> "Last First Middle"
};
// onlyFlaggable: just the sessions of devices and candidates that can carry a flag.
DeviceRows deviceRows(pqxx::connection &c, bool onlyFlaggable);

} // namespace Proctor::Collector::Storage::AnalysisRepository
