// SPDX-License-Identifier: MIT
// proctor-admin against the real collector (PROCTOR_COLLECTOR_BIN) with data seeded through its HTTP API:
// sign-in, the results model with keyset paging, a session's timeline and risk, the live feed changing
// the results model, a screenshot of every main view (screenshots/collector-*.png), and a candidate's
// erasure reaching the desktop through the live feed.
#include <cmath>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLibraryInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTest>

#include "api/apiclient.h"
#include "api/livefeedclient.h"
#include "api/tokenstore.h"
#include "app/appearance.h"
#include "cache/sessioncache.h"
#include "hotpathfixture.h"
#include "models/listmodels.h"
#include "models/resultsmodel.h"
#include "models/sessiondocument.h"
#include "screenshots.h"
#include "views/adminview.h"
#include "views/compareview.h"
#include "views/dashboardview.h"
#include "views/listviews.h"
#include "views/logindialog.h"
#include "views/mainwindow.h"
#include "views/sessionview.h"
#include "widgets/statcard.h"
#include "widgets/timelinewidget.h"
#include "widgets/reviewpanel.h"
#include "widgets/trajectoryoverlaywidget.h"

using namespace Proctor::Admin;
using Proctor::Testing::HotPathFixture;
using Proctor::Testing::StartedSession;

namespace {
const QByteArray kPassword = "correct horse battery";
const char *const kNames[] = {"Иванов", "Петрова", "Сидоров", "Кузнецова", "Смирнов", "Попова", "Волков"};

QJsonObject eventAt(int seq, const QString &type, qint64 ms, const QJsonObject &details = {})
{
    QJsonObject e = HotPathFixture::event(seq, type, details);
    e.insert(QStringLiteral("clientTs"),
             QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC).addMSecs(ms).toString(Qt::ISODateWithMs));
    return e;
}

QJsonObject telemetryFor(const StartedSession &s, int variant)
{
    QJsonArray mouse;
    QJsonArray questions;
    for (int q = 0; q < 4 && q < s.questions.size(); ++q) {
        const QString id = s.questions[q].toObject().value(QStringLiteral("id")).toString();
        QJsonArray points;
        for (int k = 0; k <= 60; ++k) {
            const double t = k / 60.0;
            points.append(QJsonArray{qRound(200 + 600 * t + (variant % 3) * 20 * std::sin(t * 8 + q)),
                                     qRound(500 - 300 * t * t + 30 * std::sin(t * 3 * (q + 1)) +
                                            (variant % 2) * 15 * std::cos(t * 11)),
                                     k * 16});
        }
        mouse.append(QJsonObject{{"questionId", id}, {"points", points}});
    }
    for (const QJsonValue &q : s.questions)
        questions.append(QJsonObject{{"questionId", q.toObject().value("id")},
                                     {"latencyMs", 4000 + (variant * 977 + questions.size() * 1311) % 9000},
                                     {"answerChanges", questions.size() % 2}});
    QJsonArray keys;
    int t = 1000;
    for (int i = 0; i < 30; ++i) {
        const int dwell = 70 + variant * 8 + (i * 13) % 25;
        keys.append(QJsonObject{
            {"code", QStringLiteral("Key%1").arg(QChar('A' + i % 5))}, {"downMs", t}, {"upMs", t + dwell}});
        t += 150 + variant * 20 + (i * 29) % 40;
    }
    return QJsonObject{
        {"questions", questions},   {"focusLossCount", variant % 4},
        {"blurMs", 1000 * variant}, {"mouse", mouse},
        {"keystrokes", keys},       {"viewport", QJsonObject{{"width", 1280}, {"height", 800}}}};
}

