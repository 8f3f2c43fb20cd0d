// SPDX-License-Identifier: MIT
// proctor-admin against the real collector (PROCTOR_COLLECTOR_BIN) with data seeded through its HTTP API:
// sign-in, the results model with keyset paging, a session's timeline and risk, the live feed changing
// the results model, a screenshot of every main view (screenshots/collector-*.png), a candidate's
// erasure reaching the desktop through the live feed, and the exam-integrity dialogs (attempt policy from
// the Tests tab, certificate emblem, roster with its once-only access codes), each in English and Russian.
#include <cmath>

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QMessageBox>
#include <QTimer>
#include <QScopeGuard>
#include <QTableView>
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
#include "export/rostercodesexport.h"
#include "models/rostermodel.h"
#include "models/testsmodel.h"
#include "views/addadmindialog.h"
#include "views/adminview.h"
#include "views/changepassworddialog.h"
#include "views/risksettingsdialog.h"
#include "models/precisionmodel.h"
#include "views/attemptpolicydialog.h"
#include "views/emblemdialog.h"
#include "views/rosterdialog.h"
#include "views/testspanel.h"
#include "views/compareview.h"
#include "views/dashboardview.h"
#include "views/listviews.h"
#include "views/logindialog.h"
#include "views/mainwindow.h"
#include "views/resultsview.h"
#include "views/sessionview.h"
#include "widgets/statcard.h"
#include "widgets/timelinewidget.h"
#include "widgets/reviewpanel.h"
#include "widgets/trajectoryoverlaywidget.h"

using namespace Proctor::Admin;
using Proctor::Testing::HotPathFixture;
using Proctor::Testing::HttpResult;
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
    // Key timings as the page sends them: durations per key and per key pair, never the keys in order.
    QJsonObject dwell, flight, digraph;
    const auto add = [](QJsonObject &o, const QString &name, int ms) {
        QJsonArray a = o.value(name).toArray();
        a.append(ms);
        o.insert(name, a);
    };
    int t = 1000;
    int previousDown = 0, previousUp = 0;
    QString previous;
    for (int i = 0; i < 30; ++i) {
        const QString code = QStringLiteral("Key%1").arg(QChar('A' + i % 5));
        const int hold = 70 + variant * 8 + (i * 13) % 25;
        add(dwell, code, hold);
        if (!previous.isEmpty()) {
            add(flight, previous + '>' + code, t - previousUp);
            add(digraph, previous + '>' + code, t - previousDown);
        }
        previous = code, previousDown = t, previousUp = t + hold;
        t += 150 + variant * 20 + (i * 29) % 40;
    }
    const QJsonObject keys{{"dwell", dwell}, {"flight", flight}, {"digraph", digraph}};
    return QJsonObject{
        {"questions", questions},   {"focusLossCount", variant % 4},
        {"blurMs", 1000 * variant}, {"mouse", mouse},
        {"keystrokes", keys},       {"viewport", QJsonObject{{"width", 1280}, {"height", 800}}}};
}

// A finished session: events (some violations, one after finish), a result with telemetry.
// `lastName` and `userAgent` replace the defaults when given.
QString seedSession(HotPathFixture &fx, int variant, int correct, const QString &lastName = {},
                    const QString &userAgent = {}, int telemetryVariant = -1)
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
        fx.postResult(s, HotPathFixture::answers(s, correct),
                      {{"telemetry", telemetryFor(s, telemetryVariant < 0 ? variant : telemetryVariant)}});
    if (r.status != 201)
        qWarning() << "result" << r.status << r.body;
    return r.status == 201 ? s.id : QString();
}

// A test that opens only with a personal access code (rosters), beside the fixture's open "known".
QJsonObject rosterTestDefinition()
{
    QJsonArray questions;
    for (int i = 1; i <= 12; ++i)
        questions.append(QJsonObject{{"id", QStringLiteral("r%1").arg(i)},
                                     {"text", QStringLiteral("Вопрос %1").arg(i)},
                                     {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "да"}},
                                                            QJsonObject{{"id", "b"}, {"text", "нет"}}}},
                                     {"correct", QJsonArray{"a"}}});
    return QJsonObject{{"id", "staff-roster"},
                       {"title", QStringLiteral("Охрана труда (по списку)")},
                       {"locale", "ru"},
                       {"passThreshold", 80},
                       {"questionsPerAttempt", HotPathFixture::kQuestionsPerAttempt},
                       {"access", "roster"},
                       {"questions", questions}};
}

QString writeImage(const QString &path, int width, int height, bool noise)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    if (noise) {
        // Noise does not compress: a small picture that is still a large file.
        QRandomGenerator rng(42);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, rng.generate() | 0xff000000u);
    } else {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0x1f, 0x4e, 0x8c));
        p.setPen(QPen(QColor(0xc8, 0xa0, 0x3c), width / 16.0));
        p.drawEllipse(QRectF(width * 0.08, height * 0.08, width * 0.84, height * 0.84));
        p.setPen(Qt::white);
        QFont f;
        f.setPixelSize(height / 3);
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRectF(0, 0, width, height), Qt::AlignCenter, QStringLiteral("П"));
    }
    return image.save(path, "PNG") ? path : QString();
}

