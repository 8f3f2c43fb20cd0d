// SPDX-License-Identifier: MIT
#include "views/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QFileDialog>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrlQuery>

#include "api/apiclient.h"
#include "api/tokenstore.h"
#include "app/appearance.h"
#include "app/datasize.h"
#include "app/eventtypes.h"
#include "cache/sessioncache.h"
#include "export/csvexporter.h"
#include "models/listmodels.h"
#include "models/resultsmodel.h"
#include "models/sessiondocument.h"
#include "views/adminview.h"
#include "views/compareview.h"
#include "views/dashboardview.h"
#include "views/listviews.h"
#include "views/changepassworddialog.h"
#include "views/logindialog.h"
#include "views/resultsview.h"
#include "views/sessionview.h"
#include "widgets/reviewpanel.h"

namespace Proctor::Admin::Views {

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_resultsModel(new Models::ResultsModel(services.api, this)),
      m_searchModel(new Models::SearchModel(this)), m_sidebar(new QListWidget(this)),
      m_stack(new QStackedWidget(this))
{
    setWindowTitle(tr("Proctor — review and administration"));
    setObjectName(QStringLiteral("MainWindow"));

    m_dashboard = new DashboardView(services, m_stack);
    m_results = new ResultsView(services, m_resultsModel, m_stack);
    m_session = new SessionView(services, m_stack);
    m_compare = new CompareView(services, m_stack);
    m_similar = new SimilarView(services, m_stack);
    m_devices = new DevicesView(services, m_stack);
    m_abandoned = new AbandonedView(services, m_stack);
    m_certificates = new CertificatesView(services, m_stack);
    m_admin = new AdminView(services, m_stack);
    addPage(Dashboard, tr("Dashboard"), QStyle::SP_ComputerIcon, m_dashboard);
    addPage(Results, tr("Results"), QStyle::SP_FileDialogDetailedView, m_results);
    addPage(Session, tr("Session"), QStyle::SP_FileIcon, m_session);
    addPage(Compare, tr("Compare"), QStyle::SP_FileDialogContentsView, m_compare);
    addPage(Similar, tr("Similar"), QStyle::SP_FileDialogInfoView, m_similar);
    addPage(Devices, tr("Devices"), QStyle::SP_DriveHDIcon, m_devices);
    addPage(Abandoned, tr("Abandoned"), QStyle::SP_MessageBoxWarning, m_abandoned);
    addPage(Certificates, tr("Certificates"), QStyle::SP_DialogApplyButton, m_certificates);
    addPage(Administration, tr("Administration"), QStyle::SP_FileDialogListView, m_admin);

    m_sidebar->setAccessibleName(tr("Views"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFixedWidth(m_sidebar->sizeHintForColumn(0) + 40);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        if (auto *v = page(static_cast<Page>(row)))
            v->activate();
    });

    buildToolbar();
    buildMenus();

    m_storeNote = new QLabel(this);
    m_cacheNote = new QLabel(this);
    statusBar()->addWidget(m_storeNote, 1);
    statusBar()->addPermanentWidget(m_cacheNote);
    updateStatusBar();

    // Cross-view navigation.
    connect(m_results, &ResultsView::openSession, this, &MainWindow::openSession);
    connect(m_results, &ResultsView::compareSessions, this, &MainWindow::compareSessions);
    connect(m_results, &ResultsView::findSimilar, this, &MainWindow::findSimilar);
    connect(m_results, &ResultsView::exportRequested, this, [this] { exportCsv(); });
    connect(m_session, &SessionView::compareSessions, this, &MainWindow::compareSessions);
    connect(m_session, &SessionView::findSimilar, this, &MainWindow::findSimilar);
    connect(m_session, &SessionView::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 8000); });
    // Triage: a decision updates the row at once; N opens the next unreviewed session in the list's order.
    connect(m_session->reviewPanel(), &Widgets::ReviewPanel::decided, m_resultsModel,
            &Models::ResultsModel::onReviewDecided);
    connect(m_session->reviewPanel(), &Widgets::ReviewPanel::nextRequested, this,
            &MainWindow::openNextUnreviewed);
    connect(m_similar, &SimilarView::openSession, this, &MainWindow::openSession);
    connect(m_similar, &SimilarView::compareSessions, this, &MainWindow::compareSessions);
    connect(m_abandoned, &AbandonedView::openSession, this, &MainWindow::openSession);
    connect(m_certificates, &CertificatesView::openSession, this, &MainWindow::openSession);
    connect(m_devices, &DevicesView::showDeviceResults, this, [this](const QString &hash) {
        showPage(Results);
        m_results->setFingerprintFilter(hash);
    });
    connect(m_admin, &AdminView::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 8000); });

    // Live feed -> models.
    if (m_services.live) {
        Api::LiveFeedClient *live = m_services.live;
        connect(live, &Api::LiveFeedClient::stateChanged, this, &MainWindow::updateLiveStatus);
        connect(live, &Api::LiveFeedClient::resultSaved, m_resultsModel,
                &Models::ResultsModel::onResultSaved);
        connect(live, &Api::LiveFeedClient::resultSaved, m_session->document(),
                &Models::SessionDocument::onResultSaved);
        connect(live, &Api::LiveFeedClient::eventsAppended, m_session->document(),
                &Models::SessionDocument::onEventsAppended);
        connect(live, &Api::LiveFeedClient::resultSaved, this,
                [this](const QString &id, double score, bool passed) {
                    notify(tr("Result saved: session %1, %2 % (%3)")
                               .arg(id.left(8))
                               .arg(score, 0, 'f', 0)
                               .arg(passed ? tr("passed") : tr("failed")),
                           false, id);
                });
        connect(live, &Api::LiveFeedClient::sessionStarted, this,
                [this](const QString &id, const QString &kind, const QString &test) {
                    const QString kindText = kind == QLatin1String("study") ? tr("study") : tr("test");
                    notify(tr("Session started: %1 (%2, %3)").arg(id.left(8), kindText, test));
                });
        // Print, screenshot, clipboard and after-finish events in a live session are alerts that open it.
        connect(live, &Api::LiveFeedClient::eventsAppended, this,
                [this](const QString &id, int, const QStringList &types) {
                    static const QStringList alerting = {
                        QStringLiteral("print_attempt"), QStringLiteral("screenshot_attempt"),
                        QStringLiteral("copy_attempt"), QStringLiteral("cut_attempt"),
                        QStringLiteral("paste_attempt")};
                    QStringList seen;
                    for (const QString &t : types)
                        if (alerting.contains(t))
                            seen.append(EventTypes::label(t));
                    if (!seen.isEmpty())
                        notify(tr("Session %1: %2").arg(id.left(8), seen.join(QStringLiteral(", "))), true,
                               id);
                });
        connect(live, &Api::LiveFeedClient::riskRaised, this, [this](const QString &id, int score) {
            notify(tr("Session %1: risk rose to high (%2)").arg(id.left(8)).arg(score), true, id);
        });
        // The dashboard follows the live feed, at most once per few seconds.
        m_dashboardRefresh = new QTimer(this);
        m_dashboardRefresh->setSingleShot(true);
        m_dashboardRefresh->setInterval(3000);
        connect(m_dashboardRefresh, &QTimer::timeout, this, [this] {
            if (m_services.api && m_services.api->hasToken())
                m_dashboard->reload();
        });
        const auto refreshSoon = [this] {
            if (!m_dashboardRefresh->isActive())
                m_dashboardRefresh->start();
        };
        connect(live, &Api::LiveFeedClient::resultSaved, this, refreshSoon);
        connect(live, &Api::LiveFeedClient::sessionStarted, this, refreshSoon);
        connect(live, &Api::LiveFeedClient::candidateDeleted, this, refreshSoon);
        connect(live, &Api::LiveFeedClient::reviewDecided, this, refreshSoon);
        connect(live, &Api::LiveFeedClient::reviewDecided, this,
                [this](const QString &id, const QString &state, const QString &) {
                    m_resultsModel->onReviewDecided(id, state);
                    m_session->reviewPanel()->onReviewDecided(id);
                });
        connect(live, &Api::LiveFeedClient::apiKeyRevoked, this,
                [this](const QString &) { notify(tr("An API key was revoked")); });
        // An erased candidate disappears everywhere this desktop keeps it: the results list, the open
        // session (which then says so) and the local cache.
        connect(live, &Api::LiveFeedClient::candidateDeleted, m_resultsModel,
                &Models::ResultsModel::onCandidateDeleted);
        connect(live, &Api::LiveFeedClient::candidateDeleted, m_session->document(),
                &Models::SessionDocument::onCandidateDeleted);
        connect(live, &Api::LiveFeedClient::candidateDeleted, this,
                [this](qint64 candidateId, const QStringList &sessionIds) {
                    if (m_services.cache && m_services.api)
                        m_services.cache->removeCandidate(m_services.api->serverUrl().toString(),
                                                          QString::number(candidateId), sessionIds);
                    notify(tr("Candidate #%1 was deleted with all their sessions").arg(candidateId));
                    updateStatusBar();
                });
        connect(live, &Api::LiveFeedClient::loginThrottled, this,
                [this](const QString &email, const QString &address, int failures, int delaySeconds) {
                    notify(
                        email.isEmpty()
                            ? tr("Sign-in throttled: %1 failed attempts from %2; the next attempt waits %3 s")
                                  .arg(failures)
                                  .arg(address)
                                  .arg(delaySeconds)
                            : tr("Sign-in throttled: %1 failed attempts for %2 from %3; the next attempt "
                                 "waits %4 s")
                                  .arg(failures)
                                  .arg(email, address)
                                  .arg(delaySeconds),
                        true);
                });
        updateLiveStatus(live->state());
    }
    if (m_services.api)
        connect(m_services.api, &Api::ApiClient::authenticationLost, this, [this](const Api::ApiError &e) {
            // Deferred: the failing request's callback is still on the stack.
            QTimer::singleShot(0, this, [this, e] { requestSignIn(e.userMessage()); });
        });
    if (m_services.tokens)
        connect(m_services.tokens, &Api::TokenStore::backendChanged, this, &MainWindow::updateStatusBar);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1400, 900);
    m_sidebar->setCurrentRow(qBound(
        0, settings.value(QStringLiteral("window/page"), static_cast<int>(Results)).toInt(), PageCount - 1));
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page page, const QString &title, QStyle::StandardPixmap icon, View *view)
{
    Q_ASSERT(m_stack->count() == page);
    auto *item = new QListWidgetItem(style()->standardIcon(icon), title, m_sidebar);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(page + 1));
    item->setData(Qt::AccessibleTextRole, title);
    m_stack->addWidget(view);
    auto *shortcut =
        new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(int(Qt::Key_1) + int(page))), this);
    connect(shortcut, &QShortcut::activated, this, [this, page] { showPage(page); });
}