// A finished session: events (some violations, one after finish), a result with telemetry.
// `lastName` and `userAgent` replace the defaults when given.
QString seedSession(HotPathFixture &fx, int variant, int correct, const QString &lastName = {},
                    const QString &userAgent = {})
{
    QJsonObject body = HotPathFixture::sessionStartBody(
        lastName.isEmpty() ? QString::fromUtf8(kNames[variant % 7]) : lastName,
        QStringLiteral("0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d%1").arg(variant, 2, 10, QLatin1Char('0')));
    QJsonObject fp = body.value("fingerprint").toObject();
    if (!userAgent.isEmpty()) {
        QJsonObject attributes = fp.value("attributes").toObject();
        attributes.insert("userAgent", userAgent);
        fp.insert("attributes", attributes);
    }
    fp.insert("privacySafeHash", QString(62, QLatin1Char(variant < 3 ? 'a' : 'b')) +
                                     QStringLiteral("%1").arg(variant % 3, 2, 10, QLatin1Char('0')));
    body.insert("fingerprint", fp);
    const StartedSession s = fx.startSession(body);
    if (s.id.isEmpty())
        return {};
    QJsonArray events;
    int seq = 0;
    qint64 ms = 0;
    events.append(eventAt(seq++, "test_started", ms, {{"questionCount", 10}}));
    for (int q = 0; q < s.questions.size(); ++q) {
        const QString qid = s.questions[q].toObject().value("id").toString();
        ms += 2000;
        events.append(eventAt(seq++, "question_shown", ms, {{"questionId", qid}, {"index", q}}));
        ms += 5000 + q * 700;
        events.append(eventAt(seq++, "answer_changed", ms,
                              {{"questionId", qid}, {"from", QJsonArray{}}, {"to", QJsonArray{"a"}}}));
        if (q < variant) {
            ms += 1000;
            events.append(eventAt(seq++, "focus_loss", ms));
            ms += 9000;
            events.append(eventAt(seq++, "focus_gain", ms, {{"durationMs", 9000}}));
        }
        if (q == 5 && variant % 2 == 1) {
            ms += 500;
            events.append(eventAt(seq++, "print_attempt", ms, {{"method", "shortcut"}}));
        }
    }
    ms += 2000;
    events.append(eventAt(seq++, "test_finished", ms, {{"answered", 10}, {"total", 10}}));
    if (variant % 3 == 0) {
        ms += 3000;
        events.append(
            eventAt(seq++, "screenshot_attempt", ms, {{"key", "PrintScreen"}, {"method", "keyup"}}));
    }
    if (fx.postEvents(s, events).status != 200)
        return {};
    const Proctor::Testing::HttpResult r =
        fx.postResult(s, HotPathFixture::answers(s, correct), {{"telemetry", telemetryFor(s, variant)}});
    if (r.status != 201)
        qWarning() << "result" << r.status << r.body;
    return r.status == 201 ? s.id : QString();
}
} // namespace

