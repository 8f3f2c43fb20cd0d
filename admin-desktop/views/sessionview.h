// SPDX-License-Identifier: MIT
// One session: identity, score, answers with correctness, the zoomable event timeline, per-question
// latency, violation summary and the risk score whose evidence links to timeline items.
#pragma once

#include <QHash>
#include <QSet>

#include "views/view.h"

class QLabel;
class QListWidget;
class QTableView;
class QTabWidget;
class QChartView;
class QToolButton;

namespace Proctor::Admin::Models {
class SessionDocument;
}
namespace Proctor::Admin::Widgets {
class ReviewPanel;
class TimelineWidget;
} // namespace Proctor::Admin::Widgets

class QPushButton;

namespace Proctor::Admin::Views {

class SessionView final : public View
{
    Q_OBJECT
public:
    SessionView(const Services &services, QWidget *parent = nullptr);

    void openSession(const QString &sessionId);
    QString sessionId() const;
    Models::SessionDocument *document() const { return m_document; }
    Widgets::TimelineWidget *timeline() const { return m_timeline; }
    Widgets::ReviewPanel *reviewPanel() const { return m_review; }
    QTableView *riskTable() const { return m_riskTable; }
    QTableView *eventsTable() const { return m_eventsTable; }
    QListWidget *relatedList() const { return m_related; }
    // The related sessions listed for the selected risk factor ("Candidate, date").
    QStringList relatedSessionLabels() const;
    // Opens the `index`-th listed related session (what a double-click does).
    void openRelated(int index);
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override;

public slots:
    void exportPdf(const QString &path = {});
    // Everything stored about this session's candidate (a subject-access request), as the collector's JSON
    // export, streamed to `path` (asked for when empty). Administrators only.
    void exportCandidateData(const QString &path = {});
    void selectRiskFactor(int row);

signals:
    void compareSessions(const QStringList &sessionIds);
    void findSimilar(const QString &sessionId);
    void message(const QString &text);
    void candidateDataExported(const QString &path); // empty when it failed

private:
    void updateHeader();
    void updateLatencyChart();
    // Names the sessions the risk factors point at: one GET /sessions/{id} each, remembered.
    void loadRelatedLabels();
    void showRelated(int row);

    Services m_services;
    Models::SessionDocument *m_document;
    QLabel *m_title;
    QLabel *m_identity;
    QLabel *m_score;
    QLabel *m_source;
    QPushButton *m_candidateData;
    QLabel *m_riskScore;
    QLabel *m_violations;
    Widgets::ReviewPanel *m_review;
    Widgets::TimelineWidget *m_timeline;
    QTableView *m_riskTable;
    QTableView *m_answersTable;
    QTableView *m_eventsTable;
    QChartView *m_latencyChart;
    QTabWidget *m_tabs;
    QLabel *m_relatedTitle = nullptr;
    QListWidget *m_related = nullptr;
    QSet<QString> m_labelRequested;
    QHash<QString, QString> m_relatedLabels;
};

} // namespace Proctor::Admin::Views
