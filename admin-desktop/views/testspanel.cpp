// SPDX-License-Identifier: MIT
#include "views/testspanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "api/apiclient.h"
#include "models/testsmodel.h"
#include "views/attemptpolicydialog.h"
#include "views/rosterdialog.h"
#include "views/tableview.h"

namespace Proctor::Admin::Views {

using Models::TestsModel;

TestsPanel::TestsPanel(const Services &services, QWidget *parent)
    : QWidget(parent), m_services(services), m_model(new TestsModel(services.api, this)),
      m_table(makeTableView(m_model, tr("Tests"), this)),
      m_policy(new QPushButton(tr("Attempt policy…"), this)),
      m_roster(new QPushButton(tr("Roster and access codes…"), this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Tests are added on the server (import-test). Here you set how often a candidate "
                      "may try a test and what a result tells them, and manage the people of tests "
                      "that open only with a personal access code."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    auto *reloadButton = new QPushButton(tr("Reload"), this);
    m_status->setWordWrap(true);
    row->addWidget(m_status, 1);
    row->addWidget(reloadButton);
    row->addWidget(m_policy);
    row->addWidget(m_roster);
    layout->addLayout(row);

    connect(reloadButton, &QPushButton::clicked, this, &TestsPanel::reload);
    connect(m_policy, &QPushButton::clicked, this, [this] { editPolicy(m_table->currentIndex().row()); });
    connect(m_roster, &QPushButton::clicked, this, [this] { openRoster(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { editPolicy(i.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TestsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TestsPanel::updateButtons);
    connect(m_model, &Models::PagedJsonModel::loadFailed, this,
            [this](const Api::ApiError &e) { m_status->setText(e.userMessage()); });
    connect(m_model, &Models::PagedJsonModel::loaded, this, [this] {
        m_status->clear();
        m_table->resizeColumnsToContents();
        // Sizing to contents leaves the last column narrow: stretch it again over the rest.
        m_table->horizontalHeader()->setStretchLastSection(false);
        m_table->horizontalHeader()->setStretchLastSection(true);
    });
    updateButtons();
}

void TestsPanel::reload()
{
    if (m_services.api && m_services.api->hasToken())
        m_model->load();
}

void TestsPanel::updateButtons()
{
    const QModelIndex i = m_table->currentIndex();
    const bool admin = m_services.api && m_services.api->isAdmin();
    m_policy->setEnabled(i.isValid() && admin);
    m_roster->setEnabled(i.isValid() && admin &&
                         m_model->item(i.row()).value(QStringLiteral("access")).toString() ==
                             QLatin1String("roster"));
}

AttemptPolicyDialog *TestsPanel::editPolicy(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return nullptr;
    auto *dialog = new AttemptPolicyDialog(m_services.api, m_model->item(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AttemptPolicyDialog::saved, this, [this] {
        m_status->setText(tr("Attempt policy saved."));
        m_model->reload();
    });
    dialog->open();
    return dialog;
}

RosterDialog *TestsPanel::openRoster(int row)
{
    if (row < 0 || row >= m_model->rowCount() ||
        m_model->item(row).value(QStringLiteral("access")).toString() != QLatin1String("roster"))
        return nullptr;
    auto *dialog = new RosterDialog(m_services.api, m_model->item(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The roster's size in the list follows imports and deletions.
    connect(dialog, &QDialog::finished, m_model, &Models::PagedJsonModel::reload);
    dialog->open();
    return dialog;
}

} // namespace Proctor::Admin::Views
