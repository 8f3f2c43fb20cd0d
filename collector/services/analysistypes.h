// SPDX-License-Identifier: MIT
// What AnalysisService is asked and answers. The numbers come from shared/analysis unchanged; these
// structs only carry them with the sessions and candidates they belong to.
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

#include "analysis/dtw.h"
#include "analysis/keystrokes.h"
#include "analysis/trajectory.h"
#include "storage/analysisrepository.h"

namespace Proctor::Collector::Services {

using Storage::AnalysisRepository::SessionBrief;

// POST /analysis/mouse: the two sessions' trajectories per question they share.
struct MouseComparisonRequest
{
    QUuid sessionA;
    QUuid sessionB;
    QString questionId; // empty: every shared question
    double band = 0;    // Sakoe-Chiba band as a fraction 0..1 of the length; 0: no band
};

struct QuestionAlignment
{
    QString questionId;
    Analysis::PreparedTrajectory a;
    Analysis::PreparedTrajectory b;
    Dtw::Result alignment; // exact DTW with the warping path
};

struct MouseComparison
{
    QList<QuestionAlignment> questions; // in the order of session A's questions
};

// POST /analysis/mouse/similar: the most similar trajectories among the same test's other sessions.
struct SimilarSessionsRequest
{
    QUuid sessionId;
    int k = 10;         // per question, 1..100
    QString questionId; // empty: every question of the session
};

struct SimilarHit
{
    SessionBrief session; // the other session
    QString questionId;
    double distance = 0;
    double similarity = 0;
};

// The search's work summed over the questions: what the lower bounds and early abandoning saved.
struct SimilarSearchTotals
{
    qint64 candidates = 0;
    qint64 prunedByLowerBounds = 0;
    qint64 abandoned = 0;
    qint64 completedDtw = 0;
};

struct SimilarSessions
{
    QList<SimilarHit> matches; // closest first
    SimilarSearchTotals stats;
};

// POST /analysis/keyboard.
struct KeyboardComparisonRequest
{
    QUuid sessionA;
    QUuid sessionB;
};

struct FeatureMean
{
    qint64 count = 0;
    double meanMs = 0;
};

// A session's typing in the overall-rhythm features ("dwell:*", "flight:*", "digraph:*").
struct KeystrokeSummary
{
    qint64 keystrokes = 0;
    QMap<QString, FeatureMean> features;
};

struct KeyboardComparison
{
    Analysis::SameTypistScore score;
    KeystrokeSummary a;
    KeystrokeSummary b;
};

// GET /fingerprints/groups.
struct DeviceCandidate
{
    qint64 id = 0;
    QString name; // "Last First Middle"
};

struct DeviceGroup
{
    QString hash;
    QStringList sessionIds;            // sorted
    QList<DeviceCandidate> candidates; // sorted by id as text
    bool sharedByCandidates = false;   // one device, several candidates
};

struct MultiDeviceCandidate
{
    DeviceCandidate candidate;
    QStringList hashes; // sorted
};

struct DeviceGroups
{
    QList<DeviceGroup> groups; // sorted by hash
    QList<MultiDeviceCandidate> multiDeviceCandidates;
};

} // namespace Proctor::Collector::Services
