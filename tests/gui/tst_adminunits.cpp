// SPDX-License-Identifier: MIT
// proctor-admin core against a fake server in the documented shapes: every model under
// QAbstractItemModelTester, keyset paging, login failure paths, live updates, timeline and overlay
// geometry, CSV, the session cache.
#include <QAbstractItemModelTester>
#include <QChart>
#include <QFileInfo>
#include <QScopeGuard>
#include <QImage>
#include <QLabel>
#include <QDateTimeAxis>
#include <QValueAxis>
#include <QXYSeries>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "api/apiclient.h"
#include "app/appearance.h"
#include "core/error.h"
#include "models/precisionmodel.h"
#include "models/sessionmodels.h"
#include "api/livefeedclient.h"
#include "api/tokenstore.h"
#include "app/appearance.h"
#include "app/datasize.h"
#include "cache/sessioncache.h"
#include "export/csvexporter.h"
#include "fakeserver.h"
#include "models/compareanalysis.h"
#include "models/listmodels.h"
#include "models/resultsmodel.h"
#include "models/sessiondocument.h"
#include "views/dashboardview.h"
#include "views/emblemdialog.h"
#include "views/logindialog.h"
#include "widgets/timelinewidget.h"
#include "widgets/trajectoryoverlaywidget.h"

using namespace Proctor::Admin;
using Proctor::Testing::FakeData;
using Proctor::Testing::FakeResponse;
using Proctor::Testing::FakeServer;

