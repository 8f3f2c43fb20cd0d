// SPDX-License-Identifier: MIT
#include "views/dashboardview.h"

#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QUrlQuery>
#include <QValueAxis>

#include "api/apiclient.h"
#include "app/appearance.h"
#include "app/eventtypes.h"
#include "models/precisionmodel.h"
#include "views/tableview.h"
#include "widgets/statcard.h"

namespace Proctor::Admin::Views {

namespace {
QChartView *makeChartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    view->setAccessibleName(title);
    return view;
}

void styleChart(QChart *chart)
{
    chart->setTheme(Appearance::currentTheme() == Appearance::Theme::Dark ? QChart::ChartThemeDark
                                                                          : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(4);
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A count axis from 0 whose ticks fall on whole numbers (1, 2 or 5 times a power of ten apart, at most 8
// intervals) with room above the largest bar for its label. A plain range with "%d" labels would print
// truncated fractions (0, 1, 2 for ticks at 0, 1.11, 2.22) and make every bar look lower than its value.
QValueAxis *countAxis(int largest)
{
    const double wanted = qMax(1.0, largest * 1.15);
    for (double magnitude = 1;; magnitude *= 10) {
        for (const double factor : {1.0, 2.0, 5.0}) {
            const double step = factor * magnitude;
            const int intervals = qMax(1, static_cast<int>(std::ceil(wanted / step)));
            if (intervals <= 8) {
                auto *axis = new QValueAxis;
                axis->setRange(0, intervals * step);
                axis->setTickCount(intervals + 1);
                axis->setLabelFormat(QStringLiteral("%d"));
                return axis;
            }
        }
    }
}

// The days of the chosen period (noon of each), padded by half a day so that a single day still has a
// visible range and its point is drawn.
QDateTimeAxis *dayAxis(const QList<Api::DayPoint> &days)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("dd.MM"));
    axis->setTickCount(qBound(2, static_cast<int>(days.size()), 8));
    if (!days.isEmpty()) {
        const QDateTime first(days.first().date, QTime(0, 0));
        const QDateTime last(days.last().date, QTime(0, 0));
        axis->setRange(first, last.addDays(1));
    }
    return axis;
}
} // namespace

DashboardView::DashboardView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_days(new QComboBox(this)), m_status(new QLabel(this)),
      m_precision(new Models::PrecisionModel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<h2>Dashboard</h2>"), this);
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_status);
    m_days->addItem(tr("Last 7 days"), 7);
    m_days->addItem(tr("Last 30 days"), 30);
    m_days->addItem(tr("Last 90 days"), 90);
    m_days->setCurrentIndex(1);
    m_days->setAccessibleName(tr("Period"));
    top->addWidget(m_days);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    top->addWidget(refresh);
    layout->addLayout(top);

    auto *cards = new QHBoxLayout;
    for (const QString &t : {tr("Completed tests"), tr("Average score"), tr("Anomalies found"),
                             tr("Unique candidates"), tr("Pass rate")}) {
        auto *card = new Widgets::StatCard(t, this);
        m_cards.append(card);
        cards->addWidget(card);
    }
    layout->addLayout(cards);

    auto *grid = new QGridLayout;
    m_charts = {makeChartView(tr("Completions per day"), this), makeChartView(tr("Grade distribution"), this),
                makeChartView(tr("Violations by type"), this),
                makeChartView(tr("Pass rate per day, %"), this)};
    grid->addWidget(m_charts[0], 0, 0);
    grid->addWidget(m_charts[1], 0, 1);
    grid->addWidget(m_charts[2], 1, 0);
    grid->addWidget(m_charts[3], 1, 1);
    layout->addLayout(grid, 1);

    // Decisions feed back into the rules: how often each factor's flag was confirmed.
    auto *precisionTitle = new QHBoxLayout;
    precisionTitle->addWidget(new QLabel(
        tr("<b>Reviewer precision per risk factor</b> (confirmed of decided, same period)"), this));
    m_precisionStatus = new QLabel(this);
    m_precisionStatus->setTextFormat(Qt::PlainText);
    precisionTitle->addWidget(m_precisionStatus, 1);
    layout->addLayout(precisionTitle);
    m_precisionTable = makeTableView(m_precision, tr("Reviewer precision per risk factor"), this);
    m_precisionTable->setColumnWidth(Models::PrecisionModel::Factor, 320);
    m_precisionTable->setMaximumHeight(170);
    layout->addWidget(m_precisionTable);

    connect(refresh, &QPushButton::clicked, this, &DashboardView::reload);
    connect(m_days, &QComboBox::currentIndexChanged, this, &DashboardView::reload);
}

void DashboardView::activate()
{
    if (!m_loaded)
        reload();
}

