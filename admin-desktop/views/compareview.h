// SPDX-License-Identifier: MIT
// Compare 2..6 sessions: per-question trajectories over each other with DTW warping-path lines and a
// similarity readout (local, instant), "precise on server", latency, keystroke profiles, fingerprints.
#pragma once

#include "models/compareanalysis.h"
#include "views/view.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class QTabWidget;
class QChartView;

namespace Proctor::Admin::Widgets {
class TrajectoryOverlayWidget;
}

namespace Proctor::Admin::Views {

class CompareView final : public View
{
    Q_OBJECT
public:
    CompareView(const Services &services, QWidget *parent = nullptr);

    void compare(const QStringList &sessionIds);
    void setSessions(const QList<Models::ComparedSession> &sessions);
    QStringList sessionIds() const { return m_ids; }
    Widgets::TrajectoryOverlayWidget *overlay() const { return m_overlay; }
    QComboBox *questionBox() const { return m_question; }
    Models::PairScoresModel *pairScores() const { return m_pairs; }
    Models::FingerprintCompareModel *fingerprints() const { return m_fingerprints; }
    Models::KeystrokeCompareModel *keystrokes() const { return m_keystrokes; }
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("comparison"); }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }

public slots:
    void preciseOnServer();

private:
    void refreshOverlay();
    void updateLatency();

    Services m_services;
    QStringList m_ids;
    quint64 m_generation = 0;
    Models::CompareAnalysis m_analysis;
    Models::PairScoresModel *m_pairs;
    Models::FingerprintCompareModel *m_fingerprints;
    Models::KeystrokeCompareModel *m_keystrokes;
    QLabel *m_status;
    QLabel *m_server;
    QComboBox *m_question;
    QComboBox *m_mode;
    QCheckBox *m_paths;
    Widgets::TrajectoryOverlayWidget *m_overlay;
    QTableView *m_pairTable;
    QChartView *m_latency;
    QTabWidget *m_tabs;
};

} // namespace Proctor::Admin::Views
