// SPDX-License-Identifier: MIT
#include "views/compareview.h"

#include <memory>

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QValueAxis>

#include "api/apiclient.h"
#include "app/appearance.h"
#include "cache/sessioncache.h"
#include "widgets/trajectoryoverlaywidget.h"
#include "views/tableview.h"

namespace Proctor::Admin::Views {

namespace {
QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *t = makeTableView(model, name, parent);
    t->setWordWrap(true);
    return t;
}
} // namespace

CompareView::CompareView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_pairs(new Models::PairScoresModel(this)),
      m_fingerprints(new Models::FingerprintCompareModel(this)),
      m_keystrokes(new Models::KeystrokeCompareModel(this)), m_status(new QLabel(this)),
      m_server(new QLabel(this)), m_question(new QComboBox(this)), m_mode(new QComboBox(this)),
      m_paths(new QCheckBox(tr("Warping path lines"), this)),
      m_overlay(new Widgets::TrajectoryOverlayWidget(this)), m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Compare sessions</h2>"), this));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // candidates' names: never interpreted
    layout->addWidget(m_status);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("&Question:"), this));
    qobject_cast<QLabel *>(controls->itemAt(0)->widget())->setBuddy(m_question);
    m_question->setAccessibleName(tr("Question"));
    m_question->setMinimumWidth(120);
    controls->addWidget(m_question);
    m_mode->addItem(tr("Quick (local, approximate)"));
    m_mode->addItem(tr("Exact (local)"));
    m_mode->setAccessibleName(tr("Alignment mode"));
    controls->addWidget(m_mode);
    m_paths->setChecked(true);
    controls->addWidget(m_paths);
    auto *precise = new QPushButton(tr("Precise on &server"), this);
    precise->setToolTip(tr("Exact DTW by the server for the reference against each other session"));
    controls->addWidget(precise);
    controls->addStretch();
    layout->addLayout(controls);

    auto *trajectories = new QSplitter(Qt::Vertical, m_tabs);
    trajectories->addWidget(m_overlay);
    auto *bottom = new QWidget(trajectories);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    m_server->setWordWrap(true);
    m_server->setTextFormat(Qt::PlainText);
    bl->addWidget(m_server);
    m_pairTable = makeTable(m_pairs, tr("Pairwise similarity"), bottom);
    m_pairTable->setColumnWidth(Models::PairScoresModel::SessionA, 160);
    m_pairTable->setColumnWidth(Models::PairScoresModel::SessionB, 160);
    m_pairTable->setColumnWidth(Models::PairScoresModel::QuestionSimilarity, 160);
    m_pairTable->setColumnWidth(Models::PairScoresModel::MeanSimilarity, 180);
    bl->addWidget(m_pairTable);
    trajectories->addWidget(bottom);
    trajectories->setStretchFactor(0, 3);
    trajectories->setStretchFactor(1, 1);
    m_tabs->addTab(trajectories, tr("Trajectories"));

    auto *chart = new QChart;
    chart->setTitle(tr("Time per question, s"));
    m_latency = new QChartView(chart, m_tabs);
    m_latency->setRenderHint(QPainter::Antialiasing);
    m_latency->setAccessibleName(tr("Latency comparison chart"));
    m_tabs->addTab(m_latency, tr("Latency"));
    auto *keys = makeTable(m_keystrokes, tr("Keystroke profiles"), m_tabs);
    keys->setColumnWidth(0, 200);
    m_tabs->addTab(keys, tr("Keystrokes"));
    auto *fps = makeTable(m_fingerprints, tr("Fingerprints"), m_tabs);
    fps->setColumnWidth(0, 160);
    m_tabs->addTab(fps, tr("Fingerprints"));
    layout->addWidget(m_tabs, 1);

    connect(m_question, &QComboBox::currentIndexChanged, this, &CompareView::refreshOverlay);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &CompareView::refreshOverlay);
    connect(m_paths, &QCheckBox::toggled, m_overlay, &Widgets::TrajectoryOverlayWidget::setShowWarpingPaths);
    connect(precise, &QPushButton::clicked, this, &CompareView::preciseOnServer);
    m_status->setText(tr("Select 2 to 6 sessions in Results and press \"Compare selected\"."));
}

QAbstractItemModel *CompareView::exportModel() const
{
    switch (m_tabs->currentIndex()) {
    case 2:
        return m_keystrokes;
    case 3:
        return m_fingerprints;
    default:
        return m_pairs;
    }
}

void CompareView::compare(const QStringList &sessionIds)
{
    m_ids = sessionIds.mid(0, 6);
    const quint64 generation = ++m_generation;
    m_server->clear();
    m_status->setText(tr("Loading %n session(s)…", nullptr, static_cast<int>(m_ids.size())));
    auto results = std::make_shared<QList<Models::ComparedSession>>();
    results->resize(m_ids.size());
    auto pending = std::make_shared<int>(static_cast<int>(m_ids.size()) * 2);
    auto finish = [this, generation, results, pending] {
        if (--*pending > 0 || generation != m_generation)
            return;
        QList<Models::ComparedSession> loaded;
        for (const Models::ComparedSession &s : *results)
            if (s.detail.isValid())
                loaded.append(s);
        setSessions(loaded);
    };
    const QString server = m_services.api ? m_services.api->serverUrl().toString() : QString();
    for (int i = 0; i < m_ids.size(); ++i) {
        const QString id = m_ids.at(i);
        std::optional<Cache::SessionCache::Entry> cached;
        if (m_services.cache)
            cached = m_services.cache->get(server, id);
        if (cached) {
            (*results)[i].detail = Api::SessionDetail::fromJson(cached->detail);
            (*results)[i].telemetry = Api::Telemetry::fromJson(cached->telemetry);
        }
        if (!m_services.api || !m_services.api->hasToken()) {
            finish();
            finish();
            continue;
        }
        m_services.api->fetchSession(id, this,
                                     [results, i, finish](Api::Result<Api::SessionDetail> r, QJsonObject) {
                                         if (r)
                                             (*results)[i].detail = *r;
                                         finish();
                                     });
        m_services.api->get(QStringLiteral("/sessions/%1/telemetry").arg(id), {}, this,
                            [results, i, finish](const Api::Response &r) {
                                if (r.ok())
                                    (*results)[i].telemetry = Api::Telemetry::fromJson(r.object());
                                finish();
                            });
    }
}

