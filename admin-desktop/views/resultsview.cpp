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
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include "api/apiclient.h"
#include "models/resultsmodel.h"

namespace Proctor::Admin::Views {

using Models::ResultsModel;

ResultsView::ResultsView(const Services &services, ResultsModel *model, QWidget *parent)
    : View(parent), m_services(services), m_model(model), m_search(new QLineEdit(this)),
      m_test(new QComboBox(this)), m_useDates(new QCheckBox(tr("Dates"), this)),
      m_from(new QDateEdit(QDate::currentDate().addDays(-30), this)),
      m_to(new QDateEdit(QDate::currentDate(), this)), m_passed(new QComboBox(this)),
      m_risk(new QComboBox(this)), m_review(new QComboBox(this)), m_fingerprint(new QLineEdit(this)),
      m_table(new QTableView(this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Results</h2>"), this));

    auto *filters = new QHBoxLayout;
    m_search->setPlaceholderText(tr("Name, certificate or session…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search by name"));
    m_test->addItem(tr("All tests"), QString());
    m_test->setAccessibleName(tr("Test filter"));
    m_test->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_test->setMinimumContentsLength(12);
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
    m_risk->addItem(tr("Medium or higher"), QStringLiteral("medium,high"));
    m_risk->addItem(tr("High risk"), QStringLiteral("high"));
    m_risk->addItem(tr("Medium risk"), QStringLiteral("medium"));
    m_risk->addItem(tr("Low risk"), QStringLiteral("low"));
    m_risk->setAccessibleName(tr("Risk filter"));
    m_review->addItem(tr("Any review state"), QString());
    m_review->addItem(tr("Unreviewed"), QStringLiteral("unreviewed"));
    m_review->addItem(tr("Second look"), QStringLiteral("second_look"));
    m_review->addItem(tr("Open (unreviewed or second look)"), QStringLiteral("unreviewed,second_look"));
    m_review->addItem(tr("Violation"), QStringLiteral("violation"));
    m_review->addItem(tr("Cleared"), QStringLiteral("cleared"));
    m_review->setAccessibleName(tr("Review state filter"));
    // Sized to a few characters, not to the longest entry, so the search field keeps its room at 1366 px.
    for (QComboBox *box : {m_passed, m_risk, m_review}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    m_search->setMinimumWidth(160);
    m_fingerprint->setPlaceholderText(tr("Device group (hash)"));
    m_fingerprint->setAccessibleName(tr("Device group filter"));
    m_fingerprint->setClearButtonEnabled(true);
    m_fingerprint->setMaximumWidth(140);
    auto *apply = new QPushButton(tr("Apply"), this);
    auto *reset = new QPushButton(tr("Reset"), this);
    filters->addWidget(m_search, 2);
    filters->addWidget(m_test);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_passed);
    filters->addWidget(m_risk);
    filters->addWidget(m_review);
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
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    restoreLayout();
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
    connect(m_test, &QComboBox::activated, this, &ResultsView::applyFilters);
    connect(m_review, &QComboBox::activated, this, &ResultsView::applyFilters);
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
    // Only the columns the server sorts by take the indicator; a click elsewhere puts it back.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder) {
                if (!ResultsModel::sortKey(column).isEmpty())
                    return;
                const auto f = m_model->filter();
                QSignalBlocker block(m_table->horizontalHeader());
                m_table->horizontalHeader()->setSortIndicator(
                    ResultsModel::sortColumn(f.sort), f.ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
            });
    // Show or hide columns from the header's context menu.
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &at) {
                QMenu menu(this);
                for (int c = 0; c < ResultsModel::ColumnCount; ++c) {
                    QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
                    a->setCheckable(true);
                    a->setChecked(!m_table->isColumnHidden(c));
                    connect(a, &QAction::toggled, this, [this, c](bool on) {
                        m_table->setColumnHidden(c, !on);
                        saveLayout();
                    });
                }
                menu.exec(m_table->horizontalHeader()->mapToGlobal(at));
            });
    auto *saveLater = new QTimer(this);
    saveLater->setSingleShot(true);
    saveLater->setInterval(500);
    connect(saveLater, &QTimer::timeout, this, &ResultsView::saveLayout);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, saveLater,
            qOverload<>(&QTimer::start));
    connect(m_table->horizontalHeader(), &QHeaderView::sectionMoved, saveLater, qOverload<>(&QTimer::start));
}

