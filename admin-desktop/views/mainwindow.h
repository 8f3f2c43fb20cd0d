// SPDX-License-Identifier: MIT
// The main window: sidebar of views, global search (Ctrl+K), live status and notification badge,
// export, cache, theme and language, sign-in and sign-out.
#pragma once

#include <QMainWindow>
#include <QStyle>

#include "api/apierror.h"
#include "api/livefeedclient.h"
#include "views/view.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QToolButton;
class QCompleter;
class QTimer;

namespace Proctor::Admin::Models {
class ResultsModel;
class SearchModel;
} // namespace Proctor::Admin::Models

namespace Proctor::Admin::Views {

class DashboardView;
class ResultsView;
class SessionView;
class CompareView;
class SimilarView;
class DevicesView;
class AbandonedView;
class CertificatesView;
class AdminView;
class ChangePasswordDialog;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Page
    {
        Dashboard,
        Results,
        Session,
        Compare,
        Similar,
        Devices,
        Abandoned,
        Certificates,
        Administration,
        PageCount
    };
    Q_ENUM(Page)

    // One entry of the Notifications menu; alerts (throttled sign-ins) are marked with a warning icon.
    struct Notification
    {
        QString text;
        bool alert = false;
        QString sessionId; // clicking the entry opens it; empty: nothing to open
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    View *page(Page page) const;
    DashboardView *dashboardView() const { return m_dashboard; }
    ResultsView *resultsView() const { return m_results; }
    SessionView *sessionView() const { return m_session; }
    CompareView *compareView() const { return m_compare; }
    SimilarView *similarView() const { return m_similar; }
    DevicesView *devicesView() const { return m_devices; }
    AbandonedView *abandonedView() const { return m_abandoned; }
    CertificatesView *certificatesView() const { return m_certificates; }
    AdminView *adminView() const { return m_admin; }
    Models::ResultsModel *resultsModel() const { return m_resultsModel; }
    int unreadNotifications() const { return m_unread; }
    // Newest first.
    QList<Notification> notifications() const { return m_notifications; }
    QString liveStatusText() const;

public slots:
    // After a successful sign-in: live feed, first loads.
    void onSignedIn();
    void openSession(const QString &sessionId);
    void compareSessions(const QStringList &sessionIds);
    void findSimilar(const QString &sessionId);
    // Installs the language's translations (Qt's own too) and remembers it; emits languageChanged().
    void switchLanguage(const QString &code);
    // The next unreviewed session after the open one, in the results list's order (key N).
    void openNextUnreviewed();
    void exportCsv(const QString &path = {});
    void signOut();
    // Shows the sign-in dialog (with a reason); returns false when the user cancelled (the window stays,
    // signed out).
    bool requestSignIn(const QString &reason = {});
    // File > Change my password: the dialog, opened and deleted when closed (nullptr when signed out).
    ChangePasswordDialog *openChangePassword();

signals:
    // A server-side CSV export finished: the file written, or an empty path when it failed.
    void csvExported(const QString &path);
    // The language changed: the window's owner replaces it with one built in the new language.
    void languageChanged(const QString &code);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolbar();
    void buildMenus();
    void addPage(Page page, const QString &title, QStyle::StandardPixmap icon, View *view);
    void notify(const QString &text, bool alert = false, const QString &sessionId = {});
    void updateLiveStatus(Api::LiveFeedClient::State state);
    void updateBadge();
    void updateStatusBar();
    void runSearch();

    Services m_services;
    Models::ResultsModel *m_resultsModel;
    Models::SearchModel *m_searchModel;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLineEdit *m_search;
    QCompleter *m_completer;
    QLabel *m_liveStatus;
    QToolButton *m_bell;
    QLabel *m_account;
    QLabel *m_storeNote;
    QLabel *m_cacheNote;
    QList<Notification> m_notifications;
    QTimer *m_dashboardRefresh = nullptr;
    int m_unread = 0;
    bool m_signInOpen = false;
    DashboardView *m_dashboard;
    ResultsView *m_results;
    SessionView *m_session;
    CompareView *m_compare;
    SimilarView *m_similar;
    DevicesView *m_devices;
    AbandonedView *m_abandoned;
    CertificatesView *m_certificates;
    AdminView *m_admin;
};

} // namespace Proctor::Admin::Views