void CompareView::setSessions(const QList<Models::ComparedSession> &sessions)
{
    m_analysis.setSessions(sessions);
    m_ids.clear();
    QStringList names;
    for (const Models::ComparedSession &s : sessions) {
        m_ids.append(s.detail.sessionId);
        names.append(s.label());
    }
    m_fingerprints->setSessions(sessions);
    m_keystrokes->setSessions(sessions);
    const QString previous = m_question->currentText();
    m_question->blockSignals(true);
    m_question->clear();
    m_question->addItems(m_analysis.questionIds());
    const int keep = m_question->findText(previous);
    m_question->setCurrentIndex(keep >= 0 ? keep : 0);
    m_question->blockSignals(false);
    m_status->setText(sessions.size() < 2
                          ? tr("At least two sessions with data are needed (%1 loaded).").arg(sessions.size())
                          : tr("Comparing %1. The first is the reference the warping paths start from.")
                                .arg(names.join(QStringLiteral(", "))));
    refreshOverlay();
    updateLatency();
}

void CompareView::refreshOverlay()
{
    const QString q = m_question->currentText();
    QElapsedTimer timer;
    timer.start();
    const auto mode = m_mode->currentIndex() == 1 ? Models::CompareAnalysis::Mode::Exact
                                                  : Models::CompareAnalysis::Mode::Approximate;
    m_overlay->setData(q.isEmpty() ? Models::OverlayData{} : m_analysis.overlay(q, mode));
    QStringList labels;
    for (const Models::ComparedSession &s : m_analysis.sessions())
        labels.append(s.label());
    m_pairs->setScores(m_analysis.pairScores(q), labels);
    m_overlay->setToolTip(tr("Computed locally in %1 ms").arg(timer.elapsed()));
}

void CompareView::updateLatency()
{
    QChart *chart = m_latency->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTheme(Appearance::currentTheme() == Appearance::Theme::Dark ? QChart::ChartThemeDark
                                                                          : QChart::ChartThemeLight);
    QStringList questions;
    const QList<QList<QPointF>> series = m_analysis.latencySeries(&questions);
    auto *x = new QValueAxis;
    x->setRange(0.5, qMax(1.5, questions.size() + 0.5));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTickCount(qBound(2, static_cast<int>(questions.size()), 12));
    x->setTitleText(tr("Question (order of appearance)"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("seconds"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double maxY = 1;
    for (int i = 0; i < series.size(); ++i) {
        auto *line = new QLineSeries;
        // Qt Charts lays legend names out as HTML: a name like <img src="file:///dev/zero"> would be loaded
        // (and hang the app). Escaped, it shows as the text it is.
        line->setName(m_analysis.sessions().at(i).label().toHtmlEscaped());
        line->setColor(Models::sessionColor(i));
        line->setPointsVisible(true);
        for (const QPointF &p : series.at(i)) {
            line->append(p.x(), p.y() / 1000.0);
            maxY = qMax(maxY, p.y() / 1000.0);
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    y->setRange(0, maxY * 1.1);
}

void CompareView::preciseOnServer()
{
    if (!m_services.api || m_ids.size() < 2)
        return;
    const QString q = m_question->currentText();
    m_server->setText(tr("Asking the server for the exact DTW…"));
    auto lines = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(static_cast<int>(m_ids.size()) - 1);
    for (int k = 1; k < m_ids.size(); ++k) {
        QJsonObject body{{QStringLiteral("sessionA"), m_ids.first()},
                         {QStringLiteral("sessionB"), m_ids.at(k)}};
        if (!q.isEmpty())
            body.insert(QStringLiteral("questionId"), q);
        const QString label = m_analysis.sessions().value(k).label();
        m_services.api->post(
            QStringLiteral("/analysis/mouse"), body, this,
            [this, lines, pending, label, q](const Api::Response &r) {
                if (!r.ok()) {
                    lines->append(tr("%1: %2").arg(label, r.error.userMessage()));
                } else {
                    for (const QJsonValue &v : r.object().value(QStringLiteral("questions")).toArray()) {
                        const QJsonObject o = v.toObject();
                        if (!q.isEmpty() && o.value(QStringLiteral("questionId")).toString() != q)
                            continue;
                        lines->append(tr("%1, question %2: similarity %3 (distance %4)")
                                          .arg(label, o.value(QStringLiteral("questionId")).toString(),
                                               QLocale().toString(
                                                   o.value(QStringLiteral("similarity")).toDouble(), 'f', 1),
                                               QLocale().toString(
                                                   o.value(QStringLiteral("distance")).toDouble(), 'f', 4)));
                    }
                }
                if (--*pending == 0)
                    m_server->setText(tr("Server, exact: %1").arg(lines->join(QStringLiteral("; "))));
            });
    }
}

} // namespace Proctor::Admin::Views
