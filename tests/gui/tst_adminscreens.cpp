// SPDX-License-Identifier: MIT
// The whole main window against the fake server: every view is shown with data and saved as a PNG
// (screenshots/fake-*.png), the session PDF and CSV export are written.
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "api/apiclient.h"
#include "api/livefeedclient.h"
#include "api/tokenstore.h"
#include "app/appearance.h"
#include "cache/sessioncache.h"
#include "fakeserver.h"
#include "models/listmodels.h"
#include "models/resultsmodel.h"
#include "models/sessiondocument.h"
#include "screenshots.h"
#include "views/adminview.h"
#include "views/compareview.h"
#include "views/dashboardview.h"
#include "views/listviews.h"
#include "views/mainwindow.h"
#include "views/resultsview.h"
#include "views/sessionview.h"
#include "widgets/statcard.h"
#include "widgets/timelinewidget.h"
#include "widgets/trajectoryoverlaywidget.h"

using namespace Proctor::Admin;
using Proctor::Testing::FakeData;
using Proctor::Testing::FakeServer;

// The main window signed in to the fake server, as the app is after a login.
struct SignedInWindow
{
    FakeServer server;
    QTemporaryDir dir;
    Api::ApiClient api;
    Api::LiveFeedClient live;
    Api::TokenStore tokens;
    Cache::SessionCache cache{dir.filePath(QStringLiteral("cache.sqlite"))};
    Views::MainWindow window{Views::Services{&api, &live, &tokens, &cache}};

    bool open()
    {
        FakeData::install(server);
        window.resize(1500, 950);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        api.setServerUrl(QUrl(server.baseUrl()));
        bool ok = false;
        api.login(QStringLiteral("admin@example.org"), QStringLiteral("correct horse"), nullptr,
                  [&](auto r) { ok = r.has_value(); });
        if (!QTest::qWaitFor([&] { return ok; }, 5000))
            return false;
        window.onSignedIn();
        return true;
    }
};

class TestAdminScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ProctorTest"));
        QCoreApplication::setApplicationName(QStringLiteral("proctor-admin-screens"));
        Appearance::applyTheme(Appearance::Theme::Light);
        Appearance::applyLanguage(QStringLiteral("en"));
    }

    void everyViewWithData()
    {
        SignedInWindow app;
        QVERIFY(app.open());
        Views::MainWindow &window = app.window;
        Api::LiveFeedClient &live = app.live;
        QTemporaryDir &dir = app.dir;

        window.showPage(Views::MainWindow::Dashboard);
        QTRY_COMPARE(window.dashboardView()->card(0)->valueText(), QStringLiteral("312"));
        QVERIFY(window.dashboardView()->card(0)->changeText().contains(QStringLiteral("12.5")));
        QTest::qWait(200);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-dashboard")));

        window.showPage(Views::MainWindow::Results);
        QTRY_VERIFY(window.resultsModel()->rowCount() >= 100);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-results")));

        // The results CSV is the server's export of the whole filtered set (streamed to the file), not the
        // rows loaded here: the request carries the list's filters and order.
        QString exportQuery;
        app.server.route("GET", "/api/v1/results/export.csv",
                         [&exportQuery](const Proctor::Testing::FakeRequest &r) {
                             exportQuery = r.query;
                             Proctor::Testing::FakeResponse response;
                             response.body = "\xEF\xBB\xBFsessionId,candidate\r\ns-1,Иванов Иван\r\n";
                             response.headers.append(qMakePair(QByteArray("Content-Type"),
                                                               QByteArray("text/csv; charset=utf-8")));
                             return response;
                         });
        const QString csvPath = dir.filePath(QStringLiteral("results.csv"));
        QSignalSpy exported(&window, &Views::MainWindow::csvExported);
        window.exportCsv(csvPath);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().first().toString(), csvPath);
        QVERIFY(exportQuery.contains(QStringLiteral("sort=finished")));
        QVERIFY(!exportQuery.contains(QStringLiteral("limit=")));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(csv.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1), QStringLiteral("s-1,Иванов Иван"));

        window.openSession(FakeData::sessionId(7));
        auto *session = window.sessionView();
        QTRY_VERIFY(!session->document()->isLoading() && session->document()->timeline()->rowCount() > 0);
        session->selectRiskFactor(0); // print attempts: highlighted on the timeline
        QTRY_VERIFY(session->timeline()->selectedRow() >= 0);
        QVERIFY(session->document()
                    ->timeline()
                    ->index(session->timeline()->selectedRow(), 0)
                    .data(Models::TimelineModel::HighlightRole)
                    .toBool());
        QTest::qWait(100);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-session")));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        session->exportPdf(pdf);
        QVERIFY(QFileInfo(pdf).size() > 5000);
        QFile::copy(pdf, Proctor::Testing::screenshotDir() + QStringLiteral("/fake-session-report.pdf"));

        window.compareSessions({FakeData::sessionId(1), FakeData::sessionId(2), FakeData::sessionId(3)});
        QTRY_COMPARE(window.compareView()->overlay()->data().trajectories.size(), 3);
        QCOMPARE(window.compareView()->pairScores()->rowCount(), 3);
        QTest::qWait(100);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-compare")));
        window.compareView()->tabs()->setCurrentIndex(3);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-compare-fingerprints")));
        window.compareView()->tabs()->setCurrentIndex(0);

        window.findSimilar(FakeData::sessionId(1));
        QTRY_COMPARE(window.similarView()->model()->rowCount(), 8);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-similar")));

        window.showPage(Views::MainWindow::Devices);
        QTRY_COMPARE(window.devicesView()->groups()->rowCount(), 6);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-devices")));

        window.showPage(Views::MainWindow::Abandoned);
        QTRY_COMPARE(window.abandonedView()->model()->rowCount(), 12);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-abandoned")));

        window.showPage(Views::MainWindow::Certificates);
        QTRY_COMPARE(window.certificatesView()->model()->rowCount(), 25);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-certificates")));

        window.showPage(Views::MainWindow::Administration);
        QTRY_COMPARE(window.adminView()->apiKeys()->rowCount(), 2);
        QTRY_COMPARE(window.adminView()->audit()->rowCount(), 15);
        QString createdKey;
        window.adminView()->createApiKey(QStringLiteral("kiosk"), {QStringLiteral("tests:read")},
                                         [&](const QString &key, const QString &) { createdKey = key; });
        QTRY_COMPARE(createdKey, QStringLiteral("pk_new_secret_key"));
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-administration")));

        // Live: a result arrives, the badge counts it.
        live.handleMessage(
            QStringLiteral(R"({"type":"result_saved","sessionId":"%1","score":90,"passed":true})")
                .arg(FakeData::sessionId(1)));
        QCOMPARE(window.unreadNotifications(), 1);

        // Dark palette.
        Appearance::applyTheme(Appearance::Theme::Dark);
        window.showPage(Views::MainWindow::Dashboard);
        window.dashboardView()->reload();
        QTest::qWait(300);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-dashboard-dark")));
        window.openSession(FakeData::sessionId(7));
        QTRY_VERIFY(!session->document()->isLoading());
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-session-dark")));
        Appearance::applyTheme(Appearance::Theme::Light);
        window.close();
    }

    // login_throttled is an alert in the Notifications menu; candidate_deleted empties the open session,
    // drops the candidate's rows and the local cache entry.
    void liveAlertsAndErasures()
    {
        SignedInWindow app;
        QVERIFY(app.open());
        Views::MainWindow &window = app.window;
        window.showPage(Views::MainWindow::Results);
        Models::ResultsModel *results = window.resultsModel();
        QTRY_VERIFY(results->rowCount() >= 100);
        window.openSession(FakeData::sessionId(7));
        Models::SessionDocument *doc = window.sessionView()->document();
        QTRY_VERIFY(!doc->isLoading() && doc->source() == Models::SessionDocument::Source::Server);
        const QString server = app.api.serverUrl().toString();
        QVERIFY(app.cache.contains(server, FakeData::sessionId(7)));

        const int unread = window.unreadNotifications();
        app.live.handleMessage(QStringLiteral(R"({"type":"login_throttled","email":"boss@example.org",)"
                                              R"("address":"203.0.113.9","failures":6,"delaySeconds":16})"));
        QCOMPARE(window.unreadNotifications(), unread + 1);
        const Views::MainWindow::Notification alert = window.notifications().first();
        QVERIFY(alert.alert);
        QVERIFY2(alert.text.contains(QStringLiteral("boss@example.org")) &&
                     alert.text.contains(QStringLiteral("203.0.113.9")) &&
                     alert.text.contains(QStringLiteral("16 s")),
                 qPrintable(alert.text));

        // Candidate 1007 has sessions 7, 47, 87, … in the fake data; the message lists none of them.
        int theirs = 0;
        for (int r = 0; r < results->rowCount(); ++r)
            theirs += results->rowAt(r).candidate.id == QLatin1String("1007") ? 1 : 0;
        QVERIFY(theirs >= 2);
        const int before = results->rowCount();
        app.live.handleMessage(QStringLiteral(R"({"type":"candidate_deleted","candidateId":1007})"));
        QCOMPARE(results->rowCount(), before - theirs);
        QCOMPARE(results->rowOfSession(FakeData::sessionId(7)), -1);
        QVERIFY(doc->isDeleted());
        QVERIFY(!doc->detail().isValid());
        QVERIFY(!app.cache.contains(server, FakeData::sessionId(7)));
        QVERIFY(!window.notifications().first().alert);
        window.showPage(Views::MainWindow::Session);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-session-deleted")));
        window.close();
    }

    void russianTranslationLoads()
    {
        QCOMPARE(Appearance::applyLanguage(QStringLiteral("ru")), QStringLiteral("ru"));
        QCOMPARE(QCoreApplication::translate("Proctor::Admin::Views::MainWindow", "Results"),
                 QStringLiteral("Результаты"));
        Appearance::applyLanguage(QStringLiteral("en"));
    }

    // The main views in Russian (screenshots/fake-*-ru.png): every label translated and fitting.
    void russianScreens()
    {
        Appearance::applyLanguage(QStringLiteral("ru"));
        SignedInWindow app;
        QVERIFY(app.open());
        Views::MainWindow &window = app.window;

        window.showPage(Views::MainWindow::Dashboard);
        QTRY_COMPARE(window.dashboardView()->card(0)->valueText(), QStringLiteral("312"));
        QTest::qWait(200);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-dashboard-ru")));
        window.openSession(FakeData::sessionId(7));
        QTRY_VERIFY(!window.sessionView()->document()->isLoading());
        QTest::qWait(200);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-session-ru")));
        window.showPage(Views::MainWindow::Administration);
        QTest::qWait(300);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("fake-administration-ru")));
        window.close();
        Appearance::applyLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestAdminScreens)
#include "tst_adminscreens.moc"
