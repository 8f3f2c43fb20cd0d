// SPDX-License-Identifier: MIT
#include "views/sessionview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QValueAxis>

#include "api/apiclient.h"
#include "app/appearance.h"
#include "app/eventtypes.h"
#include "export/pdfreport.h"
#include "models/compareanalysis.h"
#include "models/resultsmodel.h"
#include "models/sessiondocument.h"
#include "models/sessionmodels.h"
#include "widgets/reviewpanel.h"
#include "widgets/timelinewidget.h"
#include "widgets/trajectoryoverlaywidget.h"
#include "views/tableview.h"

namespace Proctor::Admin::Views {

using Models::RiskFactorsModel;
using Models::SessionDocument;
using Models::TimelineModel;

namespace {

QToolButton *iconButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setAccessibleName(name);
    b->setToolTip(name);
    return b;
}
} // namespace

SessionView::SessionView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_document(new SessionDocument(services.api, services.cache, this)),
      m_title(new QLabel(this)), m_identity(new QLabel(this)), m_score(new QLabel(this)),
      m_source(new QLabel(this)), m_riskScore(new QLabel(this)), m_violations(new QLabel(this)),
      m_review(new Widgets::ReviewPanel(services.api, this)), m_timeline(new Widgets::TimelineWidget(this)),
      m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *who = new QVBoxLayout;
    m_title->setText(tr("<h2>Session</h2>"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identity->setWordWrap(true);
    who->addWidget(m_title);
    who->addWidget(m_identity);
    header->addLayout(who, 1);
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_score->setFont(big);
    m_score->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *right = new QVBoxLayout;
    right->addWidget(m_score);
    right->addWidget(m_source, 0, Qt::AlignRight);
    auto *buttons = new QHBoxLayout;
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *pdf = new QPushButton(tr("PDF report…"), this);
    auto *similar = new QPushButton(tr("Find similar"), this);
    m_candidateData = new QPushButton(tr("Candidate data…"), this);
    m_candidateData->setToolTip(tr("Save everything stored about this candidate as one JSON file "
                                   "(a subject-access request; administrators only)"));
    buttons->addWidget(refresh);
    buttons->addWidget(pdf);
    buttons->addWidget(similar);
    buttons->addWidget(m_candidateData);
    right->addLayout(buttons);
    header->addLayout(right);
    layout->addLayout(header);
    layout->addWidget(m_review);

    // Timeline with zoom buttons, risk panel beside it.
    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, split);
    auto *timelineBox = new QWidget(top);
    auto *tl = new QVBoxLayout(timelineBox);
    tl->setContentsMargins(0, 0, 0, 0);
    auto *zoomRow = new QHBoxLayout;
    zoomRow->addWidget(
        new QLabel(tr("<b>Timeline</b> (Ctrl+wheel or +/− to zoom; arrows move between events)"),
                   timelineBox),
        1);
    auto *zoomIn = iconButton(QStringLiteral("+"), tr("Zoom in"), timelineBox);
    auto *zoomOut = iconButton(QStringLiteral("−"), tr("Zoom out"), timelineBox);
    auto *zoomFit = iconButton(QStringLiteral("⤢"), tr("Fit the whole session"), timelineBox);
    zoomRow->addWidget(zoomIn);
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(zoomFit);
    tl->addLayout(zoomRow);
    m_timeline->setModel(m_document->timeline());
    tl->addWidget(m_timeline, 1);
    auto *riskBox = new QWidget(top);
    auto *rl = new QVBoxLayout(riskBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_riskScore);
    m_riskTable = makeTableView(m_document->riskFactors(), tr("Risk factors"), riskBox);
    m_riskTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_riskTable->setColumnWidth(RiskFactorsModel::Reason, 230);
    rl->addWidget(m_riskTable, 1);
    m_relatedTitle = new QLabel(tr("Related sessions (double-click to open):"), riskBox);
    rl->addWidget(m_relatedTitle);
    m_related = new QListWidget(riskBox);
    m_related->setAccessibleName(tr("Related sessions"));
    m_related->setMaximumHeight(90);
    rl->addWidget(m_related);
    rl->addWidget(m_violations);
    m_violations->setWordWrap(true);
    top->addWidget(timelineBox);
    top->addWidget(riskBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    m_answersTable = makeTableView(m_document->answers(), tr("Answers"), m_tabs);
    m_answersTable->setColumnWidth(Models::AnswersModel::Number, 36);
    m_answersTable->setColumnWidth(Models::AnswersModel::Question, 320);
    m_answersTable->setColumnWidth(Models::AnswersModel::Chosen, 200);
    m_answersTable->setColumnWidth(Models::AnswersModel::Correct, 200);
    m_eventsTable = makeTableView(m_document->timeline(), tr("Events"), m_tabs);
    m_eventsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventsTable->setColumnWidth(TimelineModel::Type, 170);
    m_eventsTable->setColumnWidth(TimelineModel::Details, 320);
    auto *chart = new QChart;
    chart->setTitle(tr("Time per question, s"));
    m_latencyChart = new QChartView(chart, m_tabs);
    m_latencyChart->setRenderHint(QPainter::Antialiasing);
    m_latencyChart->setAccessibleName(tr("Per-question latency chart"));
    m_tabs->addTab(m_answersTable, tr("Answers"));
    m_tabs->addTab(m_eventsTable, tr("Events"));
    m_tabs->addTab(m_latencyChart, tr("Latency"));
    split->addWidget(top);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(zoomIn, &QToolButton::clicked, this, [this] { m_timeline->setZoom(m_timeline->zoom() * 1.5); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_timeline->setZoom(m_timeline->zoom() / 1.5); });
    connect(zoomFit, &QToolButton::clicked, this, [this] { m_timeline->setZoom(1.0); });
    connect(refresh, &QPushButton::clicked, m_document, &SessionDocument::refresh);
    connect(pdf, &QPushButton::clicked, this, [this] { exportPdf(); });
    connect(m_candidateData, &QPushButton::clicked, this, [this] { exportCandidateData(); });
    connect(similar, &QPushButton::clicked, this, [this] {
        if (!sessionId().isEmpty())
            emit findSimilar(sessionId());
    });
    connect(m_document, &SessionDocument::changed, this, [this] {
        updateHeader();
        updateLatencyChart();
        loadRelatedLabels();
        showRelated(m_riskTable->currentIndex().row());
    });
    connect(m_related, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openSession(item->data(Qt::UserRole).toString()); });
    connect(m_document, &SessionDocument::loadingChanged, this, [this](bool) { updateHeader(); });
    connect(m_document, &SessionDocument::failed, this, [this](const Api::ApiError &e) {
        m_source->setText(m_document->source() == SessionDocument::Source::Cache
                              ? tr("Offline: showing the cached copy (%1)").arg(e.userMessage())
                              : e.userMessage());
    });
    // Timeline <-> events table.
    connect(m_timeline, &Widgets::TimelineWidget::rowSelected, this, [this](int row) {
        if (row >= 0 && m_eventsTable->currentIndex().row() != row) {
            m_eventsTable->selectRow(row);
            m_eventsTable->scrollTo(m_document->timeline()->index(row, 0));
        }
    });
    connect(m_eventsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_timeline->selectedRow() != current.row())
                    m_timeline->selectRow(current.row());
            });
    // Risk evidence -> timeline.
    connect(m_riskTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectRiskFactor(current.row()); });
    connect(m_riskTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QStringList related = index.data(RiskFactorsModel::RelatedSessionsRole).toStringList();
        if (!related.isEmpty())
            emit compareSessions(QStringList{sessionId()} + related.mid(0, 5));
    });
    updateHeader();
}