void DashboardView::reload()
{
    if (!m_services.api || !m_services.api->hasToken())
        return;
    m_loaded = true;
    m_status->setText(tr("Loading…"));
    m_services.api->fetchDashboard(
        m_days->currentData().toInt(), this, [this](Api::Result<Api::Dashboard> d) {
            if (!d) {
                m_status->setText(d.error().userMessage());
                return;
            }
            m_status->setText(
                tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
            setDashboard(*d);
        });
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(m_days->currentData().toInt()));
    m_services.api->get(QStringLiteral("/review/precision"), q, this, [this](const Api::Response &r) {
        if (!r.ok()) {
            m_precisionStatus->setText(r.error.userMessage());
            return;
        }
        m_precision->setAnswer(r.object());
        m_precisionStatus->setText(m_precision->rowCount() == 0 ? tr("No risk factor fired in this period.")
                                                                : QString());
    });
}

QChart *DashboardView::chart(int index) const
{
    return m_charts.value(index) ? m_charts.value(index)->chart() : nullptr;
}

void DashboardView::setDashboard(const Api::Dashboard &d)
{
    const QLocale locale;
    m_cards[0]->setValue(locale.toString(d.completed.value, 'f', 0), d.completed.change);
    m_cards[1]->setValue(locale.toString(d.averageScore.value, 'f', 1) + QStringLiteral(" %"),
                         d.averageScore.change);
    m_cards[2]->setValue(locale.toString(d.anomalies.value, 'f', 0), d.anomalies.change, false);
    m_cards[3]->setValue(locale.toString(d.uniqueCandidates.value, 'f', 0), d.uniqueCandidates.change);
    m_cards[4]->setValue(locale.toString(d.passRate.value, 'f', 1) + QStringLiteral(" %"), d.passRate.change);

    // Completions per day.
    {
        QChart *chart = m_charts[0]->chart();
        clearChart(chart);
        styleChart(chart);
        auto *completed = new QLineSeries;
        completed->setName(tr("Completed"));
        auto *passed = new QLineSeries;
        passed->setName(tr("Passed"));
        int maxY = 1;
        for (const Api::DayPoint &p : d.perDay) {
            const qreal x = QDateTime(p.date, QTime(12, 0)).toMSecsSinceEpoch();
            completed->append(x, p.completed);
            passed->append(x, p.passed);
            maxY = qMax(maxY, p.completed);
        }
        chart->addSeries(completed);
        chart->addSeries(passed);
        QDateTimeAxis *x = dayAxis(d.perDay);
        QValueAxis *y = countAxis(maxY);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (auto *s : {completed, passed}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
    // Grade distribution, fixed order and colours.
    {
        QChart *chart = m_charts[1]->chart();
        clearChart(chart);
        styleChart(chart);
        const QStringList keys{QStringLiteral("excellent"), QStringLiteral("good"),
                               QStringLiteral("satisfactory"), QStringLiteral("unsatisfactory"),
                               QStringLiteral("poor")};
        auto *set = new QBarSet(tr("Sessions"));
        QStringList labels;
        int maxY = 1;
        for (const QString &k : keys) {
            *set << d.grades.value(k);
            labels << Api::gradeText(k);
            maxY = qMax(maxY, d.grades.value(k));
        }
        set->setColor(QColor(0x25, 0x63, 0xeb));
        auto *series = new QBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(labels);
        QValueAxis *y = countAxis(maxY);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
    }
    // Violations by type.
    {
        QChart *chart = m_charts[2]->chart();
        clearChart(chart);
        styleChart(chart);
        auto *set = new QBarSet(tr("Events"));
        set->setColor(QColor(0xdc, 0x26, 0x26));
        QStringList labels;
        int maxX = 1;
        for (auto it = d.violationsByType.begin(); it != d.violationsByType.end(); ++it) {
            *set << it.value();
            labels << EventTypes::label(it.key());
            maxX = qMax(maxX, it.value());
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(labels);
        QValueAxis *x = countAxis(maxX);
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
        chart->legend()->hide();
    }
    // Pass rate per day.
    {
        QChart *chart = m_charts[3]->chart();
        clearChart(chart);
        styleChart(chart);
        auto *rate = new QLineSeries;
        rate->setName(tr("Pass rate"));
        rate->setPointsVisible(true);
        rate->setMarkerSize(8); // one active day is one point: make it visible
        for (const Api::DayPoint &p : d.perDay)
            if (p.completed > 0)
                rate->append(QDateTime(p.date, QTime(12, 0)).toMSecsSinceEpoch(),
                             100.0 * p.passed / p.completed);
        chart->addSeries(rate);
        QDateTimeAxis *x = dayAxis(d.perDay);
        auto *y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        rate->attachAxis(x);
        rate->attachAxis(y);
        chart->legend()->hide();
    }
}

} // namespace Proctor::Admin::Views
