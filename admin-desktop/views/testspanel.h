// SPDX-License-Identifier: MIT
// The Administration page's Tests tab: every test with its access mode, attempt policy and roster size, and
// the way to the attempt policy dialog and (for roster tests) the roster dialog.
#pragma once

#include <QWidget>

#include "views/view.h"

class QLabel;
class QPushButton;
class QTableView;

namespace Proctor::Admin::Models {
class TestsModel;
}

namespace Proctor::Admin::Views {

class AttemptPolicyDialog;
class RosterDialog;

class TestsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TestsPanel(const Services &services, QWidget *parent = nullptr);
    Models::TestsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // Open the dialogs for the test in `row` (non-modal; they delete themselves when closed). The roster
    // dialog is only for a roster test (nullptr otherwise).
    AttemptPolicyDialog *editPolicy(int row);
    RosterDialog *openRoster(int row);

public slots:
    void reload();

private:
    void updateButtons();

    Services m_services;
    Models::TestsModel *m_model;
    QTableView *m_table;
    QPushButton *m_policy;
    QPushButton *m_roster;
    QLabel *m_status;
};

} // namespace Proctor::Admin::Views
