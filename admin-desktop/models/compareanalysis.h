// SPDX-License-Identifier: MIT
// Comparison of 2..6 sessions on the desktop with the shared engine: per-question trajectories prepared
// and aligned by DTW (warping path for the overlay), pairwise similarities, keystroke profiles and the
// fingerprint table. The models here feed the Compare view.
#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QColor>
#include <QPointF>

#include "analysis/dtw.h"
#include "analysis/trajectory.h"
#include "api/apitypes.h"

namespace Proctor::Admin::Models {

struct ComparedSession
{
    Api::SessionDetail detail;
    Api::Telemetry telemetry;
    QString label() const;
};

struct OverlayTrajectory
{
    QString sessionId;
    QString label;
    QColor color;
    std::vector<QPointF> points; // prepared (normalised) coordinates: centred, bounding-box diagonal 1
    Analysis::PreparationInfo info;
};

struct OverlayAlignment
{
    int a = 0; // index into OverlayData::trajectories
    int b = 0;
    Dtw::WarpingPath path;
    double distance = 0;
    double similarity = 0;
    bool approximate = false;
};

struct OverlayData
{
    QString questionId;
    QList<OverlayTrajectory> trajectories;
    QList<OverlayAlignment> alignments; // reference (first) against each other session
    bool isEmpty() const { return trajectories.isEmpty(); }
};

struct PairScore
{
    int a = 0;
    int b = 0;
    double questionSimilarity = -1; // the chosen question, -1 when one side has no trajectory there
    double meanSimilarity = -1;     // over the questions both have
    int questionsCompared = 0;
    double sameTypist = -1; // -1: not comparable
};

// The six series colours of the original comparison view.
QColor sessionColor(int index);

class CompareAnalysis final
{
public:
    enum class Mode
    {
        Exact,
        Approximate
    };

    void setSessions(const QList<ComparedSession> &sessions);
    const QList<ComparedSession> &sessions() const { return m_sessions; }
    QStringList
    questionIds() const; // questions with a trajectory in at least two sessions, in first-seen order

    OverlayData overlay(const QString &questionId, Mode mode = Mode::Approximate) const;
    QList<PairScore> pairScores(const QString &questionId) const;
    // Latency per question (ms) for each session, in the order of the first session's answers.
    QList<QList<QPointF>> latencySeries(QStringList *questionLabels = nullptr) const;

private:
    const Analysis::PreparedTrajectory *prepared(int session, const QString &questionId) const;

    QList<ComparedSession> m_sessions;
    // prepared trajectories per session, keyed by question id
    std::vector<std::vector<Analysis::PreparedTrajectory>> m_prepared;
};

class PairScoresModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SessionA,
        SessionB,
        QuestionSimilarity,
        MeanSimilarity,
        SameTypist,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ValueRole = Qt::UserRole + 1
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setScores(const QList<PairScore> &scores, const QStringList &labels);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PairScore> m_scores;
    QStringList m_labels;
};

// Attribute rows x session columns, last column "match"/"differs".
class FingerprintCompareModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum
    {
        AttributeColumn = 0
    }; // then one column per session, then the match column
    enum Role
    {
        MatchRole = Qt::UserRole + 1
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setSessions(const QList<ComparedSession> &sessions);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool rowMatches(int row) const;

private:
    QStringList m_keys;
    QStringList m_labels;
    QList<QStringList> m_values; // [row][session]
};

// Keystroke profile comparison: one row per aggregate / shared feature, mean ± MAD per session.
class KeystrokeCompareModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum
    {
        FeatureColumn = 0
    };
    enum Role
    {
        MeanRole = Qt::UserRole + 1
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setSessions(const QList<ComparedSession> &sessions);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_features;
    QStringList m_labels;
    QList<Analysis::KeystrokeProfile> m_profiles;
};

} // namespace Proctor::Admin::Models
