// SPDX-License-Identifier: MIT
// Dashboard: stat cards with week-over-week change, completions per day, grade distribution,
// violations by type, pass rate.
#pragma once

#include "api/apitypes.h"
#include "views/view.h"

class QComboBox;
class QLabel;
class QChart;
class QChartView;
class QTableView;

namespace Proctor::Admin::Widgets {
class StatCard;
}
namespace Proctor::Admin::Models {
class PrecisionModel;
}

namespace Proctor::Admin::Views {

class DashboardView final : public View
{
    Q_OBJECT
public:
    DashboardView(const Services &services, QWidget *parent = nullptr);
    void activate() override;
    void setDashboard(const Api::Dashboard &dashboard);
    Widgets::StatCard *card(int index) const { return m_cards.value(index); }
    int chartCount() const { return static_cast<int>(m_charts.size()); }
    // 0 completions per day, 1 grade distribution, 2 violations by type, 3 pass rate per day.
    QChart *chart(int index) const;
    // Reviewer precision per risk factor over the same period (GET /review/precision?days=N).
    Models::PrecisionModel *precision() const { return m_precision; }
    QTableView *precisionTable() const { return m_precisionTable; }

public slots:
    void reload();

private:
    Services m_services;
    QComboBox *m_days;
    QLabel *m_status;
    QList<Widgets::StatCard *> m_cards;
    QList<QChartView *> m_charts;
    Models::PrecisionModel *m_precision;
    QTableView *m_precisionTable;
    QLabel *m_precisionStatus;
    bool m_loaded = false;
};

} // namespace Proctor::Admin::Views