class TestAdminCollector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> m_fx;
    QStringList m_sessions;

    void signIn(Api::ApiClient &api)
    {
        api.setServerUrl(QUrl(m_fx->collector().baseUrl()));
        bool done = false;
        api.login(QStringLiteral("admin@example.org"), QString::fromUtf8(kPassword), nullptr,
                  [&](Api::Result<Api::LoginResult> r) {
                      QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().userMessage()));
                      done = true;
                  });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ProctorTest"));
        QCoreApplication::setApplicationName(QStringLiteral("proctor-admin-collector"));
        Appearance::applyTheme(Appearance::Theme::Light);
        Appearance::applyLanguage(QStringLiteral("en"));
        m_fx = std::make_unique<HotPathFixture>(QStringLiteral("gui"));
        QVERIFY2(m_fx->error().isEmpty(), qPrintable(m_fx->error()));
        QVERIFY2(m_fx->createAdmin(QStringLiteral("admin@example.org"), QStringLiteral("admin"), kPassword) >
                     0,
                 m_fx->collector().lastOutput().constData());
        for (int v = 0; v < 7; ++v) {
            const QString id = seedSession(*m_fx, v, 10 - v);
            QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("seeding session %1 failed").arg(v)));
            m_sessions.append(id);
        }
        // One started and never finished.
        QVERIFY(
            !m_fx->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Брошенный"))).id.isEmpty());
    }

    void loginAgainstCollector()
    {
        Api::ApiClient api;
        Api::TokenStore tokens;
        Views::LoginDialog dialog(&api, &tokens);
        dialog.setServer(m_fx->collector().baseUrl());
        dialog.setEmail(QStringLiteral("admin@example.org"));
        dialog.setPassword(QStringLiteral("wrong password"));
        QSignalSpy failed(&dialog, &Views::LoginDialog::failed);
        QSignalSpy ok(&dialog, &Views::LoginDialog::signedIn);
        dialog.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.first().first().value<Api::ApiError>().kind, Api::ApiError::Kind::BadCredentials);
        QVERIFY(dialog.message().contains(QStringLiteral("Wrong email or password")));
        dialog.setPassword(QString::fromUtf8(kPassword));
        dialog.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 10000);
        QCOMPARE(api.account().role, QStringLiteral("admin"));
        // A made-up token is refused as a sign-in problem, not as a generic failure.
        Api::ApiClient bogus;
        bogus.setServerUrl(QUrl(m_fx->collector().baseUrl()));
        bogus.setToken("not-a-token");
        std::optional<Api::ApiError> e;
        bogus.me(nullptr, [&](Api::Result<Api::AdminAccount> r) { e = r ? Api::ApiError{} : r.error(); });
        QTRY_VERIFY(e.has_value());
        QVERIFY(e->isAuthentication());
    }

    void resultsModelOverKeysetPages()
    {
        Api::ApiClient api;
        signIn(api);
        Models::ResultsModel model(&api);
        Models::ResultsFilter f;
        f.pageSize = 3;
        model.setFilter(f);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 3 && !model.isLoading(), 10000);
        QVERIFY(model.canFetchMore({}));
        // The tester calls fetchMore() itself, so it is attached after the first page was checked.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int guard = 0; guard < 20 && (model.isLoading() || model.canFetchMore({})); ++guard) {
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
            model.fetchMore({});
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && !model.canFetchMore({}), 10000);
        QVERIFY2(model.lastError().kind == Api::ApiError::Kind::None,
                 qPrintable(model.lastError().userMessage()));
        QCOMPARE(model.rowCount(), int(m_sessions.size()));
        for (const QString &id : m_sessions)
            QVERIFY(model.rowOfSession(id) >= 0);
        // Name search goes to the server.
        f.search = QStringLiteral("Петрова");
        f.pageSize = 50;
        model.setFilter(f);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == 1, 10000);
        QVERIFY(model.index(0, Models::ResultsModel::Candidate)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Петрова")));
    }

    void sessionDocumentFromCollector()
    {
        Api::ApiClient api;
        signIn(api);
        QTemporaryDir dir;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("c.sqlite")));
        Models::SessionDocument doc(&api, &cache);
        QAbstractItemModelTester t1(doc.answers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(doc.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(doc.riskFactors(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failures(&doc, &Models::SessionDocument::failed);
        doc.open(m_sessions.at(3)); // 3 focus losses, print attempt, screenshot after finish
        QTRY_VERIFY_WITH_TIMEOUT(!doc.isLoading() && doc.source() == Models::SessionDocument::Source::Server,
                                 10000);
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty()
                     ? ""
                     : qPrintable(failures.first().first().value<Api::ApiError>().userMessage()));
        QCOMPARE(doc.answers()->rowCount(), HotPathFixture::kQuestionsPerAttempt);
        QVERIFY(doc.timeline()->rowCount() >= 2 + 2 * HotPathFixture::kQuestionsPerAttempt);
        QCOMPARE(doc.timeline()
                     ->index(doc.timeline()->rowCount() - 1, 0)
                     .data(Models::TimelineModel::TypeRole)
                     .toString(),
                 QStringLiteral("screenshot_attempt"));
        QVERIFY(doc.timeline()
                    ->index(doc.timeline()->rowCount() - 1, 0)
                    .data(Models::TimelineModel::AfterFinishRole)
                    .toBool());
        QVERIFY(doc.riskFactors()->rowCount() >= 1);
        QVERIFY(!doc.telemetry().mouse.empty());
        QVERIFY(cache.contains(QUrl(m_fx->collector().baseUrl()).toString(), m_sessions.at(3)));
    }

    void liveUpdateChangesResultsModel()
    {
        Api::ApiClient api;
        signIn(api);
        Models::ResultsModel model(&api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == int(m_sessions.size()), 10000);
        Api::LiveFeedClient live;
        connect(&live, &Api::LiveFeedClient::resultSaved, &model, &Models::ResultsModel::onResultSaved);
        QSignalSpy saved(&live, &Api::LiveFeedClient::resultSaved);
        live.start(api.liveUrl(), api.token());
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), Api::LiveFeedClient::State::Connected, 10000);
        const QString id = seedSession(*m_fx, 8, 9);
        QVERIFY(!id.isEmpty());
        m_sessions.append(id);
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() >= 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(m_sessions.size()), 10000);
        QCOMPARE(model.index(0, 0).data(Models::ResultsModel::SessionIdRole).toString(), id);
        live.stop();
    }

    // The triage loop against the real collector: decide with one key, the row follows, the history shows
    // the comment as typed, a confirmed violation revokes the certificate when the admin says so, and N
    // opens the next unreviewed session in the list's order.
    void reviewDecisionsFromTheSessionView()
    {
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::LiveFeedClient live;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, &live, &tokens, &cache});
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        signIn(api);
        window.onSignedIn();
        Models::ResultsModel *results = window.resultsModel();
        QTRY_VERIFY_WITH_TIMEOUT(!results->isLoading() && results->rowCount() == int(m_sessions.size()),
                                 10000);
        const QString first = results->index(0, 0).data(Models::ResultsModel::SessionIdRole).toString();
        const QString second = results->index(1, 0).data(Models::ResultsModel::SessionIdRole).toString();
        const QString certified = m_sessions.at(0); // all answers right: passed, with a certificate

        window.openSession(first);
        window.sessionView()->setFocus();
        Widgets::ReviewPanel *panel = window.sessionView()->reviewPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->state() == QStringLiteral("unreviewed"), 10000);
        QSignalSpy decided(panel, &Widgets::ReviewPanel::decided);
        const QString hostile = QStringLiteral("<img src=\"file:///dev/zero\"> <b>bold</b>");
        panel->comment()->setText(hostile);
        QTest::keyClick(window.sessionView(), Qt::Key_S); // second look
        QTRY_COMPARE_WITH_TIMEOUT(decided.size(), 1, 10000);
        QCOMPARE(panel->state(), QStringLiteral("second_look"));
        QCOMPARE(results->index(0, 0).data(Models::ResultsModel::ReviewStateRole).toString(),
                 QStringLiteral("second_look"));
        QCOMPARE(results->index(0, Models::ResultsModel::Review).data().toString(),
                 QStringLiteral("Second look"));
        QVERIFY2(panel->history()->item(0)->text().contains(hostile),
                 qPrintable(panel->history()->item(0)->text()));
        QVERIFY(panel->history()->item(0)->text().contains(QStringLiteral("admin@example.org")));
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-session-review")));

        // N: the next unreviewed session after this one in the list's order.
        QTest::keyClick(window.sessionView(), Qt::Key_N);
        QTRY_COMPARE_WITH_TIMEOUT(window.sessionView()->sessionId(), second, 10000);

        // A confirmed violation with the certificate revoked in the same request.
        window.openSession(certified);
        QTRY_VERIFY_WITH_TIMEOUT(
            !panel->isBusy() && panel->sessionId() == certified && !panel->state().isEmpty(), 10000);
        QString asked;
        panel->setRevokeQuestion([&asked](const QString &number) {
            asked = number;
            return true;
        });
        QTest::keyClick(window.sessionView(), Qt::Key_V);
        QTRY_COMPARE_WITH_TIMEOUT(decided.size(), 2, 10000);
        QCOMPARE(panel->state(), QStringLiteral("violation"));
        QVERIFY(!asked.isEmpty());
        QVERIFY2(panel->history()->item(0)->text().contains(asked),
                 qPrintable(panel->history()->item(0)->text()));
        std::optional<QJsonObject> reviewCase;
        api.get(QStringLiteral("/sessions/%1/review").arg(certified), {}, nullptr,
                [&](const Api::Response &r) { reviewCase = r.object(); });
        QTRY_VERIFY_WITH_TIMEOUT(reviewCase.has_value(), 10000);
        QCOMPARE(reviewCase->value("certificate").toObject().value("revoked").toBool(), true);
        QCOMPARE(reviewCase->value("history").toArray().size(), 1);
        // The state is the server's: a fresh read of the case shows it.
        panel->setSession(certified);
        QTRY_COMPARE_WITH_TIMEOUT(panel->state(), QStringLiteral("violation"), 10000);
        window.close();
    }

    // The analysis and device endpoints send candidate: {id, name}; both views show the names (they showed
    // "; ;" while the desktop read only the list shape).
    void similarAndDevicesShowCandidateNames()
    {
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        window.showPage(Views::MainWindow::Devices);
        auto *groups = window.devicesView()->groups();
        QTRY_VERIFY_WITH_TIMEOUT(groups->rowCount() >= 1, 10000);
        bool shared = false;
        for (int r = 0; r < groups->rowCount(); ++r) {
            const QString names = groups->index(r, Models::DeviceGroupsModel::Candidates).data().toString();
            QVERIFY2(!names.trimmed().isEmpty() && !names.startsWith(QLatin1Char(';')) &&
                         !names.contains(QStringLiteral("; ;")),
                     qPrintable(names));
            shared |= names.contains(QStringLiteral("Кузнецова")) && names.contains(QStringLiteral("Волков"));
        }
        QVERIFY(shared); // variants 3 and 6 were seeded on one device
        window.findSimilar(m_sessions.at(0));
        auto *similar = window.similarView()->model();
        QTRY_VERIFY_WITH_TIMEOUT(similar->rowCount() >= 1, 15000);
        for (int r = 0; r < similar->rowCount(); ++r) {
            const QString name = similar->index(r, Models::SimilarModel::Candidate).data().toString();
            QVERIFY2(!name.trimmed().isEmpty(), qPrintable(QStringLiteral("row %1").arg(r)));
            QVERIFY2(name.contains(QStringLiteral("Иван")), qPrintable(name));
        }
        window.close();
    }

    // The triage views in Russian (screenshots/collector-*-ru.png), Qt's own texts (dialog buttons) too.
    void russianReviewScreens()
    {
        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                          QStringLiteral("/qtbase_ru.qm")))
            QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Отмена"));
        else
            qWarning("qtbase_ru.qm is not installed (qt6-translations-l10n): Qt's own texts stay English");
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        window.showPage(Views::MainWindow::Results);
        QTRY_VERIFY_WITH_TIMEOUT(!window.resultsModel()->isLoading() && window.resultsModel()->rowCount() > 0,
                                 10000);
        QTest::qWait(300);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-results-ru")));
        window.openSession(m_sessions.at(3));
        QTRY_VERIFY_WITH_TIMEOUT(!window.sessionView()->document()->isLoading() &&
                                     !window.sessionView()->reviewPanel()->isBusy() &&
                                     window.sessionView()->document()->timeline()->rowCount() > 0,
                                 10000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-session-review-ru")));
        window.close();
    }

    void screenshotsOfEveryView()
    {
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::LiveFeedClient live;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, &live, &tokens, &cache});
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), Api::LiveFeedClient::State::Connected, 10000);

        window.showPage(Views::MainWindow::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboardView()->card(0)->valueText() != QStringLiteral("—"), 10000);
        QTest::qWait(300);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-dashboard")));

        window.showPage(Views::MainWindow::Results);
        QTRY_VERIFY_WITH_TIMEOUT(window.resultsModel()->rowCount() == int(m_sessions.size()), 10000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-results")));

        window.openSession(m_sessions.at(3));
        QTRY_VERIFY_WITH_TIMEOUT(!window.sessionView()->document()->isLoading() &&
                                     window.sessionView()->document()->timeline()->rowCount() > 0,
                                 10000);
        window.sessionView()->selectRiskFactor(0);
        QTest::qWait(200);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-session")));
        window.sessionView()->exportPdf(Proctor::Testing::screenshotDir() +
                                        QStringLiteral("/collector-session-report.pdf"));

        window.compareSessions({m_sessions.at(0), m_sessions.at(1), m_sessions.at(2)});
        QTRY_VERIFY_WITH_TIMEOUT(window.compareView()->overlay()->data().trajectories.size() >= 2, 10000);
        window.compareView()->preciseOnServer();
        QTest::qWait(1000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-compare")));

        window.findSimilar(m_sessions.at(0));
        QTest::qWait(1500);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-similar")));

        window.showPage(Views::MainWindow::Devices);
        QTest::qWait(1000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-devices")));

        window.showPage(Views::MainWindow::Abandoned);
        QTRY_VERIFY_WITH_TIMEOUT(window.abandonedView()->model()->rowCount() >= 1, 10000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-abandoned")));

        window.showPage(Views::MainWindow::Certificates);
        QTest::qWait(1000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-certificates")));

        window.showPage(Views::MainWindow::Administration);
        QTRY_VERIFY_WITH_TIMEOUT(window.adminView()->apiKeys()->rowCount() >= 1, 10000);
        QTest::qWait(500);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-administration")));
        live.stop();
        window.close();
    }

    // An administrator erases a candidate (here from this desktop's own Administration page): the
    // collector announces candidate_deleted on the live feed, and the desktop drops the candidate's row from
    // the results list, empties the open session and removes it from the local cache.
    void candidateDeletionReachesTheDesktop()
    {
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::LiveFeedClient live;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, &live, &tokens, &cache});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), Api::LiveFeedClient::State::Connected, 10000);
        const QString doomed = seedSession(*m_fx, 9, 7); // a candidate of its own (persistent id …9d09)
        QVERIFY(!doomed.isEmpty());
        const QString kept = m_sessions.at(0);
        Models::ResultsModel *results = window.resultsModel();
        QTRY_VERIFY_WITH_TIMEOUT(results->rowOfSession(doomed) >= 0 && results->rowOfSession(kept) >= 0,
                                 10000);
        const int rowsBefore = results->rowCount();
        QAbstractItemModelTester tester(results, QAbstractItemModelTester::FailureReportingMode::QtTest);

        window.openSession(doomed);
        Models::SessionDocument *doc = window.sessionView()->document();
        QTRY_VERIFY_WITH_TIMEOUT(
            !doc->isLoading() && doc->source() == Models::SessionDocument::Source::Server, 10000);
        const QString server = api.serverUrl().toString();
        QVERIFY(cache.contains(server, doomed));
        const QString candidateId = doc->detail().candidate.id;
        QVERIFY(!candidateId.isEmpty());
        const int unread = window.unreadNotifications();

        bool erased = false;
        window.adminView()->deleteCandidate(candidateId, [&](const QJsonObject &, const QString &error) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            erased = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(erased, 10000);
        // Nothing is reloaded by hand: only the live message can make these happen.
        QTRY_COMPARE_WITH_TIMEOUT(results->rowOfSession(doomed), -1, 5000);
        QCOMPARE(results->rowCount(), rowsBefore - 1);
        QVERIFY(results->rowOfSession(kept) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(!cache.contains(server, doomed), 5000);
        QVERIFY(!doc->detail().isValid());
        QCOMPARE(doc->timeline()->rowCount(), 0);
        QVERIFY(window.unreadNotifications() > unread);
        // The open session says what happened; a refresh does not bring anything back.
        QVERIFY(doc->isDeleted());
        doc->refresh();
        QVERIFY(!doc->isLoading());
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-session-deleted")));
        live.stop();
        window.close();
    }

    // A name and a user agent that are HTML (the server accepts them as text) stay text everywhere the
    // desktop shows them: the Compare view's labels and the fingerprint tooltips, the session title, the
    // results table.
    void hostileTextIsNeverInterpreted()
    {
        const QString hostile = QStringLiteral("<img src=\"file:///dev/zero\">");
        const QString agent = hostile + QStringLiteral(" <b>Mozilla</b>");
        const QString id = seedSession(*m_fx, 11, 8, hostile, agent);
        QVERIFY(!id.isEmpty());
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        window.compareSessions({id, m_sessions.at(0)});
        Views::CompareView *compare = window.compareView();
        QTRY_VERIFY_WITH_TIMEOUT(compare->overlay()->data().trajectories.size() >= 2, 10000);
        QCOMPARE(compare->statusLabel()->textFormat(), Qt::PlainText);
        QVERIFY2(compare->statusLabel()->text().contains(hostile),
                 qPrintable(compare->statusLabel()->text()));
        // What a tooltip shows is what it renders: the exact characters, no image, no bold.
        auto *fp = compare->fingerprints();
        int agentRow = -1;
        for (int r = 0; r < fp->rowCount(); ++r)
            if (fp->index(r, 0).data().toString() == QStringLiteral("userAgent"))
                agentRow = r;
        QVERIFY(agentRow >= 0);
        bool seen = false;
        for (int c = 1; c < fp->columnCount() - 1; ++c) {
            const QString tip = fp->index(agentRow, c).data(Qt::ToolTipRole).toString();
            QTextDocument rendered;
            if (Qt::mightBeRichText(tip))
                rendered.setHtml(tip);
            else
                rendered.setPlainText(tip);
            if (rendered.toPlainText().trimmed() == agent)
                seen = true;
        }
        QVERIFY2(seen, "the hostile user agent is not shown as the text it is");
        compare->tabs()->setCurrentIndex(compare->tabs()->count() - 1);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-compare-hostile")));

        window.openSession(id);
        QTRY_VERIFY_WITH_TIMEOUT(window.sessionView()->document()->detail().isValid(), 10000);
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("collector-session-hostile")));
        for (QLabel *label : window.sessionView()->findChildren<QLabel *>()) {
            if (label->textFormat() == Qt::PlainText || !Qt::mightBeRichText(label->text()))
                continue;
            QVERIFY2(!label->text().contains(QStringLiteral("<img")), qPrintable(label->text()));
        }
        window.close();
    }
};

QTEST_MAIN(TestAdminCollector)
#include "tst_admincollector.moc"