class TestAdminUnits : public QObject
{
    Q_OBJECT

private:
    void signIn(Api::ApiClient &api, FakeServer &server)
    {
        api.setServerUrl(QUrl(server.baseUrl()));
        bool done = false;
        api.login(QStringLiteral("admin@example.org"), QStringLiteral("correct horse"), nullptr,
                  [&](Api::Result<Api::LoginResult> r) {
                      QVERIFY(r.has_value());
                      done = true;
                  });
        QTRY_VERIFY(done);
    }

private slots:
    void loginFailures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unreachable server")
            << "unreachable" << int(Api::ApiError::Kind::Unreachable) << "cannot be reached";
        QTest::newRow("bad credentials")
            << "badpassword" << int(Api::ApiError::Kind::BadCredentials) << "Wrong email or password";
        QTest::newRow("rate limited")
            << "ratelimited" << int(Api::ApiError::Kind::RateLimited) << "Try again in 30 s";
        QTest::newRow("not a proctor server")
            << "notfound" << int(Api::ApiError::Kind::Protocol) << "Proctor server";
        QTest::newRow("tls error") << "tls" << int(Api::ApiError::Kind::Tls) << "secure connection failed";
    }
    void loginFailures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        if (scenario == QLatin1String("tls") && !QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        FakeServer server;
        FakeData::install(server);
        if (scenario == QLatin1String("ratelimited"))
            server.route("POST", "/api/v1/auth/login", [](const Proctor::Testing::FakeRequest &) {
                FakeResponse r = FakeResponse::error(429, "rate_limited");
                r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
                return r;
            });
        if (scenario == QLatin1String("notfound"))
            server.route("POST", "/api/v1/auth/login", [](const Proctor::Testing::FakeRequest &) {
                return FakeResponse::error(404, "not_found");
            });
        QString url = server.baseUrl();
        if (scenario == QLatin1String("unreachable")) {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
            probe.close();
        } else if (scenario == QLatin1String("tls")) {
            url.replace(QStringLiteral("http://"),
                        QStringLiteral("https://")); // a plain-HTTP server answering a TLS hello
        }
        Api::ApiClient api;
        Api::TokenStore tokens;
        QCOMPARE(tokens.backend(),
                 Api::TokenStore::Backend::Memory); // offscreen: never QSettings, never a keychain
        Views::LoginDialog dialog(&api, &tokens);
        dialog.setServer(url);
        dialog.setEmail(QStringLiteral("admin@example.org"));
        dialog.setPassword(scenario == QLatin1String("badpassword") ? QStringLiteral("wrong")
                                                                    : QStringLiteral("correct horse"));
        QSignalSpy failed(&dialog, &Views::LoginDialog::failed);
        dialog.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        const auto error = failed.first().first().value<Api::ApiError>();
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(dialog.message().contains(messagePart), qPrintable(dialog.message()));
        QVERIFY(!api.hasToken());
    }

    void loginSucceedsAndTokenIsStoredInMemory()
    {
        FakeServer server;
        FakeData::install(server);
        Api::ApiClient api;
        Api::TokenStore tokens;
        Views::LoginDialog dialog(&api, &tokens);
        dialog.setServer(server.baseUrl());
        dialog.setEmail(QStringLiteral("admin@example.org"));
        dialog.setPassword(QStringLiteral("correct horse"));
        QSignalSpy ok(&dialog, &Views::LoginDialog::signedIn);
        dialog.signIn();
        QTRY_COMPARE(ok.size(), 1);
        QCOMPARE(api.token(), QByteArray("tok-123"));
        QCOMPARE(api.account().role, QStringLiteral("admin"));
        QByteArray stored;
        tokens.load(Api::TokenStore::accountKey(QUrl(server.baseUrl()).toString(),
                                                QStringLiteral("admin@example.org")),
                    [&](const QByteArray &t) { stored = t; });
        QCOMPARE(stored, QByteArray("tok-123"));
    }

    void expiredTokenIsReported()
    {
        FakeServer server;
        FakeData::install(server);
        Api::ApiClient api;
        api.setServerUrl(QUrl(server.baseUrl()));
        api.setToken("stale");
        QSignalSpy lost(&api, &Api::ApiClient::authenticationLost);
        std::optional<Api::ApiError> error;
        api.me(nullptr, [&](Api::Result<Api::AdminAccount> r) { error = r ? Api::ApiError{} : r.error(); });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(error->kind, Api::ApiError::Kind::ExpiredToken);
        QVERIFY(error->userMessage().contains(QStringLiteral("expired")));
        QCOMPARE(lost.size(), 1);
    }

    void resultsModelPagesWithFetchMore()
    {
        FakeServer server;
        FakeData::install(server, 230);
        Api::ApiClient api;
        signIn(api, server);
        Models::ResultsModel model(&api);
        Models::ResultsFilter f;
        f.pageSize = 100;
        model.setFilter(f);
        QTRY_COMPARE(model.rowCount(), 100);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 200);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 230);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(0, Models::ResultsModel::Candidate).data().toString(),
                 QStringLiteral("Иванов Иван Андреевич"));
        QCOMPARE(model.index(7, 0).data(Models::ResultsModel::RiskLevelRole).toString(),
                 QStringLiteral("high"));
        // The cursor of the previous page was sent, and filters go to the server.
        QVERIFY(server.requests().last().query.contains(QStringLiteral("cursor=200")));
        // The tester itself calls fetchMore(): attached now, it drives and checks the reloads below.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.risk = QStringList{QStringLiteral("high")};
        model.setFilter(f);
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        QVERIFY(server.requests().last().query.contains(QStringLiteral("risk=high")));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, 0).data(Models::ResultsModel::RiskLevelRole).toString(),
                     QStringLiteral("high"));
        // Sorting by score is a server-side order.
        model.sort(Models::ResultsModel::Score, Qt::DescendingOrder);
        QTRY_VERIFY(server.requests().last().query.contains(QStringLiteral("sort=score")));
    }

    // Every sortable column sorts on the server in both directions; the filters go as comma lists.
    void resultsQuery_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QString>("direction");
        using M = Models::ResultsModel;
        QTest::newRow("candidate asc") << int(M::Candidate) << int(Qt::AscendingOrder) << "candidate"
                                       << "asc";
        QTest::newRow("candidate desc") << int(M::Candidate) << int(Qt::DescendingOrder) << "candidate"
                                        << "desc";
        QTest::newRow("finished asc") << int(M::Finished) << int(Qt::AscendingOrder) << "finished"
                                      << "asc";
        QTest::newRow("duration desc") << int(M::Duration) << int(Qt::DescendingOrder) << "duration"
                                       << "desc";
        QTest::newRow("score asc") << int(M::Score) << int(Qt::AscendingOrder) << "score"
                                   << "asc";
        QTest::newRow("risk desc") << int(M::Risk) << int(Qt::DescendingOrder) << "risk"
                                   << "desc";
        QTest::newRow("risk asc") << int(M::Risk) << int(Qt::AscendingOrder) << "risk"
                                  << "asc";
        QTest::newRow("violations keep the order")
            << int(M::Violations) << int(Qt::AscendingOrder) << "finished"
            << "desc";
    }
    void resultsQuery()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, sort);
        QFETCH(QString, direction);
        Models::ResultsModel model(nullptr);
        model.sort(column, Qt::SortOrder(order));
        const QUrlQuery q = model.filter().toQuery();
        QCOMPARE(q.queryItemValue(QStringLiteral("sort")), sort);
        QCOMPARE(q.queryItemValue(QStringLiteral("order")), direction);
        Models::ResultsFilter f;
        f.risk = QStringList{QStringLiteral("medium"), QStringLiteral("high")};
        f.tests = QStringList{QStringLiteral("infosec"), QStringLiteral("pd_152")};
        f.review = QStringList{QStringLiteral("unreviewed"), QStringLiteral("second_look")};
        const QUrlQuery filtered = f.toQuery();
        QCOMPARE(filtered.queryItemValue(QStringLiteral("risk")), QStringLiteral("medium,high"));
        QCOMPARE(filtered.queryItemValue(QStringLiteral("test")), QStringLiteral("infosec,pd_152"));
        QCOMPARE(filtered.queryItemValue(QStringLiteral("review")), QStringLiteral("unreviewed,second_look"));
    }

    void liveUpdateChangesResultsModel()
    {
        FakeServer server;
        int total = 5;
        FakeData::install(server, 5);
        Api::ApiClient api;
        signIn(api, server);
        // Newest first: a new result appears at the head of the list.
        server.route("GET", "/api/v1/results", [&total](const Proctor::Testing::FakeRequest &) {
            QJsonArray items;
            for (int i = total - 1; i >= 0; --i)
                items.append(FakeData::resultItem(i));
            return FakeResponse::json(
                QJsonDocument(QJsonObject{{"items", items}, {"nextCursor", QJsonValue()}}));
        });
        Models::ResultsModel model(&api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 5);
        Api::LiveFeedClient live;
        connect(&live, &Api::LiveFeedClient::resultSaved, &model, &Models::ResultsModel::onResultSaved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        total = 6;
        live.handleMessage(
            QStringLiteral(R"({"type":"result_saved","sessionId":"%1","score":90,"passed":true})")
                .arg(FakeData::sessionId(5)));
        QTRY_COMPARE(model.rowCount(), 6);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(0, 0).data(Models::ResultsModel::SessionIdRole).toString(),
                 FakeData::sessionId(5));
        QCOMPARE(model.rowOfSession(FakeData::sessionId(0)), 5);
    }

    // Every documented message type reaches its own signal, decoded by the collector's code; a message
    // that breaks the schema reaches none of them.
    void liveFeedDecodesEveryType()
    {
        Api::LiveFeedClient live;
        QSignalSpy started(&live, &Api::LiveFeedClient::sessionStarted);
        QSignalSpy appended(&live, &Api::LiveFeedClient::eventsAppended);
        QSignalSpy saved(&live, &Api::LiveFeedClient::resultSaved);
        QSignalSpy revoked(&live, &Api::LiveFeedClient::apiKeyRevoked);
        QSignalSpy deleted(&live, &Api::LiveFeedClient::candidateDeleted);
        QSignalSpy throttled(&live, &Api::LiveFeedClient::loginThrottled);
        QSignalSpy rejected(&live, &Api::LiveFeedClient::messageRejected);
        const QString a = FakeData::sessionId(1);
        const QString b = FakeData::sessionId(2);
        const QString hash(64, QLatin1Char('e'));
        live.handleMessage(
            QStringLiteral(R"({"type":"session_started","sessionId":"%1","kind":"study","testId":"pd"})")
                .arg(a));
        live.handleMessage(
            QStringLiteral(R"({"type":"events_appended","sessions":[)"
                           R"({"sessionId":"%1","count":2,"types":["focus_loss","copy_attempt"]},)"
                           R"({"sessionId":"%2","count":1,"types":[]}]})")
                .arg(a, b));
        live.handleMessage(
            QStringLiteral(R"({"type":"result_saved","sessionId":"%1","score":72.5,"passed":false})").arg(a));
        live.handleMessage(QStringLiteral(R"({"type":"apikey_revoked","hash":"%1","id":4})").arg(hash));
        live.handleMessage(
            QStringLiteral(R"({"type":"candidate_deleted","candidateId":1001,"sessionIds":["%1"]})")
                .arg(a.toUpper()));
        live.handleMessage(QStringLiteral(R"({"type":"login_throttled","email":"boss@example.org",)"
                                          R"("address":"203.0.113.9","failures":6,"delaySeconds":16})"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first(), (QVariantList{a, QStringLiteral("study"), QStringLiteral("pd")}));
        QCOMPARE(appended.size(), 2);
        QCOMPARE(appended.at(0), (QVariantList{a, 2, QStringList{"focus_loss", "copy_attempt"}}));
        QCOMPARE(appended.at(1), (QVariantList{b, 1, QStringList{}}));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first(), (QVariantList{a, 72.5, false}));
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.first().first().toString(), hash);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).toLongLong(), 1001);
        QCOMPARE(deleted.first().at(1).toStringList(), QStringList{a}); // as the REST API spells it
        QCOMPARE(throttled.size(), 1);
        QCOMPARE(throttled.first(),
                 (QVariantList{QStringLiteral("boss@example.org"), QStringLiteral("203.0.113.9"), 6, 16}));
        QVERIFY(rejected.isEmpty());

        live.handleMessage(
            QStringLiteral(R"({"type":"result_saved","sessionId":"%1","score":90,"passed":true,"x":1})")
                .arg(a));
        live.handleMessage(
            QStringLiteral(R"({"type":"result_saved","sessionId":"nope","score":90,"passed":true})"));
        live.handleMessage(QStringLiteral(R"({"type":"something_new"})"));
        QCOMPARE(rejected.size(), 3);
        QCOMPARE(rejected.at(0).first().toString(), QStringLiteral("/x"));
        QCOMPARE(rejected.at(1).first().toString(), QStringLiteral("/sessionId"));
        QCOMPARE(rejected.at(2).first().toString(), QStringLiteral("/type"));
        QCOMPARE(saved.size(), 1);
    }

    void resultsModelDropsADeletedCandidate()
    {
        Models::ResultsModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Api::ResultRow> rows;
        for (int i = 0; i < 6; ++i) // candidates 1000, 1001, 1002, 1000, 1001, 1002 (i % 3 below)
            rows.append(Api::ResultRow::fromJson(FakeData::resultItem(i % 3 + 40 * (i / 3))));
        model.setRows(rows);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy live(&model, &Models::ResultsModel::liveRowsRemoved);
        // By candidate id (the message lists no sessions).
        model.onCandidateDeleted(1001, {});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(live.first().first().toInt(), 2);
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.rowAt(r).candidate.id != QLatin1String("1001"));
        QCOMPARE(model.rowOfSession(FakeData::sessionId(42)), 3); // the index follows the removal
        // By session id, even if the row's candidate id differs (e.g. a stale row).
        model.onCandidateDeleted(99, {FakeData::sessionId(0)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfSession(FakeData::sessionId(0)), -1);
        // Nobody of this list: nothing happens.
        removed.clear();
        model.onCandidateDeleted(5, {});
        QVERIFY(removed.isEmpty());
        QCOMPARE(model.rowCount(), 3);
    }

    void liveFeedReconnectsWithBackoff()
    {
        Api::LiveFeedClient live;
        live.setBackoff(50, 400);
        QSignalSpy states(&live, &Api::LiveFeedClient::stateChanged);
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        live.start(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(port)), "tok");
        QTRY_COMPARE_WITH_TIMEOUT(live.state(), Api::LiveFeedClient::State::Reconnecting, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(live.reconnectDelayMs() >= 200, 5000); // doubled after failed attempts
        QVERIFY(live.reconnectDelayMs() <= 400);
        live.stop();
        QCOMPARE(live.state(), Api::LiveFeedClient::State::Disconnected);
    }

    void sessionDocumentModels()
    {
        FakeServer server;
        FakeData::install(server);
        Api::ApiClient api;
        signIn(api, server);
        QTemporaryDir dir;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("c.sqlite")));
        Models::SessionDocument doc(&api, &cache);
        QAbstractItemModelTester t1(doc.answers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(doc.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(doc.riskFactors(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = FakeData::sessionId(3);
        doc.open(id);
        QTRY_VERIFY(!doc.isLoading() && doc.source() == Models::SessionDocument::Source::Server);
        QCOMPARE(doc.answers()->rowCount(), 10);
        QCOMPARE(doc.timeline()->rowCount(), FakeData::events(id).size());
        QVERIFY(doc.riskFactors()->rowCount() >= 2);
        QCOMPARE(doc.risk().level, QStringLiteral("high"));
        // After-finish marks and gaps are in the model.
        const int last = doc.timeline()->rowCount() - 1;
        QVERIFY(doc.timeline()->index(last, 0).data(Models::TimelineModel::AfterFinishRole).toBool());
        bool gap = false;
        for (int r = 0; r < doc.timeline()->rowCount(); ++r)
            gap |= doc.timeline()->index(r, 0).data(Models::TimelineModel::GapBeforeMsRole).toLongLong() >=
                   Models::TimelineModel::kGapMs;
        QVERIFY(gap);
        // Cached for offline reopening.
        QVERIFY(cache.contains(QUrl(server.baseUrl()).toString(), id));
        Api::ApiClient offline; // no token, no server
        offline.setServerUrl(QUrl(server.baseUrl()));
        Models::SessionDocument again(&offline, &cache);
        again.open(id);
        QCOMPARE(again.source(), Models::SessionDocument::Source::Cache);
        QCOMPARE(again.timeline()->rowCount(), doc.timeline()->rowCount());
        // Local risk from the events with the shared engine.
        const Api::RiskReport local = Models::localRisk(doc.timeline()->events());
        QVERIFY(local.computedLocally);
        QVERIFY(local.score >= 60);
    }

    void listModels()
    {
        FakeServer server;
        FakeData::install(server);
        Api::ApiClient api;
        signIn(api, server);
        Models::AbandonedModel abandoned(&api);
        Models::CertificatesModel certificates(&api);
        Models::AuditModel audit(&api);
        Models::ApiKeysModel keys(&api);
        Models::AdminsModel admins(&api);
        Models::SimilarModel similar(&api);
        Models::DeviceGroupsModel groups(&api);
        Models::MultiDeviceModel multi(&api);
        Models::SearchModel search;
        QList<QAbstractItemModelTester *> testers;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
                 &abandoned, &certificates, &audit, &keys, &admins, &similar, &groups, &multi, &search})
            testers.append(new QAbstractItemModelTester(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest, this));
        abandoned.setSource(QStringLiteral("/sessions/abandoned"), {});
        certificates.setSource(QStringLiteral("/certificates"), {});
        audit.setSource(QStringLiteral("/audit"), {});
        keys.setSource(QStringLiteral("/apikeys"), {}, QStringLiteral("items"), false);
        admins.setSource(QStringLiteral("/admins"), {}, QStringLiteral("items"), false);
        QTRY_COMPARE(abandoned.rowCount(), 8); // tests only, as the collector answers without `kind`
        QTRY_COMPARE(certificates.rowCount(), 25);
        QTRY_COMPARE(audit.rowCount(), 15);
        QTRY_COMPARE(keys.rowCount(), 2);
        QTRY_COMPARE(admins.rowCount(), 2);
        QCOMPARE(certificates.index(0, Models::CertificatesModel::Number).data().toString(),
                 QStringLiteral("26/11-0001"));
        QCOMPARE(certificates.index(3, Models::CertificatesModel::Status).data().toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(keys.index(1, Models::ApiKeysModel::Status).data().toString().left(7),
                 QStringLiteral("revoked"));
        QCOMPARE(admins.index(1, Models::AdminsModel::Role).data().toString(), QStringLiteral("proctor"));
        const QJsonObject groupsAnswer =
            FakeResponse::json(QJsonDocument()).body.isEmpty() ? QJsonObject() : QJsonObject();
        Q_UNUSED(groupsAnswer)
        groups.setItems(QJsonArray{QJsonObject{{"hash", QString(64, 'a')},
                                               {"sessionCount", 3},
                                               {"candidates", QJsonArray{}},
                                               {"flags", QJsonArray{"several_candidates"}}}});
        QVERIFY(groups.index(0, 0).data(Models::DeviceGroupsModel::FlaggedRole).toBool());
        multi.setItems(QJsonArray{QJsonObject{{"candidate", QJsonObject{{"lastName", "Иванов"}}},
                                              {"hashes", QJsonArray{"x", "y"}}}});
        QCOMPARE(multi.index(0, Models::MultiDeviceModel::DeviceCount).data().toInt(), 2);
        similar.setItems(QJsonArray{
            QJsonObject{{"sessionId", "s1"}, {"questionId", "q1"}, {"similarity", 91.0}, {"distance", 0.1}}});
        QCOMPARE(similar.index(0, Models::SimilarModel::Similarity).data().toString(),
                 QStringLiteral("91.0"));
        search.setAnswer(QJsonObject{{"sessions", QJsonArray{FakeData::resultItem(1)}},
                                     {"candidates", QJsonArray{}},
                                     {"certificates", QJsonArray{}}});
        QCOMPARE(search.rowCount(), 1);
        QCOMPARE(search.index(0).data(Models::SearchModel::SessionIdRole).toString(), FakeData::sessionId(1));
        qDeleteAll(testers);
    }

    void compareModels()
    {
        QList<Models::ComparedSession> sessions;
        for (int v = 0; v < 3; ++v)
            sessions.append({Api::SessionDetail::fromJson(FakeData::sessionDetail(FakeData::sessionId(v), v)),
                             Api::Telemetry::fromJson(FakeData::telemetry(v))});
        Models::CompareAnalysis analysis;
        analysis.setSessions(sessions);
        QCOMPARE(analysis.questionIds(), (QStringList{"q1", "q2", "q3", "q4"}));
        Models::PairScoresModel pairs;
        Models::FingerprintCompareModel fps;
        Models::KeystrokeCompareModel keys;
        QAbstractItemModelTester t1(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&fps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&keys, QAbstractItemModelTester::FailureReportingMode::QtTest);
        pairs.setScores(analysis.pairScores(QStringLiteral("q1")), {"A", "B", "C"});
        fps.setSessions(sessions);
        keys.setSessions(sessions);
        QCOMPARE(pairs.rowCount(), 3);
        const double sim = pairs.index(0, Models::PairScoresModel::QuestionSimilarity)
                               .data(Models::PairScoresModel::ValueRole)
                               .toDouble();
        QVERIFY(sim > 0 && sim <= 100);
        QCOMPARE(fps.columnCount(), 5);
        // Timezone is the same for all: match; the platform differs between variants.
        const int tzRow = 7;
        QVERIFY(fps.index(tzRow, 0).data().toString() == QStringLiteral("timezone"));
        QVERIFY(fps.rowMatches(tzRow));
        QVERIFY(!fps.rowMatches(2));
        QVERIFY(keys.rowCount() >= 3);
        QVERIFY(keys.index(0, 1).data(Models::KeystrokeCompareModel::MeanRole).toDouble() > 0);
        // The same trajectory against itself: similarity 100.
        Models::CompareAnalysis same;
        same.setSessions({sessions.at(0), sessions.at(0)});
        QCOMPARE(same.overlay(QStringLiteral("q1"), Models::CompareAnalysis::Mode::Exact)
                     .alignments.first()
                     .similarity,
                 100.0);
    }

    // Count axes tick on whole numbers above the largest value (labels used to truncate 1.11 to "1", so
    // bars looked lower than their values), and a period with one active day still draws its pass rate.
    void dashboardChartAxes()
    {
        Api::Dashboard d;
        const QDate today(2026, 11, 25);
        for (int i = 6; i >= 0; --i)
            d.perDay.append(Api::DayPoint{today.addDays(-i), i == 0 ? 8 : 0, i == 0 ? 4 : 0});
        d.grades = {
            {QStringLiteral("excellent"), 3}, {QStringLiteral("good"), 1}, {QStringLiteral("poor"), 2}};
        d.violationsByType = {{QStringLiteral("focus_loss"), 29}, {QStringLiteral("print_attempt"), 3}};
        Views::DashboardView view(Views::Services{});
        view.setDashboard(d);

        const auto valueAxis = [&](int chart) {
            const auto axes = view.chart(chart)->axes();
            for (QAbstractAxis *a : axes)
                if (auto *v = qobject_cast<QValueAxis *>(a))
                    return v;
            return static_cast<QValueAxis *>(nullptr);
        };
        for (const auto &[chart, largest] : {std::pair{0, 8}, std::pair{1, 3}, std::pair{2, 29}}) {
            QValueAxis *axis = valueAxis(chart);
            QVERIFY(axis);
            const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
            QCOMPARE(axis->min(), 0.0);
            QCOMPARE(step, std::round(step));
            QVERIFY2(axis->max() > largest,
                     qPrintable(QStringLiteral("chart %1: axis ends at %2").arg(chart).arg(axis->max())));
            QVERIFY(axis->tickCount() <= 9);
        }

        QChart *passRate = view.chart(3);
        const auto series = passRate->series();
        QCOMPARE(series.size(), 1);
        auto *line = qobject_cast<QXYSeries *>(series.first());
        QVERIFY(line);
        QCOMPARE(line->count(), 1);
        QCOMPARE(line->at(0).y(), 50.0);
        QDateTimeAxis *days = nullptr;
        for (QAbstractAxis *a : passRate->axes())
            if (auto *t = qobject_cast<QDateTimeAxis *>(a))
                days = t;
        QVERIFY(days);
        QVERIFY(days->min().toMSecsSinceEpoch() < line->at(0).x());
        QVERIFY(days->max().toMSecsSinceEpoch() > line->at(0).x());
    }

    // Every string lupdate found in the sources (the English .ts) has a Russian translation in the shipped
    // .qm, with the same placeholders. Fails when a new tr() string is added without translating it.
    void russianTranslationIsComplete()
    {
        QFile ts(qEnvironmentVariable("PROCTOR_SOURCE_DIR") +
                 QStringLiteral("/admin-desktop/i18n/proctor-admin_en.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QTranslator ru;
        QVERIFY(ru.load(QStringLiteral(":/i18n/proctor-admin_ru.qm")));
        static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
        const auto placeholders = [](const QString &text) {
            QStringList found;
            for (auto it = placeholder.globalMatch(text); it.hasNext();)
                found << it.next().captured();
            found.sort();
            return found;
        };
        QXmlStreamReader xml(&ts);
        QString context;
        bool numerus = false;
        int checked = 0;
        QStringList missing;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                const QString source = xml.readElementText();
                const QString translated =
                    ru.translate(context.toUtf8(), source.toUtf8(), nullptr, numerus ? 5 : -1);
                ++checked;
                if (translated.isEmpty() || placeholders(translated) != placeholders(source))
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(checked > 400);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 untranslated or with other placeholders:\n")
                                .arg(missing.size())
                                .arg(checked) +
                            missing.join(QLatin1Char('\n'))));
    }

    // Sizes read in the interface language: in Russian no English "KiB" and bytes declined as Russian does.
    void dataSizeInTheInterfaceLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ru emblem limit") << "ru" << qint64(256 * 1024) << QStringLiteral("256 КБ");
        QTest::newRow("ru 1.5 KB") << "ru" << qint64(1536) << QStringLiteral("1,5 КБ");
        QTest::newRow("ru 89 KB") << "ru" << qint64(91234) << QStringLiteral("89 КБ");
        QTest::newRow("ru 3 MB") << "ru" << qint64(3 * 1024 * 1024) << QStringLiteral("3 МБ");
        QTest::newRow("ru 1 byte") << "ru" << qint64(1) << QStringLiteral("1 байт");
        QTest::newRow("ru 2 bytes") << "ru" << qint64(2) << QStringLiteral("2 байта");
        QTest::newRow("ru 700 bytes") << "ru" << qint64(700) << QStringLiteral("700 байт");
        QTest::newRow("en emblem limit") << "en" << qint64(256 * 1024) << QStringLiteral("256 KB");
        QTest::newRow("en 1.5 MB") << "en" << qint64(3 * 512 * 1024) << QStringLiteral("1.5 MB");
        QTest::newRow("en 700 bytes") << "en" << qint64(700) << QStringLiteral("700 bytes");
    }
    void dataSizeInTheInterfaceLanguage()
    {
        QFETCH(QString, language);
        QFETCH(qint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(Appearance::applyLanguage(language), language);
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        QCOMPARE(DataSize::text(bytes), expected);
    }

    // The emblem dialog in Russian: the limit in its text and its refusal, and a chosen file's size, all in
    // Russian units (it said "256 KiB" and "89,10 KiB").
    void emblemDialogSaysSizesInRussian()
    {
        QCOMPARE(Appearance::applyLanguage(QStringLiteral("ru")), QStringLiteral("ru"));
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        QTemporaryDir dir;
        QImage image(300, 300, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb((x * 7 + y * 13) % 256, (x * y) % 256, (x ^ y) % 256));
        const QString path = dir.filePath(QStringLiteral("emblem.png"));
        QVERIFY(image.save(path));
        QVERIFY(QFileInfo(path).size() > 10 * 1024); // shown in КБ

        Views::EmblemDialog dialog(nullptr);
        QVERIFY(dialog.chooseFile(path));
        QStringList texts;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            texts << label->text();
        Api::ApiError tooLarge;
        tooLarge.httpStatus = 413;
        texts << Views::EmblemDialog::uploadErrorText(tooLarge);
        const QString all = texts.join(QLatin1Char('\n'));
        for (const char *english : {"KiB", "КиБ", "kB", "bytes", "байты"})
            QVERIFY2(!all.contains(QString::fromUtf8(english)), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("не больше 256 КБ и 1024×1024")), qPrintable(all));
        QVERIFY2(Views::EmblemDialog::uploadErrorText(tooLarge).contains(QStringLiteral("не больше 256 КБ.")),
                 qPrintable(all));
        // The chosen file's caption: "emblem.png: 300×300, 89 КБ, ..." (or "1,5 КБ").
        QVERIFY2(all.contains(QRegularExpression(QStringLiteral("300×300, \\d+(,\\d)? КБ"))),
                 qPrintable(all));
    }

    // test_finished says why the attempt ended; the timeline spells it out.
    void timelineSaysWhyTheAttemptEnded()
    {
        Api::EventItem finished;
        finished.eventId = QStringLiteral("e1");
        finished.type = QStringLiteral("test_finished");
        finished.details = QJsonObject{{"answered", 2}, {"total", 5}, {"reason", "time_up"}};
        Models::TimelineModel model;
        model.setEvents({finished});
        const QString details = model.index(0, Models::TimelineModel::Details).data().toString();
        QVERIFY2(details.contains(QStringLiteral("the time ran out")), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("answered: 2")));
    }

    // The desktop's own risk (offline) scores the overtime the server measured, like the server does.
    void localRiskCountsOvertime()
    {
        const Api::RiskReport inTime = Models::localRisk({}, 20);
        QVERIFY(inTime.factors.isEmpty());
        const Api::RiskReport late = Models::localRisk({}, 95);
        QCOMPARE(late.factors.size(), 1);
        QCOMPARE(late.factors.first().reason, QStringLiteral("risk.overtime"));
        QCOMPARE(late.factors.first().observed, 95.0);
        QCOMPARE(late.level, QStringLiteral("medium"));
        QCOMPARE(Api::riskReasonText(QStringLiteral("risk.overtime")),
                 QStringLiteral("Result stored after the time limit"));
    }

    // Every stable error code the collector can send (shared/core/error.h) has its own translated sentence,
    // so no message box shows the server's English text; the field the server names is shown in words.
    void everyServerErrorCodeHasATranslatedMessage()
    {
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        QStringList codes{QStringLiteral("session_finished")};
        for (int c = 0; c <= int(Proctor::ErrorCode::Internal); ++c)
            codes << QString::fromLatin1(Proctor::errorCodeName(static_cast<Proctor::ErrorCode>(c)));
        QHash<QString, QString> english;
        Appearance::applyLanguage(QStringLiteral("en"));
        for (const QString &code : codes) {
            english.insert(code, Api::ApiError::codeMessage(code));
            QVERIFY2(!english.value(code).isEmpty(), qPrintable(code));
        }
        Appearance::applyLanguage(QStringLiteral("ru"));
        static const QRegularExpression cyrillic(QStringLiteral("[А-Яа-яЁё]"));
        for (const QString &code : codes) {
            const QString ru = Api::ApiError::codeMessage(code);
            QVERIFY2(ru.contains(cyrillic) && ru != english.value(code), qPrintable(code + ": " + ru));
        }
        Api::ApiError e;
        e.kind = Api::ApiError::Kind::BadRequest;
        e.httpStatus = 400;
        e.code = QStringLiteral("validation_failed");
        e.message = QStringLiteral("password must be 10..1024 characters");
        e.field = QStringLiteral("/password");
        QVERIFY2(e.userMessage().contains(QStringLiteral("Пароль")), qPrintable(e.userMessage()));
        QVERIFY(!e.userMessage().contains(e.message));
        Appearance::applyLanguage(QStringLiteral("en"));
        QVERIFY2(e.userMessage().contains(QStringLiteral("Field: Password")), qPrintable(e.userMessage()));
        e.field = QStringLiteral("/weights/unknownThing");
        QVERIFY(e.userMessage().contains(QStringLiteral("/weights/unknownThing")));
    }

    // Risk numbers are written for people: a chance as "1 in 12 000" in the user's locale, times with
    // units, similarity out of 100; never E-notation, whatever the magnitude.
    void riskValuesAreReadable_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en away 246 s") << "en"
                                       << "risk.blur_time" << 246200.0 << "4 min 06 s";
        QTest::newRow("ru away 246 s") << "ru"
                                       << "risk.blur_time" << 246200.0 << "4 мин 06 с";
        QTest::newRow("en away 1.5 s") << "en"
                                       << "risk.blur_time" << 1500.0 << "1.5 s";
        QTest::newRow("ru away 1.5 s") << "ru"
                                       << "risk.blur_time" << 1500.0 << "1,5 с";
        QTest::newRow("en away 17 days") << "en"
                                         << "risk.blur_time" << 1.52961e+09 << "424 h 54 min";
        QTest::newRow("en overtime 95 s") << "en"
                                          << "risk.overtime" << 95.0 << "1 min 35 s";
        QTest::newRow("en fast attempt 450 ms") << "en"
                                                << "risk.fast_attempt" << 450.0 << "450 ms";
        QTest::newRow("en similarity") << "en"
                                       << "risk.mouse_similarity" << 93.24 << "93.2 of 100";
        QTest::newRow("ru typist") << "ru"
                                   << "risk.same_typist" << 93.24 << "93,2 из 100";
        QTest::newRow("en count") << "en"
                                  << "risk.focus_losses" << 12.0 << "12";
        QTest::newRow("en big count") << "en"
                                      << "risk.attempt_burst" << 246200.0 << "246,200";
    }
    void riskValuesAreReadable()
    {
        QFETCH(QString, language);
        QFETCH(QString, reason);
        QFETCH(double, value);
        QFETCH(QString, expected);
        Appearance::applyLanguage(language);
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        QString shown = Models::RiskFactorsModel::formatValue(reason, value);
        shown.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QChar(0x202F), QLatin1Char(' '));
        QCOMPARE(shown, expected);
    }

    void chanceIsOneInN_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<double>("p");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en 1/12345") << "en" << 1.0 / 12345 << "1 in 12,000";
        QTest::newRow("ru 1/12345") << "ru" << 1.0 / 12345 << "1 из 12 000";
        QTest::newRow("en 1/60000") << "en" << 1.0 / 60000 << "1 in 60,000";
        QTest::newRow("ru tiny") << "ru" << 4.2e-9 << "1 из 240 000 000";
        QTest::newRow("en 1/7") << "en" << 1.0 / 7 << "1 in 7";
        QTest::newRow("en zero") << "en" << 0.0 << "practically never";
    }
    void chanceIsOneInN()
    {
        QFETCH(QString, language);
        QFETCH(double, p);
        QFETCH(QString, expected);
        Appearance::applyLanguage(language);
        const auto restore = qScopeGuard([] { Appearance::applyLanguage(QStringLiteral("en")); });
        QString shown = Models::RiskFactorsModel::formatChance(p);
        shown.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QChar(0x202F), QLatin1Char(' '));
        QCOMPARE(shown, expected);
    }

    // The risk table of a cross-session factor: translated label, units, the chance in words, the closest
    // session by name once known; no raw key and no E-notation in any cell.
    void riskFactorRowIsReadable()
    {
        Api::RiskReport report;
        report.level = QStringLiteral("high");
        Api::RiskFactor f;
        f.reason = QStringLiteral("risk.same_typist");
        f.points = 25;
        f.observed = 96.4;
        f.threshold = 71.25;
        f.matchedSessionId = QStringLiteral("7d3c0000-0000-4000-8000-000000000001");
        f.relatedSessionIds = {f.matchedSessionId};
        f.chancePerComparison = 1.0 / 246200;
        f.comparisons = 30;
        Api::RiskFactor away;
        away.reason = QStringLiteral("risk.blur_time");
        away.points = 25;
        away.observed = 246200;
        away.threshold = 60000;
        report.factors = {f, away};
        Models::RiskFactorsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        model.setSessionLabel(f.matchedSessionId, QStringLiteral("Петрова Анна, 25.11.2026 10:00"));
        static const QRegularExpression eNotation(QStringLiteral("\\d[eE][+-]?\\d"));
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c) {
                const QString text = model.index(r, c).data().toString();
                QVERIFY2(!eNotation.match(text).hasMatch() && !text.contains(QStringLiteral("risk.")),
                         qPrintable(text));
            }
        const QString evidence = model.index(0, Models::RiskFactorsModel::Evidence).data().toString();
        QVERIFY2(evidence.contains(QStringLiteral("Петрова Анна, 25.11.2026")) &&
                     evidence.contains(QStringLiteral("1 in 250,000")) &&
                     evidence.contains(QStringLiteral("30 comparison")),
                 qPrintable(evidence));
        QCOMPARE(model.index(1, Models::RiskFactorsModel::Observed).data().toString(),
                 QStringLiteral("4 min 06 s"));
        QCOMPARE(model.index(1, Models::RiskFactorsModel::Threshold).data().toString(),
                 QStringLiteral("1 min 00 s"));
        QCOMPARE(model.relatedSessionIds(), QStringList{f.matchedSessionId});
        for (const QString key :
             {"risk.fast_high_score", "risk.answer_speed", "risk.fast_attempt", "risk.attempt_burst"})
            QVERIFY2(Api::riskReasonText(key) != key, qPrintable(key));
    }

    void precisionModel()
    {
        Models::PrecisionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnswer(QJsonDocument::fromJson(R"({"days": 30, "factors": [
            {"reason": "risk.print_attempts", "flagged": 4, "decided": 3, "confirmed": 2, "precision": 0.6667},
            {"reason": "risk.same_typist", "flagged": 1, "decided": 0, "confirmed": 0, "precision": null}]})")
                            .object());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.days(), 30);
        QCOMPARE(model.index(0, Models::PrecisionModel::Factor).data().toString(),
                 QStringLiteral("Print or screenshot attempts"));
        QCOMPARE(model.index(0, Models::PrecisionModel::Precision).data().toString(), QStringLiteral("67 %"));
        QCOMPARE(model.index(1, Models::PrecisionModel::Precision).data().toString(),
                 QStringLiteral("nothing decided"));
        QVERIFY(!model.index(1, 0).data(Models::PrecisionModel::PrecisionRole).isValid());
    }

    void timelineGeometry()
    {
        Widgets::TimelineLayout l;
        l.spanMs = 600'000; // 10 min
        l.pixelsPerSecond =
            Widgets::TimelineLayout::fitPixelsPerSecond(l.spanMs, 1000, l.leftMargin, l.rightMargin);
        QCOMPARE(l.xForOffset(0), double(l.leftMargin));
        QCOMPARE(l.xForOffset(l.spanMs), double(1000 - l.rightMargin));
        QCOMPARE(l.contentWidth(), 1000);
        QCOMPARE(l.offsetForX(l.xForOffset(123'456)), qint64(123'456));
        const double ticks = l.tickStepSeconds(80);
        QVERIFY(ticks * l.pixelsPerSecond >= 80);
        // Zoom doubles the scale: the same offset moves twice as far from the margin.
        Widgets::TimelineLayout z = l;
        z.pixelsPerSecond *= 2;
        QCOMPARE(z.xForOffset(60'000) - z.leftMargin, 2 * (l.xForOffset(60'000) - l.leftMargin));

        // The widget: first event at the left margin, last at the right edge when fitted.
        Models::TimelineModel model;
        QList<Api::EventItem> events;
        for (const QJsonValue &v : FakeData::events(QStringLiteral("x-0001")))
            events.append(Api::EventItem::fromJson(v.toObject()));
        model.setEvents(events);
        Widgets::TimelineWidget w;
        w.resize(1000, 320);
        w.setModel(&model);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Widgets::TimelineLayout wl = w.layout();
        QCOMPARE(w.iconCenter(0).x(), double(wl.leftMargin));
        QCOMPARE(qRound(w.iconCenter(model.rowCount() - 1).x()), w.viewport()->width() - wl.rightMargin);
        QCOMPARE(w.rowAt(w.iconCenter(3).toPoint()), 3);
        w.setZoom(4.0);
        QCOMPARE(w.layout().pixelsPerSecond, wl.pixelsPerSecond * 4);
        w.selectRow(model.rowCount() - 1);
        QVERIFY(w.iconCenter(model.rowCount() - 1).x() <= w.viewport()->width()); // scrolled into view
        QTest::keyClick(&w, Qt::Key_Home);
        QCOMPARE(w.selectedRow(), 0);
        QTest::keyClick(&w, Qt::Key_0);
        QCOMPARE(w.zoom(), 1.0);
    }

    void overlayGeometry()
    {
        Models::OverlayTrajectory a;
        a.points = {QPointF(-1, -0.5), QPointF(0, 0), QPointF(1, 0.5)};
        Models::OverlayTrajectory b;
        b.points = {QPointF(-1, 0.5), QPointF(1, -0.5)};
        const QRectF target(0, 0, 400, 300);
        const Widgets::OverlayGeometry g({a, b}, target, 10);
        // Bounds 2 x 1 into 380 x 280: the width limits, one scale for both axes.
        QCOMPARE(g.scale(), 190.0);
        QCOMPARE(g.map(QPointF(0, 0)), QPointF(200, 150));
        QCOMPARE(g.map(QPointF(-1, -0.5)), QPointF(10, 55));
        QCOMPARE(g.map(QPointF(1, 0.5)), QPointF(390, 245));

        // The warping path lines join the start points and the end points of both trajectories.
        QList<Models::ComparedSession> sessions;
        for (int v = 0; v < 2; ++v)
            sessions.append({Api::SessionDetail::fromJson(FakeData::sessionDetail(FakeData::sessionId(v), v)),
                             Api::Telemetry::fromJson(FakeData::telemetry(v))});
        Models::CompareAnalysis analysis;
        analysis.setSessions(sessions);
        const Models::OverlayData data =
            analysis.overlay(QStringLiteral("q2"), Models::CompareAnalysis::Mode::Approximate);
        QCOMPARE(data.trajectories.size(), 2);
        QCOMPARE(data.alignments.size(), 1);
        Widgets::TrajectoryOverlayWidget w;
        w.resize(640, 480);
        w.setData(data);
        const QList<QLineF> lines = w.pathLines(0);
        QVERIFY(!lines.isEmpty() && lines.size() <= 241);
        const Widgets::OverlayGeometry wg = w.geometryFor(w.plotRect());
        QCOMPARE(lines.first().p1(), wg.map(data.trajectories[0].points.front()));
        QCOMPARE(lines.first().p2(), wg.map(data.trajectories[1].points.front()));
        QCOMPARE(lines.last().p1(), wg.map(data.trajectories[0].points.back()));
        QCOMPARE(lines.last().p2(), wg.map(data.trajectories[1].points.back()));
        for (const QLineF &line : lines) {
            QVERIFY(w.plotRect().contains(line.p1()));
            QVERIFY(w.plotRect().contains(line.p2()));
        }
        QVERIFY(data.alignments.first().similarity > 0);
        QVERIFY(!w.render(QSize(320, 200)).isNull());
    }

    void csvExport()
    {
        Models::AnswersModel model;
        Api::Answer a;
        a.questionId = QStringLiteral("q1");
        a.text = QStringLiteral("Quote \"this\", please");
        a.options = {{QStringLiteral("a"), QStringLiteral("Да")}};
        a.chosen = {QStringLiteral("a")};
        a.correct = {QStringLiteral("a")};
        a.isCorrect = true;
        a.latencyMs = 1500;
        Api::Answer b = a;
        b.text = QStringLiteral("=HYPERLINK(\"x\")");
        b.isCorrect = false;
        model.setAnswers({a, b});
        QLocale::setDefault(QLocale::c());
        const QByteArray csv = Export::toCsv(model);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QStringList lines =
            QString::fromUtf8(csv.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("#,Question,Chosen,Correct answer,Result,Time,Changes"));
        QCOMPARE(lines[1], QStringLiteral("1,\"Quote \"\"this\"\", please\",a) Да,a) Да,correct,1.5 s,0"));
        QVERIFY2(lines[2].startsWith(QStringLiteral("2,\"'=HYPERLINK(")),
                 qPrintable(lines[2])); // no formula injection
        QTemporaryDir dir;
        QVERIFY(Export::writeCsv(model, dir.filePath(QStringLiteral("a.csv"))));
        QFile f(dir.filePath(QStringLiteral("a.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), csv);
    }

    void cacheCapAndClear()
    {
        QTemporaryDir dir;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("c.sqlite")), 1024 * 1024);
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        // Candidates' answers and events: the file is readable and writable by its user only.
        const QFileDevice::Permissions mode = QFile::permissions(dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(mode.testFlag(QFileDevice::ReadOwner) && mode.testFlag(QFileDevice::WriteOwner));
        QCOMPARE(int(mode & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                             QFileDevice::WriteOther)),
                 0);
        Cache::SessionCache::Entry e;
        e.detail = FakeData::sessionDetail(FakeData::sessionId(1), 1);
        e.events = FakeData::events(FakeData::sessionId(1));
        e.telemetry = FakeData::telemetry(1);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(cache.put(QStringLiteral("srv"), FakeData::sessionId(i), e));
            QTest::qWait(3);
        }
        QCOMPARE(cache.count(), 5);
        const qint64 one = cache.sizeBytes() / 5;
        QVERIFY(
            cache.get(QStringLiteral("srv"), FakeData::sessionId(0)).has_value()); // opened: most recent now
        cache.setMaxBytes(one * 2 + 10);
        QCOMPARE(cache.count(), 2);
        QVERIFY(cache.contains(QStringLiteral("srv"), FakeData::sessionId(0)));
        QVERIFY(cache.contains(QStringLiteral("srv"), FakeData::sessionId(4)));
        const auto back = cache.get(QStringLiteral("srv"), FakeData::sessionId(4));
        QCOMPARE(back->events, e.events);
        cache.clear();
        QCOMPARE(cache.count(), 0);
    }

    void cacheForgetsADeletedCandidate()
    {
        QTemporaryDir dir;
        Cache::SessionCache cache(dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        const auto put = [&cache](const QString &server, int variant) {
            Cache::SessionCache::Entry e;
            e.detail = FakeData::sessionDetail(FakeData::sessionId(variant),
                                               variant); // candidate 1000 + variant % 40
            return cache.put(server, FakeData::sessionId(variant), e);
        };
        for (int v : {1, 41, 2, 3})
            QVERIFY(put(QStringLiteral("srv"), v));
        QVERIFY(put(QStringLiteral("other"), 1));
        // Candidate 1001 owns sessions 1 and 41 (found by the cached detail); session 3 is listed by id.
        QCOMPARE(cache.removeCandidate(QStringLiteral("srv"), QStringLiteral("1001"),
                                       {FakeData::sessionId(3).toUpper()}),
                 3);
        QCOMPARE(cache.sessionIds(QStringLiteral("srv")), QStringList{FakeData::sessionId(2)});
        QVERIFY(cache.contains(QStringLiteral("other"), FakeData::sessionId(1))); // another server's copy
        QCOMPARE(cache.removeCandidate(QStringLiteral("srv"), QStringLiteral("1009"), {}), 0);
    }
};

QTEST_MAIN(TestAdminUnits)
#include "tst_adminunits.moc"
