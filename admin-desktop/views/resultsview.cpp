// SPDX-License-Identifier: MIT
#include "views/resultsview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include "models/resultsmodel.h"

namespace Proctor::Admin::Views {

using Models::ResultsModel;

ResultsView::ResultsView(const Services &services, ResultsModel *model, QWidget *parent)
    : View(parent), m_services(services), m_model(model), m_search(new QLineEdit(this)),
      m_test(new QLineEdit(this)), m_useDates(new QCheckBox(tr("Dates"), this)),
      m_from(new QDateEdit(QDate::currentDate().addDays(-30), this)),
      m_to(new QDateEdit(QDate::currentDate(), this)), m_passed(new QComboBox(this)),
      m_risk(new QComboBox(this)), m_fingerprint(new QLineEdit(this)), m_table(new QTableView(this)),
      m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Results</h2>"), this));

    auto *filters = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Name, certificate or session…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search by name"));
    m_test->setPlaceholderText(tr("Test id"));
    m_test->setAccessibleName(tr("Test filter"));
    m_test->setMaximumWidth(140);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_passed->addItem(tr("All outcomes"), QString());
    m_passed->addItem(tr("Passed"), QStringLiteral("true"));
    m_passed->addItem(tr("Failed"), QStringLiteral("false"));
    m_passed->setAccessibleName(tr("Outcome filter"));
    m_risk->addItem(tr("Any risk"), QString());
    m_risk->addItem(tr("High risk"), QStringLiteral("high"));
    m_risk->addItem(tr("Medium risk"), QStringLiteral("medium"));
    m_risk->addItem(tr("Low risk"), QStringLiteral("low"));
    m_risk->setAccessibleName(tr("Risk filter"));
    m_fingerprint->setPlaceholderText(tr("Device group (hash)"));
    m_fingerprint->setAccessibleName(tr("Device group filter"));
    m_fingerprint->setClearButtonEnabled(true);
    m_fingerprint->setMaximumWidth(180);
    auto *apply = new QPushButton(tr("Apply"), this);
    auto *reset = new QPushButton(tr("Reset"), this);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_test);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_passed);
    filters->addWidget(m_risk);
    filters->addWidget(m_fingerprint);
    filters->addWidget(apply);
    filters->addWidget(reset);
    layout->addLayout(filters);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(ResultsModel::Finished, Qt::DescendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Results table"));
    m_table->setColumnWidth(ResultsModel::Candidate, 230);
    m_table->setColumnWidth(ResultsModel::Test, 200);
    m_table->setColumnWidth(ResultsModel::Finished, 130);
    m_table->setColumnWidth(ResultsModel::Violations, 200);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    auto *open = new QPushButton(tr("&Open"), this);
    auto *compare = new QPushButton(tr("&Compare selected"), this);
    auto *similar = new QPushButton(tr("Find &similar"), this);
    auto *exportCsv = new QPushButton(tr("Export CSV…"), this);
    open->setToolTip(tr("Open the selected session (Enter)"));
    compare->setToolTip(tr("Compare 2 to 6 selected sessions"));
    for (auto *b : {open, compare, similar, exportCsv})
        bottom->addWidget(b);
    layout->addLayout(bottom);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &ResultsView::applyFilters);
    connect(m_search, &QLineEdit::returnPressed, this, &ResultsView::applyFilters);
    connect(m_test, &QLineEdit::returnPressed, this, &ResultsView::applyFilters);
    connect(m_fingerprint, &QLineEdit::returnPressed, this, &ResultsView::applyFilters);
    connect(m_useDates, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useDates, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(apply, &QPushButton::clicked, this, &ResultsView::applyFilters);
    connect(reset, &QPushButton::clicked, this, &ResultsView::resetFilters);
    connect(m_passed, &QComboBox::activated, this, &ResultsView::applyFilters);
    connect(m_risk, &QComboBox::activated, this, &ResultsView::applyFilters);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openSession(index.data(ResultsModel::SessionIdRole).toString());
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedSessionIds();
        if (!ids.isEmpty())
            emit openSession(ids.first());
    });
    connect(compare, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedSessionIds();
        if (ids.size() >= 2)
            emit compareSessions(ids.mid(0, 6));
        else
            m_status->setText(tr("Select 2 to 6 sessions to compare (Ctrl+click)."));
    });
    connect(similar, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedSessionIds();
        if (!ids.isEmpty())
            emit findSimilar(ids.first());
    });
    connect(exportCsv, &QPushButton::clicked, this, &ResultsView::exportRequested);
    connect(m_model, &ResultsModel::loadingChanged, this, &ResultsView::updateStatus);
    connect(m_model, &ResultsModel::pageLoaded, this, &ResultsView::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultsView::updateStatus);
    connect(m_model, &ResultsModel::liveRowsChanged, this, &ResultsView::updateStatus);
    connect(m_model, &ResultsModel::loadFailed, this,
            [this](const Api::ApiError &e) { m_status->setText(e.userMessage()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsView::updateStatus);
}

QAbstractItemModel *ResultsView::exportModel() const
{
    return m_model;
}

void ResultsView::activate()
{
    if (!m_loaded) {
        m_loaded = true;
        if (m_model->rowCount() == 0)
            applyFilters();
    }
}

QStringList ResultsView::selectedSessionIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids.append(i.data(ResultsModel::SessionIdRole).toString());
    return ids;
}

void ResultsView::setFingerprintFilter(const QString &hash)
{
    m_fingerprint->setText(hash);
    applyFilters();
}

void ResultsView::setSearchText(const QString &text)
{
    m_search->setText(text);
    applyFilters();
}

void ResultsView::applyFilters()
{
    Models::ResultsFilter f = m_model->filter();
    f.search = m_search->text();
    f.test = m_test->text().trimmed();
    f.from = m_useDates->isChecked() ? m_from->date() : QDate();
    f.to = m_useDates->isChecked() ? m_to->date() : QDate();
    const QString passed = m_passed->currentData().toString();
    f.passed = passed.isEmpty() ? std::nullopt : std::optional<bool>(passed == QLatin1String("true"));
    f.risk = m_risk->currentData().toString();
    f.fingerprint = m_fingerprint->text().trimmed();
    m_loaded = true;
    m_model->setFilter(f);
}

void ResultsView::resetFilters()
{
    m_search->clear();
    m_test->clear();
    m_useDates->setChecked(false);
    m_passed->setCurrentIndex(0);
    m_risk->setCurrentIndex(0);
    m_fingerprint->clear();
    applyFilters();
}

void ResultsView::updateStatus()
{
    const int rows = m_model->rowCount();
    const int selected = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    QString text = m_model->isLoading() ? tr("Loading…") : tr("%n session(s) loaded", nullptr, rows);
    if (m_model->canFetchMore({}))
        text += tr("; scroll down for more");
    if (selected > 0)
        text += tr("; %n selected", nullptr, selected);
    m_status->setText(text);
}

} // namespace Proctor::Admin::Views