void MainWindow::buildToolbar()
{
    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolbar"));
    bar->setMovable(false);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search candidates, sessions, certificates (Ctrl+K)"));
    m_search->setAccessibleName(tr("Global search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(380);
    m_completer = new QCompleter(m_searchModel, this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(m_search);
    bar->addWidget(m_search);
    auto *shortcut = new QShortcut(QKeySequence(QStringLiteral("Ctrl+K")), this);
    connect(shortcut, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter without choosing: search the results table with the same text.
        if (m_completer->popup()->isVisible())
            return;
        showPage(Results);
        m_results->setSearchText(m_search->text());
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString id = index.data(Models::SearchModel::SessionIdRole).toString();
                if (!id.isEmpty())
                    openSession(id);
            });

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_liveStatus = new QLabel(bar);
    m_liveStatus->setAccessibleName(tr("Live updates status"));
    bar->addWidget(m_liveStatus);
    m_bell = new QToolButton(bar);
    m_bell->setAccessibleName(tr("Notifications"));
    m_bell->setToolTip(tr("Notifications"));
    m_bell->setPopupMode(QToolButton::InstantPopup);
    m_bell->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    m_bell->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_bell->setMenu(new QMenu(m_bell));
    connect(m_bell->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_bell->menu();
        menu->clear();
        if (m_notifications.isEmpty())
            menu->addAction(tr("No notifications"))->setEnabled(false);
        for (const Notification &n : std::as_const(m_notifications)) {
            QAction *entry =
                n.alert ? menu->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), n.text)
                        : menu->addAction(n.text);
            if (n.alert) {
                QFont bold = entry->font();
                bold.setBold(true);
                entry->setFont(bold);
            }
            if (n.sessionId.isEmpty())
                entry->setEnabled(false);
            else
                connect(entry, &QAction::triggered, this, [this, id = n.sessionId] { openSession(id); });
        }
        m_unread = 0;
        updateBadge();
    });
    bar->addWidget(m_bell);
    m_account = new QLabel(bar);
    m_account->setContentsMargins(8, 0, 8, 0);
    bar->addWidget(m_account);
    updateBadge();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *csv = file->addAction(tr("Export table as &CSV…"), this, [this] { exportCsv(); });
    csv->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    QAction *pdf = file->addAction(tr("Session &PDF report…"), this, [this] {
        showPage(Session);
        m_session->exportPdf();
    });
    pdf->setShortcut(QKeySequence::Print);
    file->addSeparator();
    file->addAction(tr("Clear local &cache…"), this, [this] {
        if (!m_services.cache)
            return;
        if (QMessageBox::question(this, tr("Clear cache"),
                                  tr("Remove the %n cached session(s) from this computer?", nullptr,
                                     m_services.cache->count())) == QMessageBox::Yes) {
            m_services.cache->clear();
            updateStatusBar();
        }
    });
    file->addSeparator();
    file->addAction(tr("Sign &in…"), this, [this] {
        if (!requestSignIn())
            statusBar()->showMessage(tr("Not signed in. Use File > Sign in to sign in."));
    });
    file->addAction(tr("Change my &password…"), this, [this] { openChangePassword(); });
    file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this] {
        if (currentPage() == Results)
            m_resultsModel->reload();
        else if (currentPage() == Session)
            m_session->document()->refresh();
        else if (currentPage() == Dashboard)
            m_dashboard->reload();
        else if (auto *v = page(currentPage()))
            v->activate();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    view->addSeparator();
    auto *themes = new QActionGroup(this);
    QAction *light = view->addAction(tr("&Light theme"));
    QAction *dark = view->addAction(tr("&Dark theme"));
    for (QAction *a : {light, dark}) {
        a->setCheckable(true);
        themes->addAction(a);
    }
    (Appearance::currentTheme() == Appearance::Theme::Dark ? dark : light)->setChecked(true);
    auto setTheme = [this](Appearance::Theme t) {
        Appearance::applyTheme(t);
        QSettings().setValue(QStringLiteral("appearance/theme"), Appearance::themeKey(t));
        m_dashboard->reload();
    };
    connect(light, &QAction::triggered, this, [setTheme] { setTheme(Appearance::Theme::Light); });
    connect(dark, &QAction::triggered, this, [setTheme] { setTheme(Appearance::Theme::Dark); });
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    languages->setExclusive(true);
    for (const auto &[code, name] : {std::pair{QStringLiteral("ru"), QStringLiteral("Русский")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction *a = language->addAction(name, this, [this, code = code] { switchLanguage(code); });
        a->setCheckable(true);
        a->setChecked(Appearance::currentLanguage() == code);
        a->setData(code);
        languages->addAction(a);
    }
}

View *MainWindow::page(Page p) const
{
    return static_cast<View *>(m_stack->widget(p));
}

void MainWindow::showPage(Page p)
{
    m_sidebar->setCurrentRow(p);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

void MainWindow::onSignedIn()
{
    if (!m_services.api)
        return;
    const Api::AdminAccount a = m_services.api->account();
    m_account->setTextFormat(Qt::PlainText); // the display name is the server's text
    m_account->setText(QStringLiteral("%1 · %2").arg(a.displayName.isEmpty() ? a.email : a.displayName,
                                                     a.role == QLatin1String("admin") ? tr("administrator")
                                                                                      : tr("proctor")));
    m_account->setToolTip(a.email);
    if (m_services.live)
        m_services.live->start(m_services.api->liveUrl(), m_services.api->token());
    m_resultsModel->reload();
    m_results->loadTests();
    if (auto *v = page(currentPage()))
        v->activate();
    m_dashboard->reload();
    updateStatusBar();
}

void MainWindow::openSession(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    m_session->openSession(sessionId);
    showPage(Session);
    QTimer::singleShot(1500, this, &MainWindow::updateStatusBar);
}

void MainWindow::compareSessions(const QStringList &sessionIds)
{
    m_compare->compare(sessionIds);
    showPage(Compare);
}

void MainWindow::findSimilar(const QString &sessionId)
{
    showPage(Similar);
    m_similar->findFor(sessionId);
}

void MainWindow::exportCsv(const QString &givenPath)
{
    View *v = page(currentPage());
    QAbstractItemModel *model = v ? v->exportModel() : nullptr;
    if (!model) {
        statusBar()->showMessage(tr("This view has no table to export."), 5000);
        return;
    }
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                  QLatin1Char('/') + v->exportName() + QStringLiteral(".csv");
        path = QFileDialog::getSaveFileName(this, tr("Export CSV"), suggested, tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
    }
    // The results list is exported by the server: the whole filtered set, raw values and session ids, not
    // only the rows loaded here.
    if (v == m_results && m_services.api && m_services.api->hasToken()) {
        QUrlQuery q = m_resultsModel->filter().toQuery();
        q.removeAllQueryItems(QStringLiteral("limit"));
        // Spreadsheets in locales with a decimal comma (Russian) expect ";" between fields.
        if (QLocale().decimalPoint() == QLatin1String(","))
            q.addQueryItem(QStringLiteral("sep"), QStringLiteral("semicolon"));
        auto *file = new QSaveFile(path, this);
        if (!file->open(QIODevice::WriteOnly)) {
            QMessageBox::warning(this, tr("Export CSV"), file->errorString());
            delete file;
            return;
        }
        statusBar()->showMessage(tr("Exporting…"));
        m_services.api->download(QStringLiteral("/results/export.csv"), q, file, this,
                                 [this, file, path](const Api::ApiError &error, qint64 bytes) {
                                     if (error.isError()) {
                                         file->cancelWriting();
                                         file->deleteLater();
                                         QMessageBox::warning(this, tr("Export CSV"), error.userMessage());
                                         statusBar()->clearMessage();
                                         return;
                                     }
                                     const bool saved = file->commit();
                                     file->deleteLater();
                                     if (!saved)
                                         QMessageBox::warning(this, tr("Export CSV"), file->errorString());
                                     else
                                         statusBar()->showMessage(
                                             tr("Exported %1 to %2").arg(DataSize::text(bytes), path), 8000);
                                     emit csvExported(saved ? path : QString());
                                 });
        return;
    }
    QString error;
    if (!Export::writeCsv(*model, path, &error))
        QMessageBox::warning(this, tr("Export CSV"), error);
    else
        statusBar()->showMessage(
            tr("%n row(s) exported to %1", nullptr, model->rowCount()).arg(path) +
                (model->canFetchMore({}) ? tr(" (only the rows loaded so far)") : QString()),
            8000);
}

void MainWindow::switchLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("appearance/language"), code);
    if (code == Appearance::currentLanguage())
        return;
    Appearance::applyLanguage(code);
    // Every view builds its texts when it is made: the owner (main()) makes this window again in the new
    // language, signed in as before, on the same page.
    emit languageChanged(code);
}

void MainWindow::openNextUnreviewed()
{
    const QString current = m_session->sessionId();
    m_resultsModel->findNextUnreviewed(current, [this](const QString &next) {
        if (next.isEmpty()) {
            statusBar()->showMessage(tr("No unreviewed session left in the results list."), 8000);
            return;
        }
        openSession(next);
        const int row = m_resultsModel->rowOfSession(next);
        if (row >= 0)
            m_results->table()->selectRow(row);
    });
}

void MainWindow::signOut()
{
    if (m_services.live)
        m_services.live->stop();
    if (m_services.api) {
        if (m_services.tokens)
            m_services.tokens->remove(Api::TokenStore::accountKey(m_services.api->serverUrl().toString(),
                                                                  m_services.api->account().email));
        m_services.api->logout();
    }
    m_account->clear();
    // Nothing of the previous account stays: not behind the sign-in dialog, not in the local cache.
    if (m_services.cache)
        m_services.cache->clear();
    m_resultsModel->setRows({});
    m_session->openSession({});
    centralWidget()->setVisible(false);
    const bool signedIn = requestSignIn(tr("Signed out."));
    centralWidget()->setVisible(true);
    // Cancel means "not now", not "quit": the window stays, signed out, and File > Sign in is there.
    if (!signedIn)
        statusBar()->showMessage(tr("Not signed in. Use File > Sign in to sign in."));
}

ChangePasswordDialog *MainWindow::openChangePassword()
{
    if (!m_services.api || !m_services.api->hasToken()) {
        statusBar()->showMessage(tr("Not signed in. Use File > Sign in to sign in."));
        return nullptr;
    }
    auto *dialog = new ChangePasswordDialog(m_services.api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::changed, this, [this](int others) {
        statusBar()->showMessage(tr("Your password was changed; %n other sign-in(s) ended.", nullptr, others),
                                 10000);
    });
    dialog->open();
    return dialog;
}

bool MainWindow::requestSignIn(const QString &reason)
{
    if (m_signInOpen)
        return false;
    for (LoginDialog *open : findChildren<LoginDialog *>())
        if (open->isVisible()) {
            open->setMessage(reason);
            return false;
        }
    m_signInOpen = true;
    if (m_services.live)
        m_services.live->stop();
    LoginDialog dialog(m_services.api, m_services.tokens, this);
    if (!reason.isEmpty())
        dialog.setMessage(reason);
    const bool ok = dialog.exec() == QDialog::Accepted;
    m_signInOpen = false;
    if (ok)
        onSignedIn();
    return ok;
}

void MainWindow::notify(const QString &text, bool alert, const QString &sessionId)
{
    m_notifications.prepend(Notification{
        QStringLiteral("%1  %2").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat), text),
        alert, sessionId});
    // An alert also reaches a proctor looking at another window (where the desktop has a tray).
    if (alert && QSystemTrayIcon::isSystemTrayAvailable()) {
        static QSystemTrayIcon *tray = nullptr;
        if (!tray) {
            tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning), qApp);
            tray->show();
        }
        tray->showMessage(tr("Proctor"), text, QSystemTrayIcon::Warning, 10000);
    }
    while (m_notifications.size() > 50)
        m_notifications.removeLast();
    ++m_unread;
    updateBadge();
    statusBar()->showMessage(text, alert ? 15000 : 4000);
}