void ResultsView::restoreLayout()
{
    QHeaderView *h = m_table->horizontalHeader();
    const QByteArray saved = QSettings().value(QStringLiteral("results/header")).toByteArray();
    if (!saved.isEmpty() && h->restoreState(saved) && h->count() == ResultsModel::ColumnCount)
        return;
    // Fits 1366 px beside the sidebar: the least needed columns start hidden (the header's menu shows them).
    m_table->setColumnWidth(ResultsModel::Candidate, 210);
    m_table->setColumnWidth(ResultsModel::Test, 150);
    m_table->setColumnWidth(ResultsModel::Finished, 120);
    m_table->setColumnWidth(ResultsModel::Duration, 95);
    m_table->setColumnWidth(ResultsModel::Score, 60);
    m_table->setColumnWidth(ResultsModel::Risk, 110);
    m_table->setColumnWidth(ResultsModel::Review, 100);
    m_table->setColumnWidth(ResultsModel::Violations, 150);
    m_table->setColumnWidth(ResultsModel::Certificate, 90);
    for (int c : {int(ResultsModel::Position), int(ResultsModel::Grade), int(ResultsModel::Fingerprint)})
        m_table->setColumnHidden(c, true);
}

void ResultsView::saveLayout() const
{
    QSettings().setValue(QStringLiteral("results/header"), m_table->horizontalHeader()->saveState());
}

void ResultsView::loadTests()
{
    if (!m_services.api || !m_services.api->hasToken())
        return;
    m_services.api->get(QStringLiteral("/tests"), {}, this, [this](const Api::Response &r) {
        if (!r.ok())
            return;
        const QString current = m_test->currentData().toString();
        while (m_test->count() > 1)
            m_test->removeItem(1);
        for (const QJsonValue v : r.json.array()) {
            const QJsonObject t = v.toObject();
            const QString id = t.value(QLatin1String("id")).toString();
            const QString title = t.value(QLatin1String("title")).toString();
            m_test->addItem(title.isEmpty() ? id : title, id);
            m_test->setItemData(m_test->count() - 1, id, Qt::ToolTipRole);
        }
        m_test->setCurrentIndex(qMax(0, m_test->findData(current)));
    });
}

QAbstractItemModel *ResultsView::exportModel() const
{
    return m_model;
}

void ResultsView::activate()
{
    if (m_test->count() <= 1)
        loadTests();
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
    const QString test = m_test->currentData().toString();
    f.tests = test.isEmpty() ? QStringList() : QStringList{test};
    f.from = m_useDates->isChecked() ? m_from->date() : QDate();
    f.to = m_useDates->isChecked() ? m_to->date() : QDate();
    const QString passed = m_passed->currentData().toString();
    f.passed = passed.isEmpty() ? std::nullopt : std::optional<bool>(passed == QLatin1String("true"));
    const QString risk = m_risk->currentData().toString();
    f.risk = risk.isEmpty() ? QStringList() : risk.split(QLatin1Char(','));
    const QString review = m_review->currentData().toString();
    f.review = review.isEmpty() ? QStringList() : review.split(QLatin1Char(','));
    f.fingerprint = m_fingerprint->text().trimmed();
    m_loaded = true;
    m_model->setFilter(f);
}

void ResultsView::resetFilters()
{
    m_search->clear();
    m_test->setCurrentIndex(0);
    m_review->setCurrentIndex(0);
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