void showAndShoot(QWidget *w, const QString &name)
{
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QTest::qWait(150);
    QVERIFY(Proctor::Testing::saveScreenshot(w, name));
}

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(20000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
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

    void importRosterTest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("staff-roster.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(rosterTestDefinition()).toJson());
        file.close();
        QVERIFY2(m_fx->collector().run({QStringLiteral("import-test"), path}) == 0,
                 m_fx->collector().lastOutput().constData());
    }

    // The admin view of one test from the Tests tab's model (empty when it is not listed).
    static QJsonObject testItem(const Models::TestsModel &model, const QString &id)
    {
        const int row = model.rowOfId(id);
        return row < 0 ? QJsonObject() : model.item(row);
    }

    static int rowOfEmail(const Models::RosterModel &model, const QString &email)
    {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.item(r).value(QStringLiteral("email")).toString() == email)
                return r;
        return -1;
    }

    HttpResult startWithCode(const QString &code)
    {
        QJsonObject body = HotPathFixture::sessionStartBody(QStringLiteral("Самозванцев"));
        body.insert(QStringLiteral("testId"), QStringLiteral("staff-roster"));
        body.insert(QStringLiteral("accessCode"), code);
        return m_fx->http().post(m_fx->url(QStringLiteral("/api/v1/sessions")), QJsonDocument(body).toJson(),
                                 {{"X-API-Key", m_fx->apiKey()}});
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
        // The seeded unfinished session started a moment ago: listed once idle sessions of any age are asked
        // for.
        window.abandonedView()->idleFilter()->setCurrentIndex(
            window.abandonedView()->idleFilter()->findData(0));
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

    // A subject-access request from the Session view: the administrator saves the collector's export of the
    // open session's candidate, streamed into a file (the JSON names the candidate and holds this session).
    void candidateDataFromTheSessionView()
    {
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::LiveFeedClient live;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, &live, &tokens, &cache});
        signIn(api);
        window.onSignedIn();
        window.openSession(m_sessions.at(3));
        QTRY_VERIFY_WITH_TIMEOUT(!window.sessionView()->document()->isLoading() &&
                                     !window.sessionView()->document()->detail().candidate.id.isEmpty(),
                                 10000);
        QSignalSpy exported(window.sessionView(), &Views::SessionView::candidateDataExported);
        const QString path = dir.filePath(QStringLiteral("candidate.json"));
        window.sessionView()->exportCandidateData(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 15000);
        QCOMPARE(exported.first().first().toString(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(),
                 QStringLiteral("proctor-candidate-export/1"));
        QCOMPARE(
            QString::number(
                doc.value(QStringLiteral("candidate")).toObject().value(QStringLiteral("id")).toInteger()),
            window.sessionView()->document()->detail().candidate.id);
        bool hasSession = false;
        for (const QJsonValue &s : doc.value(QStringLiteral("sessions")).toArray())
            hasSession =
                hasSession || s.toObject().value(QStringLiteral("id")).toString() == m_sessions.at(3);
        QVERIFY2(hasSession, "the export holds the open session");
        QVERIFY(!doc.value(QStringLiteral("events")).toArray().isEmpty());
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

    // The Tests tab lists every test with its access mode and attempt policy (GET /tests with the sign-in
    // token), and its attempt policy dialog stores a new policy that the list then shows.
    void testsTabShowsAndEditsTheAttemptPolicy()
    {
        importRosterTest();
        Api::ApiClient api;
        signIn(api);
        Views::TestsPanel panel(Views::Services{&api, nullptr, nullptr, nullptr});
        Models::TestsModel *model = panel.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() >= 2, 10000);
        QVERIFY2(model->lastError().kind == Api::ApiError::Kind::None,
                 qPrintable(model->lastError().userMessage()));
        const int open = model->rowOfId(QStringLiteral("known"));
        const int roster = model->rowOfId(QStringLiteral("staff-roster"));
        QVERIFY(open >= 0 && roster >= 0);
        QCOMPARE(model->index(open, Models::TestsModel::Access).data().toString(), QStringLiteral("open"));
        QCOMPARE(model->index(roster, Models::TestsModel::Access).data().toString(),
                 QStringLiteral("by roster code"));
        QCOMPARE(model->index(roster, Models::TestsModel::MaxAttempts).data().toInt(), 3);
        QCOMPARE(model->index(roster, Models::TestsModel::Cooldown).data().toString(),
                 QStringLiteral("no pause"));
        QCOMPARE(model->index(roster, Models::TestsModel::Disclosure).data().toString(),
                 QStringLiteral("pass or fail"));

        panel.resize(1100, 420);
        panel.table()->selectRow(roster);
        showAndShoot(&panel, QStringLiteral("exam-tests-en"));
        Views::AttemptPolicyDialog *dialog = panel.editPolicy(roster);
        QVERIFY(dialog);
        QCOMPARE(dialog->maxAttempts(), 3);
        QCOMPARE(dialog->disclosure(), QStringLiteral("passFail"));
        showAndShoot(dialog, QStringLiteral("exam-attempt-policy-en"));
        dialog->setPolicy(5, 2 * 3600, QStringLiteral("score"));
        QCOMPARE(dialog->minSecondsBetweenAttempts(), 7200);
        QSignalSpy saved(dialog, &Views::AttemptPolicyDialog::saved);
        dialog->save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QCOMPARE(saved.first().first().toJsonObject().value("disclosure").toString(),
                 QStringLiteral("score"));
        // The list reloads by itself and shows what the server stored.
        QTRY_COMPARE_WITH_TIMEOUT(testItem(*model, QStringLiteral("staff-roster"))
                                      .value("attemptPolicy")
                                      .toObject()
                                      .value("maxAttempts")
                                      .toInt(),
                                  5, 10000);
        const int row = model->rowOfId(QStringLiteral("staff-roster"));
        QCOMPARE(model->index(row, Models::TestsModel::Cooldown).data().toString(),
                 QStringLiteral("2 hours"));
        QCOMPARE(model->index(row, Models::TestsModel::Disclosure).data().toString(),
                 QStringLiteral("score"));
        // The open test kept the defaults.
        QCOMPARE(testItem(*model, QStringLiteral("known"))
                     .value("attemptPolicy")
                     .toObject()
                     .value("maxAttempts")
                     .toInt(),
                 3);

        // The same in Russian, as a freshly opened window shows it.
        Appearance::applyLanguage(QStringLiteral("ru"));
        Views::TestsPanel ruPanel(Views::Services{&api, nullptr, nullptr, nullptr});
        Models::TestsModel *ruModel = ruPanel.model();
        ruPanel.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!ruModel->isLoading() && ruModel->rowCount() >= 2, 10000);
        const int ruRow = ruModel->rowOfId(QStringLiteral("staff-roster"));
        QCOMPARE(ruModel->index(ruRow, Models::TestsModel::Cooldown).data().toString(),
                 QStringLiteral("2 часа"));
        QCOMPARE(ruModel->index(ruRow, Models::TestsModel::Disclosure).data().toString(),
                 QStringLiteral("процент"));
        ruPanel.resize(1100, 420);
        ruPanel.table()->selectRow(ruRow);
        showAndShoot(&ruPanel, QStringLiteral("exam-tests-ru"));
        Views::AttemptPolicyDialog *ru = ruPanel.editPolicy(ruRow);
        QVERIFY(ru);
        QCOMPARE(ru->maxAttempts(), 5);
        QCOMPARE(ru->disclosure(), QStringLiteral("score"));
        QCOMPARE(ru->minSecondsBetweenAttempts(), 7200);
        showAndShoot(ru, QStringLiteral("exam-attempt-policy-ru"));
        ru->reject();
        Appearance::applyLanguage(QStringLiteral("en"));
    }

    // The certificate emblem: upload with a preview, the server's refusals (bytes, pixels, type) in the
    // user's language, and deletion; the public emblem URL follows.
    void emblemDialogUploadsAndExplainsRefusals()
    {
        Api::ApiClient api;
        signIn(api);
        QTemporaryDir dir;
        const QString emblemUrl = m_fx->url(QStringLiteral("/api/v1/certificate-settings/emblem"));
        Views::EmblemDialog dialog(&api);
        QSignalSpy loaded(&dialog, &Views::EmblemDialog::loaded);
        dialog.loadCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QVERIFY(!dialog.hasServerEmblem());

        QVERIFY(dialog.chooseFile(writeImage(dir.filePath(QStringLiteral("emblem.png")), 300, 300, false)));
        QVERIFY(!dialog.preview().isNull());
        showAndShoot(&dialog, QStringLiteral("exam-emblem-chosen-en"));
        QSignalSpy uploaded(&dialog, &Views::EmblemDialog::uploaded);
        QSignalSpy failed(&dialog, &Views::EmblemDialog::failed);
        dialog.upload();
        QTRY_COMPARE_WITH_TIMEOUT(uploaded.size(), 1, 10000);
        QCOMPARE(uploaded.first().first().toJsonObject().value("width").toInt(), 300);
        QVERIFY(dialog.hasServerEmblem());
        HttpResult pub = m_fx->http().get(emblemUrl);
        QCOMPARE(pub.status, 200);
        QVERIFY(pub.body.startsWith("\x89PNG"));

        // A fresh dialog previews the emblem the server has.
        Views::EmblemDialog again(&api);
        QSignalSpy againLoaded(&again, &Views::EmblemDialog::loaded);
        again.loadCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(againLoaded.size(), 1, 10000);
        QVERIFY(again.hasServerEmblem());
        QCOMPARE(again.preview().width(), 300);
        showAndShoot(&again, QStringLiteral("exam-emblem-current-en"));

        struct Refusal
        {
            QString file;
            QString english;
        };
        QFile text(dir.filePath(QStringLiteral("notes.png")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("just text, not an image\n");
        text.close();
        const QList<Refusal> refusals{
            {writeImage(dir.filePath(QStringLiteral("big.png")), 420, 420, true),
             QStringLiteral("too large")},
            {writeImage(dir.filePath(QStringLiteral("wide.png")), 1500, 1100, false),
             QStringLiteral("too many pixels")},
            {text.fileName(), QStringLiteral("not a PNG or JPEG")}};
        QVERIFY(QFileInfo(refusals[0].file).size() > 256 * 1024);
        for (const Refusal &r : refusals) {
            failed.clear();
            QVERIFY(dialog.chooseFile(r.file));
            dialog.upload();
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
            QVERIFY2(dialog.statusText().contains(r.english), qPrintable(dialog.statusText()));
        }
        // The refused uploads changed nothing on the server.
        QCOMPARE(m_fx->http().get(emblemUrl).body, pub.body);

        Appearance::applyLanguage(QStringLiteral("ru"));
        {
            Views::EmblemDialog ru(&api);
            QSignalSpy ruFailed(&ru, &Views::EmblemDialog::failed);
            QVERIFY(ru.chooseFile(refusals[0].file));
            ru.upload();
            QTRY_COMPARE_WITH_TIMEOUT(ruFailed.size(), 1, 10000);
            QVERIFY2(ru.statusText().contains(QStringLiteral("слишком большой")),
                     qPrintable(ru.statusText()));
            showAndShoot(&ru, QStringLiteral("exam-emblem-refused-ru"));
            Views::EmblemDialog ruCurrent(&api);
            QSignalSpy ruLoaded(&ruCurrent, &Views::EmblemDialog::loaded);
            ruCurrent.loadCurrent();
            QTRY_COMPARE_WITH_TIMEOUT(ruLoaded.size(), 1, 10000);
            showAndShoot(&ruCurrent, QStringLiteral("exam-emblem-current-ru"));
        }
        Appearance::applyLanguage(QStringLiteral("en"));
        QVERIFY(dialog.chooseFile(refusals[0].file));
        showAndShoot(&dialog, QStringLiteral("exam-emblem-refused-en"));

        QSignalSpy removed(&dialog, &Views::EmblemDialog::removed);
        dialog.removeEmblem();
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
        QVERIFY(!dialog.hasServerEmblem());
        QCOMPARE(m_fx->http().get(emblemUrl).status, 404);
    }

    // A roster test's dialog: a bad file is refused with its line, a good one gives each person a code shown
    // only in this window; the codes go out as CSV (';', BOM, no live formulas) and as a PDF sheet; a new
    // code replaces the old one on the server; a deleted entry's code stops working; a later window shows no
    // code.
    void rosterDialogIssuesExportsRegeneratesAndDeletes()
    {
        importRosterTest();
        Api::ApiClient api;
        signIn(api);
        QTemporaryDir dir;
        Models::TestsModel tests(&api);
        tests.load();
        QTRY_VERIFY_WITH_TIMEOUT(!tests.isLoading() && tests.rowOfId(QStringLiteral("staff-roster")) >= 0,
                                 10000);
        const QJsonObject test = testItem(tests, QStringLiteral("staff-roster"));

        auto dialog = std::make_unique<Views::RosterDialog>(&api, test);
        Models::RosterModel *model = dialog->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
        QCOMPARE(model->rowCount(), 0);

        QSignalSpy importFailed(dialog.get(), &Views::RosterDialog::importFailed);
        dialog->importCsv("Фамилия;Имя\nПетрова;Анна\nБезымянный;\n");
        QTRY_COMPARE_WITH_TIMEOUT(importFailed.size(), 1, 10000);
        QVERIFY2(dialog->importSummary().contains(QStringLiteral("line 3")),
                 qPrintable(dialog->importSummary()));
        QVERIFY(dialog->importSummary().startsWith(QStringLiteral("Nothing was imported")));

        const QByteArray csv = "\xEF\xBB\xBF"
                               "Фамилия;Имя;Отчество;Должность;E-mail;Табельный номер\r\n"
                               "Петрова;Анна;Сергеевна;Бухгалтер;anna@example.org;T-1\r\n"
                               "Сидоров;Пётр;;=2+3;petr@example.org;T-2\r\n"
                               "Кузнецова;Мария;Ивановна;\"Инженер; ОТ\";maria@example.org;-3\r\n";
        QSignalSpy imported(dialog.get(), &Views::RosterDialog::imported);
        dialog->setExpiry(QDate::currentDate().addDays(30));
        dialog->importCsv(csv);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 10000);
        QCOMPARE(imported.first().at(0).toInt(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
        QVERIFY2(dialog->importSummary().contains(QStringLiteral("3 new, 0 updated")),
                 qPrintable(dialog->importSummary()));
        QCOMPARE(model->knownCodeCount(), 3);
        QVERIFY(dialog->hasUnsavedCodes());
        const QRegularExpression codePattern(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$"));
        QMap<QString, QString> codes; // e-mail -> code, as the table shows them
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString code = model->index(r, Models::RosterModel::Code).data().toString();
            QVERIFY2(codePattern.match(code).hasMatch(), qPrintable(code));
            codes.insert(model->index(r, Models::RosterModel::Email).data().toString(), code);
        }
        dialog->table()->selectRow(rowOfEmail(*model, QStringLiteral("anna@example.org")));
        showAndShoot(dialog.get(), QStringLiteral("exam-roster-imported-en"));

        // CSV for a mail merge: BOM, ';', one line per person with the code, formulas neutralised.
        const QString csvPath = dir.filePath(QStringLiteral("codes.csv"));
        QVERIFY(dialog->exportCsv(csvPath));
        QVERIFY(!dialog->hasUnsavedCodes());
        QFile exported(csvPath);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray bytes = exported.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines =
            QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[0].startsWith(QStringLiteral("Last name;First name;Middle name;Position;Email;")),
                 qPrintable(lines[0]));
        const QString startUrl = m_fx->collector().baseUrl() + QStringLiteral("/?test=staff-roster");
        for (auto it = codes.cbegin(); it != codes.cend(); ++it) {
            bool seen = false;
            for (const QString &line : lines)
                if (line.contains(it.key()) && line.contains(it.value()) && line.contains(startUrl))
                    seen = true;
            QVERIFY2(seen, qPrintable(it.key()));
        }
        QVERIFY2(bytes.contains(";'=2+3;"), bytes.constData());
        QVERIFY2(bytes.contains(";'-3;"), bytes.constData());
        QVERIFY(bytes.contains("\"Инженер; ОТ\""));

        // The printable sheet: one block per person with name, test, code and where to start.
        const QString pdfPath = dir.filePath(QStringLiteral("codes.pdf"));
        QVERIFY(dialog->exportPdf(pdfPath));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString sheet = pdfText(pdfPath);
        QVERIFY2(sheet.contains(QStringLiteral("Петрова Анна Сергеевна")), qPrintable(sheet));
        QVERIFY(sheet.contains(QStringLiteral("Охрана труда")));
        QVERIFY(sheet.contains(startUrl));
        for (const QString &code : codes)
            QVERIFY2(sheet.contains(code), qPrintable(code));
        const QString kept = Proctor::Testing::screenshotDir() + QStringLiteral("/exam-roster-sheet-en.pdf");
        QFile::remove(kept);
        QFile::copy(pdfPath, kept);

        // Each code opens the test for its person, once the server was asked.
        HttpResult started = startWithCode(codes.value(QStringLiteral("anna@example.org")));
        QCOMPARE(started.status, 201);
        QCOMPARE(started.json().value("candidate").toObject().value("lastName").toString(),
                 QStringLiteral("Петрова"));

        // A new code for Sidorov: the old one stops working, the new one opens the test.
        const int petr = rowOfEmail(*model, QStringLiteral("petr@example.org"));
        QVERIFY(petr >= 0);
        QSignalSpy issued(dialog.get(), &Views::RosterDialog::codeIssued);
        dialog->regenerateCode(petr);
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, 10000);
        const QString fresh = issued.first().first().toString();
        QVERIFY(codePattern.match(fresh).hasMatch());
        QVERIFY(fresh != codes.value(QStringLiteral("petr@example.org")));
        QVERIFY(dialog->hasUnsavedCodes());
        QVERIFY2(dialog->statusText().contains(fresh), qPrintable(dialog->statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
        QCOMPARE(dialog->table()->currentIndex().data(Models::RosterModel::KnownCodeRole).toString(), fresh);
        QCOMPARE(startWithCode(codes.value(QStringLiteral("petr@example.org"))).status, 403);
        QCOMPARE(startWithCode(fresh).status, 201);
        showAndShoot(dialog.get(), QStringLiteral("exam-roster-newcode-en"));

        // Deleting Kuznetsova ends her code.
        const int maria = rowOfEmail(*model, QStringLiteral("maria@example.org"));
        QVERIFY(maria >= 0);
        QSignalSpy deleted(dialog.get(), &Views::RosterDialog::entryDeleted);
        dialog->deleteEntry(maria);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QCOMPARE(startWithCode(codes.value(QStringLiteral("maria@example.org"))).status, 403);
        QVERIFY(dialog->exportCsv(dir.filePath(QStringLiteral("after.csv"))));
        dialog.reset();

        // A later window knows no code: the server never returns one again.
        Appearance::applyLanguage(QStringLiteral("ru"));
        Views::RosterDialog later(&api, test);
        QTRY_VERIFY_WITH_TIMEOUT(!later.model()->isLoading() && later.model()->rowCount() == 2, 10000);
        QCOMPARE(later.model()->knownCodeCount(), 0);
        for (int r = 0; r < later.model()->rowCount(); ++r) {
            const QString shown = later.model()->index(r, Models::RosterModel::Code).data().toString();
            QVERIFY2(shown.startsWith(QStringLiteral("скрыт")), qPrintable(shown));
            QVERIFY(!codePattern.match(shown).hasMatch());
        }
        showAndShoot(&later, QStringLiteral("exam-roster-later-ru"));
        // Russian import summary and the once-only warning, with codes on screen.
        QSignalSpy ruImported(&later, &Views::RosterDialog::imported);
        later.importCsv(
            "Фамилия;Имя;Отчество;Должность;E-mail\r\nОрлова;Вера;Павловна;Кассир;vera@example.org\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(ruImported.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!later.model()->isLoading() && later.model()->rowCount() == 3, 10000);
        QVERIFY2(later.importSummary().contains(QStringLiteral("Импортировано")),
                 qPrintable(later.importSummary()));
        showAndShoot(&later, QStringLiteral("exam-roster-imported-ru"));
        QVERIFY(
            later.exportPdf(Proctor::Testing::screenshotDir() + QStringLiteral("/exam-roster-sheet-ru.pdf")));
        Appearance::applyLanguage(QStringLiteral("en"));
    }

    // Signed in as a proctor: a wrong current password is refused on the dialog with the typed text kept,
    // a short one never leaves the desktop, the right one changes it (the old one stops working). An
    // administrator then resets it: the new password is answered once and works at once.
    void passwordDialogsChangeAndReset()
    {
        const QByteArray first = "first password 1";
        const QString second = QStringLiteral("second password 2");
        QVERIFY2(m_fx->createAdmin(QStringLiteral("pw@example.org"), QStringLiteral("proctor"), first) > 0,
                 m_fx->collector().lastOutput().constData());
        const auto loginStatus = [this](const QString &password) {
            return m_fx->http()
                .post(
                    m_fx->url(QStringLiteral("/api/v1/auth/login")),
                    QJsonDocument(QJsonObject{{"email", "pw@example.org"}, {"password", password}}).toJson(),
                    {{"Content-Type", "application/json"}})
                .status;
        };
        Api::ApiClient api;
        api.setServerUrl(QUrl(m_fx->collector().baseUrl()));
        bool in = false;
        api.login(QStringLiteral("pw@example.org"), QString::fromUtf8(first), nullptr,
                  [&](Api::Result<Api::LoginResult> r) { in = r.has_value(); });
        QTRY_VERIFY_WITH_TIMEOUT(in, 10000);

        Views::ChangePasswordDialog dialog(&api);
        QSignalSpy failed(&dialog, &Views::ChangePasswordDialog::failed);
        QSignalSpy changed(&dialog, &Views::ChangePasswordDialog::changed);
        // Too short: refused here, nothing sent.
        dialog.setPasswords(QString::fromUtf8(first), QStringLiteral("short"), QStringLiteral("short"));
        dialog.submit();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!dialog.isBusy());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("at least 10 characters")),
                 qPrintable(dialog.statusText()));
        // Wrong current password: the server's 401 naming /current, in words; the fields keep their text.
        dialog.setPasswords(QStringLiteral("not my password"), second, second);
        dialog.submit();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
        QCOMPARE(dialog.statusText(), QStringLiteral("The current password is wrong."));
        QCOMPARE(dialog.currentField()->text(), QStringLiteral("not my password"));
        QCOMPARE(dialog.newField()->text(), second);
        showAndShoot(&dialog, QStringLiteral("desk-password-change-refused-en"));
        {
            Appearance::applyLanguage(QStringLiteral("ru"));
            const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
            Views::ChangePasswordDialog ru(&api);
            QSignalSpy ruFailed(&ru, &Views::ChangePasswordDialog::failed);
            ru.setPasswords(QStringLiteral("not my password"), second, second);
            ru.submit();
            QTRY_COMPARE_WITH_TIMEOUT(ruFailed.size(), 1, 10000);
            QVERIFY2(ru.statusText().contains(QStringLiteral("Текущий пароль")), qPrintable(ru.statusText()));
            showAndShoot(&ru, QStringLiteral("desk-password-change-refused-ru"));
        }
        dialog.setPasswords(QString::fromUtf8(first), second, second);
        dialog.submit();
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
        QCOMPARE(loginStatus(QString::fromUtf8(first)), 401);
        QCOMPARE(loginStatus(second), 200);

        // The administrator resets it from the Admins tab's action.
        Api::ApiClient admin;
        signIn(admin);
        Views::AdminView view(Views::Services{&admin, nullptr, nullptr, nullptr});
        view.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!view.admins()->isLoading() && view.admins()->rowCount() >= 2, 10000);
        QString id;
        for (int r = 0; r < view.admins()->rowCount(); ++r)
            if (view.admins()->item(r).value(QStringLiteral("email")).toString() ==
                QLatin1String("pw@example.org"))
                id = view.admins()->index(r, 0).data(Models::PagedJsonModel::IdRole).toString();
        QVERIFY(!id.isEmpty());
        std::optional<QString> fresh;
        view.resetPassword(id, [&](const QString &password, const QString &error) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            fresh = password;
        });
        QTRY_VERIFY_WITH_TIMEOUT(fresh.has_value(), 10000);
        QCOMPARE(fresh->size(), 20);
        QCOMPARE(loginStatus(second), 401);
        QCOMPARE(loginStatus(*fresh), 200);
        std::unique_ptr<QMessageBox> box(view.newPasswordBox(QStringLiteral("pw@example.org"), *fresh));
        QCOMPARE(box->informativeText(), *fresh);
        showAndShoot(box.get(), QStringLiteral("desk-password-reset-en"));
        box.reset();
        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        Views::AdminView ruView(Views::Services{&admin, nullptr, nullptr, nullptr});
        box.reset(ruView.newPasswordBox(QStringLiteral("pw@example.org"), *fresh));
        QVERIFY2(box->text().contains(QStringLiteral("только сейчас")), qPrintable(box->text()));
        showAndShoot(box.get(), QStringLiteral("desk-password-reset-ru"));
        box.reset(); // before its parent view goes
    }

    // The collector's error codes reach the user as translated sentences naming the field: a taken e-mail
    // (409 conflict) and a short password (400 naming /password) in Add admin, which keeps every typed
    // value and stays open until the server agrees.
    void addAdminKeepsInputAndTranslatesRefusals()
    {
        Api::ApiClient api;
        signIn(api);
        Views::AddAdminDialog dialog(&api);
        QSignalSpy failed(&dialog, &Views::AddAdminDialog::failed);
        QSignalSpy created(&dialog, &Views::AddAdminDialog::created);
        dialog.show();
        dialog.setFields(QStringLiteral("admin@example.org"), QStringLiteral("Дубль"),
                         QStringLiteral("a long enough password"), QStringLiteral("admin"));
        dialog.submit();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("email is already taken")),
                 qPrintable(dialog.statusText()));
        QVERIFY(!dialog.statusText().contains(QStringLiteral("exists"))); // not the server's English
        QCOMPARE(dialog.emailField()->text(), QStringLiteral("admin@example.org"));
        QCOMPARE(dialog.nameField()->text(), QStringLiteral("Дубль"));
        QCOMPARE(dialog.passwordField()->text(), QStringLiteral("a long enough password"));
        QCOMPARE(dialog.roleBox()->currentData().toString(), QStringLiteral("admin"));
        showAndShoot(&dialog, QStringLiteral("desk-add-admin-refused-en"));

        dialog.setFields(QStringLiteral("new.proctor@example.org"), QStringLiteral("Новый"),
                         QStringLiteral("short"), QStringLiteral("proctor"));
        dialog.submit();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Field: Password")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.passwordField()->text(), QStringLiteral("short"));
        {
            Appearance::applyLanguage(QStringLiteral("ru"));
            const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
            Views::AddAdminDialog ru(&api);
            QSignalSpy ruFailed(&ru, &Views::AddAdminDialog::failed);
            ru.setFields(QStringLiteral("admin@example.org"), QStringLiteral("Дубль"),
                         QStringLiteral("a long enough password"), QStringLiteral("proctor"));
            ru.submit();
            QTRY_COMPARE_WITH_TIMEOUT(ruFailed.size(), 1, 10000);
            QVERIFY2(ru.statusText().contains(QStringLiteral("адрес")), qPrintable(ru.statusText()));
            showAndShoot(&ru, QStringLiteral("desk-add-admin-refused-ru"));
        }
        dialog.passwordField()->setText(QStringLiteral("a long enough password"));
        dialog.submit();
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 10000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // Cancel on the sign-in dialog abandons a sign-in under way (no token is kept, nothing signs in), and
    // cancelling the dialog after Sign out leaves the window open, signed out, instead of quitting.
    void signInCancelWorks()
    {
        Api::ApiClient api;
        Api::TokenStore tokens;
        {
            Views::LoginDialog dialog(&api, &tokens);
            QSignalSpy ok(&dialog, &Views::LoginDialog::signedIn);
            dialog.setServer(m_fx->collector().baseUrl());
            dialog.setEmail(QStringLiteral("admin@example.org"));
            dialog.setPassword(QString::fromUtf8(kPassword));
            dialog.show();
            dialog.signIn();
            dialog.reject();
            QVERIFY(!dialog.isVisible());
            QTest::qWait(2500); // the login answer arrives meanwhile (it takes about a second: argon2id)
            QCOMPARE(ok.size(), 0);
            QVERIFY(!api.hasToken());
        }
        QTemporaryDir dir;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        bool cancelled = false;
        QTimer::singleShot(500, &window, [&] {
            for (Views::LoginDialog *d : window.findChildren<Views::LoginDialog *>())
                if (d->isVisible()) {
                    d->reject();
                    cancelled = true;
                }
        });
        window.signOut();
        QVERIFY(cancelled);
        QVERIFY(window.isVisible());
        QVERIFY(!api.hasToken());
        QCOMPARE(window.resultsModel()->rowCount(), 0);
        window.close();
    }

    // Two candidates with the same typing and mouse: the risk panel names the other session (candidate and
    // date), says how likely such a match is by chance in words ("1 in …"), shows units and no E-notation,
    // and opens the related session.
    void riskPanelNamesRelatedSessions()
    {
        const QString a = seedSession(*m_fx, 21, 9, QStringLiteral("Двойников"), {}, 12);
        const QString b = seedSession(*m_fx, 22, 9, QStringLiteral("Копиров"), {}, 12);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QTemporaryDir dir;
        Api::ApiClient api;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        signIn(api);
        window.onSignedIn();
        Views::SessionView *view = window.sessionView();
        auto *risk = view->document()->riskFactors();
        // The assessment of b follows its result within seconds (off the acknowledgement path).
        int crossRow = -1;
        for (int attempt = 0; attempt < 20 && crossRow < 0; ++attempt) {
            window.openSession(b);
            QTRY_VERIFY_WITH_TIMEOUT(!view->document()->isLoading() && view->document()->detail().isValid(),
                                     10000);
            // The narrowest factor naming the twin (same typist or mouse: only the twin).
            qsizetype narrowest = 0;
            for (int r = 0; r < risk->rowCount(); ++r) {
                const QStringList related =
                    risk->index(r, 0).data(Models::RiskFactorsModel::RelatedSessionsRole).toStringList();
                if (related.contains(a) && (crossRow < 0 || related.size() < narrowest)) {
                    crossRow = r;
                    narrowest = related.size();
                }
            }
            if (crossRow < 0)
                QTest::qWait(1000);
        }
        QVERIFY2(crossRow >= 0, "no risk factor names the twin session");
        view->riskTable()->selectRow(crossRow);
        view->selectRiskFactor(crossRow);
        QTRY_VERIFY_WITH_TIMEOUT(
            view->relatedSessionLabels().join(QLatin1Char('|')).contains(QStringLiteral("Двойников")), 10000);
        const QString label = view->relatedSessionLabels().first();
        QVERIFY2(label.contains(QRegularExpression(QStringLiteral("\\d{1,2}/\\d{1,2}/\\d{2}"))) ||
                     label.contains(QRegularExpression(QStringLiteral("\\d{2}\\.\\d{2}\\.\\d{4}"))),
                 qPrintable(label));
        static const QRegularExpression eNotation(QStringLiteral("\\d[eE][+-]?\\d"));
        for (int r = 0; r < risk->rowCount(); ++r)
            for (int c = 0; c < risk->columnCount(); ++c) {
                const QString text = risk->index(r, c).data().toString();
                QVERIFY2(!eNotation.match(text).hasMatch() && !text.startsWith(QStringLiteral("risk.")),
                         qPrintable(text));
            }
        const QString evidence = risk->index(crossRow, Models::RiskFactorsModel::Evidence).data().toString();
        QVERIFY2(evidence.contains(QStringLiteral("Двойников")), qPrintable(evidence));
        // The chance is written out (the collector stores it with the factor, docs/api.md) as "1 in N",
        // never as a raw probability.
        QVERIFY2(risk->report().factors.at(crossRow).chancePerComparison >= 0,
                 "the collector sends the stored chance with the factor");
        QVERIFY2(evidence.contains(QRegularExpression(QStringLiteral("1 in [0-9,]+ per comparison"))),
                 qPrintable(evidence));
        QVERIFY2(!evidence.contains(QStringLiteral("other session")),
                 qPrintable(evidence)); // named, not counted
        QVERIFY(Proctor::Testing::saveScreenshot(&window, QStringLiteral("desk-risk-related-en")));
        view->openRelated(0);
        QTRY_COMPARE_WITH_TIMEOUT(view->sessionId(), a, 10000);

        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        Views::MainWindow ru(Views::Services{&api, nullptr, &tokens, &cache});
        ru.resize(1500, 950);
        ru.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ru));
        ru.onSignedIn();
        ru.openSession(b);
        auto *ruRisk = ru.sessionView()->document()->riskFactors();
        QTRY_VERIFY_WITH_TIMEOUT(!ru.sessionView()->document()->isLoading() && ruRisk->rowCount() > crossRow,
                                 10000);
        ru.sessionView()->riskTable()->selectRow(crossRow);
        ru.sessionView()->selectRiskFactor(crossRow);
        QTRY_VERIFY_WITH_TIMEOUT(ruRisk->index(crossRow, Models::RiskFactorsModel::Evidence)
                                     .data()
                                     .toString()
                                     .contains(QStringLiteral("Двойников")),
                                 10000);
        const QString ruEvidence =
            ruRisk->index(crossRow, Models::RiskFactorsModel::Evidence).data().toString();
        // The closest match by name and date, and its chance in words (the collector stores both).
        QVERIFY2(ruEvidence.contains(QStringLiteral("ближайшая: Двойников")), qPrintable(ruEvidence));
        QVERIFY2(ruEvidence.contains(
                     QRegularExpression(QStringLiteral("1 из [0-9 \\x{00A0}\\x{202F}]+ на сравнение"))),
                 qPrintable(ruEvidence));
        QVERIFY(Proctor::Testing::saveScreenshot(&ru, QStringLiteral("desk-risk-related-ru")));
        ru.close();
        window.close();
    }

    // Abandoned: "Tests and study" lists both kinds; by default only sessions idle for 30 minutes or more
    // (a session started a moment ago is in progress, not abandoned) unless asked for.
    void abandonedShowsBothKindsAndIdleOnly()
    {
        const StartedSession study = m_fx->startSession(
            HotPathFixture::sessionStartBody(QStringLiteral("Учебный"), {}, QStringLiteral("study")));
        QVERIFY(!study.id.isEmpty());
        const StartedSession running =
            m_fx->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Идущий")));
        QVERIFY(!running.id.isEmpty());
        Api::ApiClient api;
        signIn(api);
        Views::AbandonedView view(Views::Services{&api, nullptr, nullptr, nullptr});
        Models::AbandonedModel *model = view.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view.kindFilter()->currentData().toString(), QString());
        QCOMPARE(view.idleFilter()->currentData().toInt(), 30);
        view.reload();
        QTest::qWait(1500);
        QCOMPARE(model->rowOfId(running.id), -1); // in progress, not idle
        QCOMPARE(model->rowOfId(study.id), -1);
        view.idleFilter()->setCurrentIndex(view.idleFilter()->findData(0));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfId(study.id) >= 0 && model->rowOfId(running.id) >= 0, 10000);
        bool kinds[2] = {false, false};
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString kind = model->item(r).value(QStringLiteral("kind")).toString();
            kinds[0] |= kind == QLatin1String("test");
            kinds[1] |= kind == QLatin1String("study");
        }
        QVERIFY(kinds[0] && kinds[1]);
        view.resize(1200, 420);
        showAndShoot(&view, QStringLiteral("desk-abandoned-all-en"));
        view.kindFilter()->setCurrentIndex(view.kindFilter()->findData(QStringLiteral("study")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !model->isLoading() && model->rowOfId(study.id) >= 0 && model->rowOfId(running.id) < 0, 10000);
        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        Views::AbandonedView ru(Views::Services{&api, nullptr, nullptr, nullptr});
        ru.idleFilter()->setCurrentIndex(ru.idleFilter()->findData(0));
        QTRY_VERIFY_WITH_TIMEOUT(ru.model()->rowOfId(study.id) >= 0, 10000);
        ru.resize(1200, 420);
        showAndShoot(&ru, QStringLiteral("desk-abandoned-all-ru"));
    }

    // Risk settings: loaded from the server with units, saved (the server stores a new version), and a
    // medium level above the high one refused on the high level's own field.
    void riskSettingsDialogLoadsSavesAndMarksTheField()
    {
        Api::ApiClient api;
        signIn(api);
        Views::RiskSettingsDialog dialog(&api);
        QSignalSpy loaded(&dialog, &Views::RiskSettingsDialog::loaded);
        QSignalSpy saved(&dialog, &Views::RiskSettingsDialog::saved);
        QSignalSpy failed(&dialog, &Views::RiskSettingsDialog::failed);
        dialog.load();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        const QJsonObject server = loaded.first().first().toJsonObject();
        // Every setting the server has is in the dialog with the server's value: saving never drops one
        // (the PUT sends what the dialog holds).
        for (const QString group : {QStringLiteral("weights"), QStringLiteral("thresholds")}) {
            const QJsonObject members = server.value(group).toObject();
            QVERIFY(!members.isEmpty());
            for (auto it = members.begin(); it != members.end(); ++it) {
                const QString pointer = QStringLiteral("/%1/%2").arg(group, it.key());
                QVERIFY2(dialog.field(pointer), qPrintable(pointer + QStringLiteral(" has no field")));
                QCOMPARE(dialog.value(pointer), it.value().toDouble());
            }
        }
        QCOMPARE(dialog.value(QStringLiteral("/weights/printPoints")),
                 server.value("weights").toObject().value("printPoints").toDouble());
        QCOMPARE(dialog.value(QStringLiteral("/thresholds/maxBlurMs")),
                 server.value("thresholds").toObject().value("maxBlurMs").toDouble());
        // Edited in seconds and percent, stored in ms and as a fraction.
        QCOMPARE(dialog.field(QStringLiteral("/thresholds/maxBlurMs"))->value(),
                 server.value("thresholds").toObject().value("maxBlurMs").toDouble() / 1000.0);
        QCOMPARE(dialog.field(QStringLiteral("/targetFalseAlarmRate"))->value(),
                 server.value("targetFalseAlarmRate").toDouble() * 100.0);
        const double medium = dialog.value(QStringLiteral("/thresholds/mediumFrom"));

        dialog.setValue(QStringLiteral("/thresholds/highFrom"), medium - 1);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(dialog.fieldError(QStringLiteral("/thresholds/highFrom")),
                 QStringLiteral("Must be above the medium level."));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("High risk from")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.value(QStringLiteral("/thresholds/highFrom")), medium - 1); // kept as typed
        showAndShoot(&dialog, QStringLiteral("desk-risk-settings-refused-en"));

        dialog.setValue(QStringLiteral("/thresholds/highFrom"), 60);
        dialog.setValue(QStringLiteral("/weights/printPoints"), 45);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY(dialog.fieldError(QStringLiteral("/thresholds/highFrom")).isEmpty());
        const QJsonObject stored = saved.first().first().toJsonObject();
        QCOMPARE(stored.value("weights").toObject().value("printPoints").toDouble(), 45.0);
        QVERIFY(stored.value("version").toInt() >= 1);
        QCOMPARE(stored.value("thresholds").toObject().value("maxBlurMs").toDouble(),
                 server.value("thresholds").toObject().value("maxBlurMs").toDouble());
        QCOMPARE(stored.value("targetFalseAlarmRate").toDouble(),
                 server.value("targetFalseAlarmRate").toDouble());

        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        Views::RiskSettingsDialog ru(&api);
        QSignalSpy ruLoaded(&ru, &Views::RiskSettingsDialog::loaded);
        QSignalSpy ruFailed(&ru, &Views::RiskSettingsDialog::failed);
        ru.load();
        QTRY_COMPARE_WITH_TIMEOUT(ruLoaded.size(), 1, 10000);
        QCOMPARE(ru.value(QStringLiteral("/weights/printPoints")), 45.0);
        ru.setValue(QStringLiteral("/thresholds/highFrom"), 10);
        ru.save();
        QTRY_COMPARE_WITH_TIMEOUT(ruFailed.size(), 1, 10000);
        QVERIFY2(ru.fieldError(QStringLiteral("/thresholds/highFrom")).contains(QStringLiteral("средн")),
                 qPrintable(ru.fieldError(QStringLiteral("/thresholds/highFrom"))));
        showAndShoot(&ru, QStringLiteral("desk-risk-settings-refused-ru"));
        // Put the defaults back for the tests after this one.
        ru.setValue(QStringLiteral("/thresholds/highFrom"), 60);
        ru.setValue(QStringLiteral("/weights/printPoints"),
                    server.value("weights").toObject().value("printPoints").toDouble());
        QSignalSpy ruSaved(&ru, &Views::RiskSettingsDialog::saved);
        ru.save();
        QTRY_COMPARE_WITH_TIMEOUT(ruSaved.size(), 1, 10000);
    }

    // The dashboard shows each risk factor's reviewer precision for its period, from
    // GET /review/precision (a confirmed violation counts for every factor the session had).
    void dashboardShowsPrecisionPerFactor()
    {
        Api::ApiClient api;
        signIn(api);
        // One decision so that at least one factor has a precision: session 3 prints and switches tabs.
        std::optional<int> status;
        api.post(QStringLiteral("/sessions/%1/review").arg(m_sessions.at(3)),
                 QJsonObject{{"state", "violation"}, {"comment", "precision"}}, nullptr,
                 [&](const Api::Response &r) { status = r.status; });
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 10000);
        QVERIFY2(*status == 200 || *status == 201, qPrintable(QString::number(*status)));
        Views::DashboardView view(Views::Services{&api, nullptr, nullptr, nullptr});
        Models::PrecisionModel *precision = view.precision();
        QAbstractItemModelTester tester(precision, QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.reload();
        QTRY_VERIFY_WITH_TIMEOUT(precision->rowCount() > 0, 10000);
        QCOMPARE(precision->days(), 30);
        const int print = precision->rowOfReason(QStringLiteral("risk.print_attempts"));
        QVERIFY(print >= 0);
        QVERIFY(precision->index(print, Models::PrecisionModel::Confirmed).data().toString().toInt() >= 1);
        QVERIFY(precision->index(print, 0).data(Models::PrecisionModel::PrecisionRole).toDouble() > 0);
        QCOMPARE(precision->index(print, Models::PrecisionModel::Factor).data().toString(),
                 QStringLiteral("Print or screenshot attempts"));
        view.resize(1400, 900);
        showAndShoot(&view, QStringLiteral("desk-dashboard-precision-en"));
        Appearance::applyLanguage(QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        Views::DashboardView ru(Views::Services{&api, nullptr, nullptr, nullptr});
        ru.reload();
        QTRY_VERIFY_WITH_TIMEOUT(ru.precision()->rowCount() > 0, 10000);
        QVERIFY(ru.precision()
                    ->index(0, Models::PrecisionModel::Factor)
                    .data()
                    .toString()
                    .contains(QRegularExpression(QStringLiteral("[А-Яа-я]"))));
        ru.resize(1400, 900);
        showAndShoot(&ru, QStringLiteral("desk-dashboard-precision-ru"));
    }

    // The Results view's test filter lists the tests from GET /tests with the sign-in token; the former
    // copy of that list under /review/tests is gone.
    void testFilterReadsTheStaffTestList()
    {
        Api::ApiClient api;
        signIn(api);
        QTemporaryDir dir;
        Api::TokenStore tokens;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        Views::MainWindow window(Views::Services{&api, nullptr, &tokens, &cache});
        window.onSignedIn();
        QComboBox *filter = window.resultsView()->testFilter();
        QTRY_VERIFY_WITH_TIMEOUT(filter->findData(QStringLiteral("known")) > 0, 10000);
        const HttpResult gone = m_fx->http().get(m_fx->url(QStringLiteral("/api/v1/review/tests")),
                                                 {{"Authorization", "Bearer " + api.token()}});
        QCOMPARE(gone.status, 404);
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
        // A partner seeded now, from the same test definition (earlier tests re-import tests). Each session
        // draws its own questions and carries trajectories for its first four: a partner whose four share
        // none with the hostile session's has nothing to overlay, so another one is seeded (that chance made
        // this test fail about one run in three).
        Views::CompareView *compare = window.compareView();
        bool overlaid = false;
        for (int attempt = 0; attempt < 6 && !overlaid; ++attempt) {
            const QString partner = seedSession(*m_fx, 30 + attempt, 9); // a new candidate each time
            QVERIFY(!partner.isEmpty());
            window.compareSessions({id, partner});
            overlaid =
                QTest::qWaitFor([&] { return compare->overlay()->data().trajectories.size() >= 2; }, 5000);
        }
        QVERIFY(overlaid);
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
