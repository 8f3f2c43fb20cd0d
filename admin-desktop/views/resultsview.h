// SPDX-License-Identifier: MIT
// Results: the large table with server-side filters, sorting, keyset paging, multi-select.
#pragma once

#include "views/view.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace Proctor::Admin::Models {
class ResultsModel;
}

namespace Proctor::Admin::Views {

class ResultsView final : public View
{
    Q_OBJECT
public:
    ResultsView(const Services &services, Models::ResultsModel *model, QWidget *parent = nullptr);

    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("results"); }
    void activate() override;
    QTableView *table() const { return m_table; }
    QStringList selectedSessionIds() const;
    void setFingerprintFilter(const QString &hash);
    void setSearchText(const QString &text);
    QComboBox *testFilter() const { return m_test; }
    QComboBox *riskFilter() const { return m_risk; }
    QComboBox *reviewFilter() const { return m_review; }
    // The tests' titles for the test filter (GET /tests with the sign-in token), after sign-in.
    void loadTests();
    // Columns a 1366 px screen cannot show beside the rest start hidden; the user's own layout (widths,
    // order, hidden columns) is remembered in QSettings.
    void saveLayout() const;

public slots:
    void applyFilters();
    void resetFilters();

signals:
    void openSession(const QString &sessionId);
    void compareSessions(const QStringList &sessionIds);
    void findSimilar(const QString &sessionId);
    void exportRequested();

private:
    void updateStatus();
    void restoreLayout();

    Services m_services;
    Models::ResultsModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_test;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_passed;
    QComboBox *m_risk;
    QComboBox *m_review;
    QLineEdit *m_fingerprint;
    QTableView *m_table;
    QLabel *m_status;
    bool m_loaded = false;
};

} // namespace Proctor::Admin::Views