QString SessionView::sessionId() const
{
    return m_document->sessionId();
}

QAbstractItemModel *SessionView::exportModel() const
{
    return m_tabs->currentIndex() == 1 ? static_cast<QAbstractItemModel *>(m_document->timeline())
                                       : static_cast<QAbstractItemModel *>(m_document->answers());
}

QString SessionView::exportName() const
{
    return QStringLiteral("session-%1-%2")
        .arg(sessionId().left(8),
             m_tabs->currentIndex() == 1 ? QStringLiteral("events") : QStringLiteral("answers"));
}

void SessionView::openSession(const QString &sessionId)
{
    m_document->open(sessionId);
    m_review->setSession(sessionId);
    m_timeline->setZoom(1.0);
}

void SessionView::loadRelatedLabels()
{
    if (!m_services.api || !m_services.api->hasToken())
        return;
    RiskFactorsModel *risk = m_document->riskFactors();
    // At most 20 look-ups per session: a factor naming more shows the rest by id.
    int budget = 20;
    for (const QString &id : risk->relatedSessionIds()) {
        if (m_labelRequested.contains(id) || budget-- <= 0)
            continue;
        m_labelRequested.insert(id);
        m_services.api->fetchSession(id, this, [this, id](Api::Result<Api::SessionDetail> d, QJsonObject) {
            if (!d)
                return;
            const QDateTime when = d->finishedAt.isValid() ? d->finishedAt : d->startedAt;
            m_relatedLabels.insert(
                id, tr("%1, %2").arg(d->candidate.fullName(),
                                     QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
            m_document->riskFactors()->setSessionLabel(id, m_relatedLabels.value(id));
            showRelated(m_riskTable->currentIndex().row());
        });
    }
    for (auto it = m_relatedLabels.cbegin(); it != m_relatedLabels.cend(); ++it)
        risk->setSessionLabel(it.key(), it.value());
}

void SessionView::showRelated(int row)
{
    RiskFactorsModel *risk = m_document->riskFactors();
    const QStringList ids =
        row >= 0 && row < risk->rowCount()
            ? risk->index(row, 0).data(RiskFactorsModel::RelatedSessionsRole).toStringList()
            : risk->relatedSessionIds();
    m_related->clear();
    for (const QString &id : ids) {
        auto *item = new QListWidgetItem(risk->sessionLabel(id), m_related);
        item->setData(Qt::UserRole, id);
        item->setToolTip(tr("Session %1").arg(id));
    }
    m_related->setVisible(!ids.isEmpty());
    m_relatedTitle->setVisible(!ids.isEmpty());
}

QStringList SessionView::relatedSessionLabels() const
{
    QStringList out;
    for (int i = 0; i < m_related->count(); ++i)
        out << m_related->item(i)->text();
    return out;
}

void SessionView::openRelated(int index)
{
    if (QListWidgetItem *item = m_related->item(index))
        emit m_related->itemActivated(item);
}

void SessionView::selectRiskFactor(int row)
{
    showRelated(row);
    auto *risk = m_document->riskFactors();
    if (row < 0 || row >= risk->rowCount()) {
        m_document->timeline()->setHighlighted({});
        return;
    }
    const QStringList ids = risk->index(row, 0).data(RiskFactorsModel::EventIdsRole).toStringList();
    m_document->timeline()->setHighlighted(ids);
    if (!ids.isEmpty()) {
        const int first = m_document->timeline()->rowOfEvent(ids.first());
        if (first >= 0)
            m_timeline->selectRow(first);
    }
}

void SessionView::updateHeader()
{
    const Api::SessionDetail &d = m_document->detail();
    const QLocale locale;
    // The export is an administrator's task (the collector refuses it to proctors).
    m_candidateData->setVisible(m_services.api && m_services.api->isAdmin());
    m_candidateData->setEnabled(!d.candidate.id.isEmpty() && !m_document->isDeleted());
    if (m_document->isDeleted()) {
        if (!m_review->sessionId().isEmpty())
            m_review->setSession({});
        m_title->setText(tr("<h2>Session deleted</h2>"));
        m_identity->setText(
            tr("The candidate of session %1 was deleted with all their data; nothing of it is "
               "kept on this computer.")
                .arg(m_document->sessionId()));
        m_score->clear();
        m_source->clear();
        m_riskScore->clear();
        m_violations->clear();
        return;
    }
    if (!d.isValid()) {
        m_title->setText(tr("<h2>Session</h2>"));
        m_identity->setText(m_document->sessionId().isEmpty()
                                ? tr("Open a session from Results (double-click or Enter).")
                                : tr("Loading…"));
        m_score->clear();
        m_source->clear();
        m_riskScore->clear();
        m_violations->clear();
        return;
    }
    m_title->setText(QStringLiteral("<h2>%1</h2>").arg(d.candidate.fullName().toHtmlEscaped()));
    const QString finishedAt = locale.toString(d.finishedAt.toLocalTime(), QLocale::ShortFormat);
    const QString finished =
        !d.finishedAt.isValid() ? tr("not finished")
        : d.overtimeSeconds > 0
            ? tr("finished %1, <b>%2 s after the time limit</b>").arg(finishedAt).arg(d.overtimeSeconds)
            : tr("finished %1").arg(finishedAt);
    // The duration in the user's locale and units ("3 min 20 s"), as in the risk panel.
    m_identity->setText(tr("%1 · %2<br>Started %3, %4 (%5) · IP %6 · device …%7<br>Session %8")
                            .arg(d.candidate.position.toHtmlEscaped(),
                                 (d.testTitle.isEmpty() ? d.testId : d.testTitle).toHtmlEscaped(),
                                 locale.toString(d.startedAt.toLocalTime(), QLocale::ShortFormat), finished,
                                 Models::RiskFactorsModel::formatDuration(d.durationSeconds * 1000.0),
                                 d.clientIp.toHtmlEscaped(), d.fingerprintHash.right(10), d.sessionId));
    const QString color = d.passed ? QStringLiteral("#059669") : QStringLiteral("#dc2626");
    // An unfinished session has no score yet: not a red "0 %".
    if (!d.finishedAt.isValid())
        m_score->setText(
            QStringLiteral("<span style='color:#6b7280'>%1</span>")
                .arg(d.status == QLatin1String("abandoned") ? tr("abandoned") : tr("in progress")));
    else
        m_score->setText(
            QStringLiteral("<span style='color:%1'>%2 %</span>").arg(color).arg(d.score, 0, 'f', 0));
    m_score->setToolTip(tr("%1 of %2 correct; %3; grade %4")
                            .arg(d.correct)
                            .arg(d.total)
                            .arg(d.passed ? tr("passed") : tr("not passed"), Api::gradeText(d.gradeKey)));
    QString source;
    switch (m_document->source()) {
    case SessionDocument::Source::Cache:
        source = tr("from the local cache");
        break;
    case SessionDocument::Source::Server:
        source = tr("from the server");
        break;
    case SessionDocument::Source::None:
        break;
    }
    if (m_document->isLoading())
        source += tr(" · updating…");
    QString extra =
        d.certificateNumber.isEmpty() ? tr("no certificate") : tr("certificate %1").arg(d.certificateNumber);
    m_source->setText(QStringLiteral("%1 · %2 · %3").arg(Api::gradeText(d.gradeKey), extra, source));

    const Api::RiskReport &risk = m_document->risk();
    m_riskScore->setText(
        tr("<b>Risk: <span style='color:%1'>%2 (%3 of 100)</span></b>%4 — select a reason to see its events")
            .arg(Models::riskColor(risk.level).name(), Api::riskLevelText(risk.level))
            .arg(risk.score, 0, 'f', 0)
            .arg(risk.computedLocally ? tr(" (computed locally)") : QString()));
    QStringList parts;
    QMap<QString, int> violations = d.violations;
    if (violations.isEmpty())
        for (const Api::EventItem &e : m_document->timeline()->events())
            if (EventTypes::isViolation(e.type))
                ++violations[e.type];
    for (auto it = violations.begin(); it != violations.end(); ++it)
        if (it.value() > 0)
            parts.append(QStringLiteral("%1: <b>%2</b>").arg(EventTypes::label(it.key())).arg(it.value()));
    int after = 0;
    for (const Api::EventItem &e : m_document->timeline()->events())
        after += e.afterFinish ? 1 : 0;
    if (after > 0)
        parts.append(QStringLiteral("<span style='color:#dc2626'>%1</span>")
                         .arg(tr("%n event(s) after finish", nullptr, after)));
    m_violations->setText(
        tr("<b>Violations</b>: %1").arg(parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(" · "))));
}

void SessionView::updateLatencyChart()
{
    QChart *chart = m_latencyChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTheme(Appearance::currentTheme() == Appearance::Theme::Dark ? QChart::ChartThemeDark
                                                                          : QChart::ChartThemeLight);
    auto *right = new QBarSet(tr("Correct"));
    auto *wrong = new QBarSet(tr("Wrong"));
    right->setColor(QColor(0x05, 0x96, 0x69));
    wrong->setColor(QColor(0xdc, 0x26, 0x26));
    QStringList labels;
    double maxY = 1;
    const auto &answers = m_document->answers()->answers();
    for (int i = 0; i < answers.size(); ++i) {
        const double s = answers.at(i).latencyMs / 1000.0;
        *right << (answers.at(i).isCorrect ? s : 0);
        *wrong << (answers.at(i).isCorrect ? 0 : s);
        labels << QString::number(i + 1);
        maxY = qMax(maxY, s);
    }
    auto *series = new QBarSeries;
    series->append(right);
    series->append(wrong);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(tr("Question"));
    auto *y = new QValueAxis;
    y->setRange(0, maxY * 1.1);
    y->setTitleText(tr("seconds"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void SessionView::exportPdf(const QString &givenPath)
{
    if (!m_document->detail().isValid())
        return;
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                  QStringLiteral("/session-%1.pdf").arg(sessionId().left(8));
        path = QFileDialog::getSaveFileName(this, tr("Save PDF report"), suggested, tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
    }
    Export::SessionReport report;
    report.detail = m_document->detail();
    report.events = m_document->timeline()->events();
    report.risk = m_document->risk();
    // The trajectory picture: this session's longest question trajectory.
    Models::CompareAnalysis analysis;
    analysis.setSessions({Models::ComparedSession{m_document->detail(), m_document->telemetry()}});
    const QStringList questions = analysis.questionIds();
    if (!questions.isEmpty()) {
        QString best = questions.first();
        std::size_t most = 0;
        for (const QString &q : questions) {
            const Models::OverlayData o = analysis.overlay(q);
            if (!o.trajectories.isEmpty() && o.trajectories.first().points.size() > most) {
                most = o.trajectories.first().points.size();
                best = q;
            }
        }
        Widgets::TrajectoryOverlayWidget overlay;
        overlay.setData(analysis.overlay(best));
        report.trajectory = overlay.render(QSize(640, 400));
        report.trajectoryCaption = tr("Question %1, normalised (centred, scaled to its size)").arg(best);
    }
    QString error;
    if (Export::writeSessionPdf(report, path, &error))
        emit message(tr("PDF report saved to %1").arg(path));
    else
        emit message(error);
}

void SessionView::exportCandidateData(const QString &givenPath)
{
    const QString candidateId = m_document->detail().candidate.id;
    if (candidateId.isEmpty() || !m_services.api || !m_services.api->hasToken())
        return;
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                  QStringLiteral("/candidate-%1.json").arg(candidateId);
        path = QFileDialog::getSaveFileName(this, tr("Save candidate data"), suggested, tr("JSON (*.json)"));
        if (path.isEmpty())
            return;
    }
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        emit message(file->errorString());
        delete file;
        emit candidateDataExported({});
        return;
    }
    emit message(tr("Exporting the candidate's data…"));
    // Streamed to the file: a candidate with many sessions has hundreds of thousands of events.
    m_services.api->download(
        QStringLiteral("/candidates/%1/export").arg(candidateId), {}, file, this,
        [this, file, path](const Api::ApiError &error, qint64 bytes) {
            const bool saved = !error.isError() && file->commit();
            if (error.isError())
                file->cancelWriting();
            file->deleteLater();
            emit message(
                saved ? tr("Candidate data (%1) saved to %2").arg(QLocale().formattedDataSize(bytes), path)
                : error.isError() ? error.userMessage()
                                  : file->errorString());
            emit candidateDataExported(saved ? path : QString());
        });
}

} // namespace Proctor::Admin::Views