void MainWindow::updateBadge()
{
    // Text, not an emoji: offscreen and minimal desktops often have no emoji font.
    m_bell->setText(m_unread > 0 ? tr("Alerts %1").arg(m_unread) : tr("Alerts"));
    m_bell->setAccessibleDescription(tr("%n unread notification(s)", nullptr, m_unread));
    m_bell->setStyleSheet(
        m_unread > 0
            ? QStringLiteral(
                  "QToolButton { color: white; background: #dc2626; border-radius: 9px; padding: 2px 8px; }")
            : QString());
}

QString MainWindow::liveStatusText() const
{
    return m_liveStatus->text();
}

void MainWindow::updateLiveStatus(Api::LiveFeedClient::State state)
{
    QString text;
    QString color;
    switch (state) {
    case Api::LiveFeedClient::State::Connected:
        text = tr("Live: connected");
        color = QStringLiteral("#059669");
        break;
    case Api::LiveFeedClient::State::Connecting:
        text = tr("Live: connecting…");
        color = QStringLiteral("#d97706");
        break;
    case Api::LiveFeedClient::State::Reconnecting:
        text = tr("Live: reconnecting…");
        color = QStringLiteral("#d97706");
        break;
    case Api::LiveFeedClient::State::Disconnected:
        text = tr("Live: off");
        color = QStringLiteral("#64748b");
        break;
    }
    m_liveStatus->setText(QStringLiteral("<span style='color:%1'>●</span> %2").arg(color, text));
    m_liveStatus->setAccessibleDescription(text);
}

void MainWindow::updateStatusBar()
{
    if (m_services.tokens && m_services.tokens->backend() == Api::TokenStore::Backend::Memory)
        m_storeNote->setText(tr("Sign-in kept in memory only: %1").arg(m_services.tokens->memoryReason()));
    else
        m_storeNote->setText(tr("Sign-in kept in the system keychain"));
    if (m_services.cache)
        m_cacheNote->setText(tr("Cache: %n session(s), %1 MB", nullptr, m_services.cache->count())
                                 .arg(QLocale().toString(m_services.cache->sizeBytes() / 1048576.0, 'f', 1)));
}

void MainWindow::runSearch()
{
    const QString q = m_search->text().trimmed();
    if (q.size() < 2 || !m_services.api) {
        m_searchModel->clear();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), q);
    m_services.api->get(QStringLiteral("/search"), query, this, [this, q](const Api::Response &r) {
        if (!r.ok() || m_search->text().trimmed() != q)
            return;
        m_searchModel->setAnswer(r.object());
        if (m_searchModel->rowCount() > 0)
            m_completer->complete();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), static_cast<int>(currentPage()));
    QMainWindow::closeEvent(event);
}

} // namespace Proctor::Admin::Views
