// SPDX-License-Identifier: MIT
// Review endpoints through the real binary: results with filters and keyset pagination (stable under
// inserts), session detail, timeline, telemetry, abandoned sessions, certificate registry, dashboard,
// search, and the Redis cache of first pages and statistics with its invalidation on new results. The
// review reads go through PROCTOR_REVIEW_DATABASE_URL (here the same database, as a replica would be).
#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QUuid>
#include <QtTest>

#include "hotpathfixture.h"
#include "redisserver.h"

using namespace Proctor::Testing;

namespace {

const QByteArray kPassword = "review password";

QString today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QStringList ids(const QJsonArray &items, const char *field = "sessionId")
{
    QStringList out;
    for (const QJsonValue &v : items)
        out.append(v.toObject().value(QLatin1String(field)).toString());
    return out;
}

} // namespace

class TestAdminReview : public QObject
{
    Q_OBJECT

private:
    // A private Redis: the cache tests must not see invalidations caused by other test processes.
    RedisServer m_redis;
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;
    int m_persistent = 0;

    HttpResult get(const QString &path)
    {
        return f->http().get(f->url(path), HotPathFixture::bearer(m_token), 15000);
    }

    // A started session of a candidate of its own.
    StartedSession start(const QString &lastName, const QString &kind = QStringLiteral("test"))
    {
        const QString persistentId =
            QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_persistent, 12, 10, QLatin1Char('0'));
        return f->startSession(HotPathFixture::sessionStartBody(lastName, persistentId, kind));
    }

    // A finished test session with `correct` right answers and the given event types posted before the
    // result.
    QString finished(const QString &lastName, int correct, const QStringList &eventTypes = {})
    {
        const StartedSession s = start(lastName);
        if (s.id.isEmpty())
            return {};
        if (!eventTypes.isEmpty()) {
            QJsonArray events;
            for (int i = 0; i < eventTypes.size(); ++i) {
                QJsonObject details;
                if (eventTypes[i] == QLatin1String("print_attempt"))
                    details = QJsonObject{{"method", "shortcut"}};
                events.append(HotPathFixture::event(i, eventTypes[i], details));
            }
            if (f->postEvents(s, events).status != 200)
                return {};
        }
        return f->postResult(s, HotPathFixture::answers(s, correct)).status == 201 ? s.id : QString();
    }

    // Writes a session's stored assessment as the assessment maintainer does from the shared/analysis rules
    // (the values below are what those rules give for the events each test posts, so the maintainer, when it
    // runs, stores the same): the review reads show what is stored, never a score recomputed from events.
    void assess(const QString &id, int score, int level, const QString &violationsJson = QStringLiteral("{}"),
                int reviewState = 0)
    {
        f->db().scalar(
            QStringLiteral(
                "WITH u AS (UPDATE sessions SET risk_score = %2, risk_level = %3, violations = '%4'::jsonb, "
                "violation_count = (SELECT COALESCE(sum(value::int), 0) FROM jsonb_each_text('%4'::jsonb)), "
                "review_state = %5, assessed_at = now(), "
                "event_count = (SELECT count(*) FROM events WHERE session_id = '%1'), "
                "last_event_at = (SELECT max(received_at) FROM events WHERE session_id = '%1') "
                "WHERE id = '%1' RETURNING 1) SELECT count(*) FROM u")
                .arg(id)
                .arg(score)
                .arg(level)
                .arg(violationsJson)
                .arg(reviewState));
    }

    // Pages through `path` (which has no cursor) and returns every item.
    QJsonArray allPages(const QString &path, int *pages = nullptr)
    {
        QJsonArray all;
        QString cursor;
        int n = 0;
        do {
            const HttpResult r =
                get(path + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + enc(cursor)));
            if (r.status != 200)
                return {};
            for (const QJsonValue &v : r.json().value("items").toArray())
                all.append(v);
            cursor = r.json().value("nextCursor").toString();
            ++n;
        } while (!cursor.isEmpty() && n < 100);
        if (pages)
            *pages = n;
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_redis.start());
        // The review reads on a connection of their own, told apart by its application_name.
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("adminreview"),
            QMap<QString, QString>{
                {"PROCTOR_REDIS_URL", m_redis.url()},
                {"PROCTOR_REVIEW_DATABASE_URL", "@database@?application_name=proctor-review-reads"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY(f->createAdmin("proctor@example.org", "proctor", kPassword) > 0);
        m_token = f->login("proctor@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
    }

    void resultsRowsAndFilters()
    {
        QList<QString> focus(6, QStringLiteral("focus_loss"));
        const QString a = finished("ФильтрА", 10);
        const QString b = finished("ФильтрБ", 5, {"print_attempt"});
        const QString c = finished("ФильтрВ", 9, QStringList(focus) << "print_attempt");
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        assess(b, 35, 1, R"({"print_attempt": 1})", 3);                  // print (35); second look
        assess(c, 60, 2, R"({"focus_loss": 6, "print_attempt": 1})", 2); // + six focus losses (25)

        HttpResult r = get("/api/v1/results?q=" + enc("Фильтр"));
        QCOMPARE(r.status, 200);
        QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(ids(items), (QStringList{c, b, a}));
        QVERIFY(r.json().value("nextCursor").isNull());

        const QJsonObject rowA = items[2].toObject();
        QCOMPARE(rowA.value("testId").toString(), QStringLiteral("known"));
        QCOMPARE(rowA.value("testTitle").toString(), QStringLiteral("Known answers"));
        QCOMPARE(rowA.value("candidate").toObject().value("lastName").toString(), QStringLiteral("ФильтрА"));
        QCOMPARE(rowA.value("score").toInt(), 100);
        QCOMPARE(rowA.value("passed").toBool(), true);
        QCOMPARE(rowA.value("grade").toObject().value("key").toString(), QStringLiteral("excellent"));
        QVERIFY(!rowA.value("certificateNumber").toString().isEmpty());
        QCOMPARE(rowA.value("fingerprintHash").toString(), QString(64, QLatin1Char('a')));
        QVERIFY(rowA.value("durationSeconds").toInt() >= 0);
        QCOMPARE(rowA.value("risk").toObject().value("level").toString(), QStringLiteral("low"));
        QCOMPARE(rowA.value("violations").toObject(), QJsonObject());
        QCOMPARE(rowA.value("violationCount").toInt(), 0);
        QCOMPARE(rowA.value("review").toObject(), (QJsonObject{{"state", "unreviewed"}}));

        const QJsonObject rowB = items[1].toObject();
        QVERIFY(rowB.value("certificateNumber").isNull());
        QCOMPARE(rowB.value("risk").toObject().value("level").toString(), QStringLiteral("medium"));
        QCOMPARE(rowB.value("risk").toObject().value("score").toInt(), 35);
        const QJsonObject rowC = items[0].toObject();
        QCOMPARE(rowC.value("risk").toObject().value("level").toString(), QStringLiteral("high"));
        QCOMPARE(rowC.value("violations").toObject(), (QJsonObject{{"focus_loss", 6}, {"print_attempt", 1}}));
        QCOMPARE(rowC.value("violationCount").toInt(), 7);
        QCOMPARE(rowC.value("review").toObject(), (QJsonObject{{"state", "violation"}}));
        QCOMPARE(rowB.value("review").toObject().value("state").toString(), QStringLiteral("second_look"));

        struct Case
        {
            QString query;
            QStringList expected;
        };
        const QString q = "q=" + enc("Фильтр");
        const Case cases[] = {
            {q + "&passed=true", {c, a}},
            {q + "&passed=false", {b}},
            {q + "&risk=high", {c}},
            {q + "&risk=medium", {b}},
            {q + "&risk=low", {a}},
            {q + "&risk=medium,high", {c, b}},
            {q + "&risk=high,low", {c, a}},
            {q + "&review=violation", {c}},
            {q + "&review=unreviewed,second_look", {b, a}},
            {q + "&sort=score", {a, c, b}},
            {q + "&sort=score&order=asc", {b, c, a}},
            {q + "&sort=risk", {c, b, a}},
            {q + "&sort=risk&order=asc", {a, b, c}},
            {q + "&sort=candidate", {a, b, c}},
            {q + "&sort=candidate&order=desc", {c, b, a}},
            {q + "&sort=finished&order=asc", {a, b, c}},
            {q + "&test=known,other", {c, b, a}},
            {q + "&test=known", {c, b, a}},
            {q + "&test=other", {}},
            {q + "&from=" + today() + "&to=" + today(), {c, b, a}},
            {q + "&to=" + QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate), {}},
            {q + "&from=" + QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate), {}},
            {q + "&fingerprint=" + QString(64, QLatin1Char('a')), {c, b, a}},
            {q + "&fingerprint=" + QString(64, QLatin1Char('b')), {}},
            {"q=" + enc(rowA.value("certificateNumber").toString()), {a}},
            {"q=" + b.left(13), {b}},
            {"q=" + enc("Иван ФильтрБ"), {b}},
        };
        for (const Case &cs : cases) {
            r = get("/api/v1/results?" + cs.query);
            QVERIFY2(r.status == 200, qPrintable(cs.query + ": " + QString::fromUtf8(r.body)));
            QVERIFY2(ids(r.json().value("items").toArray()) == cs.expected, qPrintable(cs.query));
        }
    }

    void badResultParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("passed") << "passed=maybe"
                                << "passed";
        QTest::newRow("risk") << "risk=extreme"
                              << "risk";
        QTest::newRow("from") << "from=2026-13-01"
                              << "from";
        QTest::newRow("to") << "to=yesterday"
                            << "to";
        QTest::newRow("sort") << "sort=name"
                              << "sort";
        QTest::newRow("order") << "order=up"
                               << "order";
        QTest::newRow("risk list") << "risk=medium,extreme"
                                   << "risk";
        QTest::newRow("review") << "review=approved"
                                << "review";
        QTest::newRow("test list") << "test=known,bad%20id"
                                   << "test";
        QTest::newRow("limit 0") << "limit=0"
                                 << "limit";
        QTest::newRow("limit 501") << "limit=501"
                                   << "limit";
        QTest::newRow("cursor") << "cursor=garbage!"
                                << "cursor";
        QTest::newRow("fingerprint") << "fingerprint=xyz"
                                     << "fingerprint";
        QTest::newRow("test") << "test=bad%20id"
                              << "test";
    }
    void badResultParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResult r = get("/api/v1/results?" + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_parameter"));
        QCOMPARE(r.errorField(), field);
    }

    void paginationIsStableUnderInserts()
    {
        QStringList created; // oldest first
        for (int i = 1; i <= 7; ++i) {
            created.prepend(finished(QStringLiteral("Страница%1").arg(i), 3 + i % 5));
            QVERIFY(!created.first().isEmpty());
        }
        const QString path = "/api/v1/results?limit=3&q=" + enc("Страница");
        HttpResult r = get(path);
        QCOMPARE(r.status, 200);
        QStringList seen = ids(r.json().value("items").toArray());
        QCOMPARE(seen, created.mid(0, 3));
        QString cursor = r.json().value("nextCursor").toString();
        QVERIFY(!cursor.isEmpty());

        // New results arrive between the pages: they are newer than the cursor, so later pages neither
        // repeat nor skip anything.
        QVERIFY(!finished("Страница8", 7).isEmpty());
        QVERIFY(!finished("Страница9", 7).isEmpty());
        r = get(path + "&cursor=" + enc(cursor));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r.json().value("items").toArray()), created.mid(3, 3));
        seen += ids(r.json().value("items").toArray());
        cursor = r.json().value("nextCursor").toString();
        r = get(path + "&cursor=" + enc(cursor));
        QCOMPARE(ids(r.json().value("items").toArray()), created.mid(6, 1));
        seen += ids(r.json().value("items").toArray());
        QVERIFY(r.json().value("nextCursor").isNull());
        QCOMPARE(seen, created);

        // The score order pages the same way, ties broken by id.
        int pages = 0;
        const QJsonArray byScore =
            allPages("/api/v1/results?sort=score&limit=2&q=" + enc("Страница"), &pages);
        QCOMPARE(byScore.size(), 9);
        QCOMPARE(pages, 5);
        QSet<QString> unique;
        for (qsizetype i = 0; i < byScore.size(); ++i) {
            unique.insert(byScore[i].toObject().value("sessionId").toString());
            if (i > 0)
                QVERIFY(byScore[i - 1].toObject().value("score").toInt() >=
                        byScore[i].toObject().value("score").toInt());
        }
        QCOMPARE(unique.size(), 9);

        // A cursor only fits the list and order it came from.
        r = get("/api/v1/results?sort=score&q=" + enc("Страница") + "&cursor=" + enc(cursor));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("cursor"));
    }

    // The CSV export streams the whole filtered set (more rows than one page of the stream and than the
    // list's largest page), sorted as asked, with raw values, and neutralises every cell a spreadsheet would
    // run.
    void exportCsvStreamsTheWholeFilteredSet()
    {
        // 1,234 finished sessions written directly (through the API this would take minutes); one candidate
        // has a hostile name.
        f->db().scalar(
            "WITH c AS (INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, "
            "middle_name, "
            "position) VALUES ('export-hostile', 'p', '-1+2', '=HYPERLINK(\"http://x\";\"y\")', '+1+1', "
            "'@SUM(A1)') RETURNING id) SELECT id FROM c");
        f->db().scalar(
            "INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, position) "
            "VALUES ('export-plain', 'p', 'Экспортов', 'Пётр', E'\\tтабуляция')");
        f->db().scalar(
            "WITH s AS (INSERT INTO sessions (id, test_id, kind, candidate_id, status, fingerprint_hash, "
            "persistent_id, started_at, finished_at, score, passed, risk_score, risk_level, violations, "
            "violation_count, review_state) "
            "SELECT gen_random_uuid(), 'known', 'test', (SELECT id FROM candidates WHERE identity_key = "
            "CASE WHEN g % 2 = 0 THEN 'export-hostile' ELSE 'export-plain' END), 'completed', "
            "repeat('e', 64), 'p', now() - interval '1 hour' - g * interval '1 second', "
            "now() - interval '30 minutes' - g * interval '1 second', g % 101, g % 101 >= 80, g % 97, "
            "CASE WHEN g % 97 >= 60 THEN 2 WHEN g % 97 >= 25 THEN 1 ELSE 0 END, "
            "CASE WHEN g % 200 = 0 THEN '{\"copy_attempt\": 1}'::jsonb ELSE '{}'::jsonb END, "
            "CASE WHEN g % 200 = 0 THEN 1 ELSE 0 END, g % 4 FROM generate_series(1, 1234) g RETURNING 1) "
            "SELECT count(*) FROM s");
        const QString filter = "fingerprint=" + QString(64, QLatin1Char('e'));

        HttpResult r = get("/api/v1/results/export.csv?" + filter + "&sort=risk");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/csv"));
        QVERIFY(r.header("Content-Disposition").contains("attachment"));
        QVERIFY(!r.body.startsWith("\xEF\xBB\xBF"));
        QList<QByteArray> lines = r.body.split('\n');
        QCOMPARE(lines.takeLast(), QByteArray()); // every line ends in CRLF
        QCOMPARE(lines.size(), 1 + 1234);
        const QList<QByteArray> header = lines.first().chopped(1).split(',');
        QCOMPARE(header.first(), QByteArray("sessionId"));
        const int riskColumn = int(header.indexOf("riskScore"));
        const int stateColumn = int(header.indexOf("reviewState"));
        const int copyColumn = int(header.indexOf("violations.copy_attempt"));
        QVERIFY(riskColumn > 0 && stateColumn > 0 && copyColumn > 0 && header.contains("certificateNumber"));
        QSet<QByteArray> sessions;
        int previousRisk = 1000;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QVERIFY2(lines[i].endsWith('\r'), lines[i].constData());
            const QList<QByteArray> cells = lines[i].chopped(1).split(',');
            QCOMPARE(cells.size(), header.size());
            sessions.insert(cells[0]);
            const int risk = cells[riskColumn].toInt();
            QVERIFY(risk <= previousRisk); // sorted by risk, highest first
            previousRisk = risk;
            QVERIFY(QByteArrayList({"unreviewed", "cleared", "violation", "second_look"})
                        .contains(cells[stateColumn]));
        }
        QCOMPARE(sessions.size(), 1234); // the whole set, each row once

        // The same filter and sort as the list: its first page is the export's first rows.
        const QJsonArray page =
            get("/api/v1/results?limit=5&sort=risk&" + filter).json().value("items").toArray();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(lines[1 + i].left(36), page[i].toObject().value("sessionId").toString().toLatin1());

        // Formula neutralising: cells beginning with = + - @ or a tab get a leading apostrophe.
        QVERIFY2(r.body.contains(",'-1+2,\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",'+1+1,'@SUM(A1),"),
                 r.body.left(2000).constData());
        QVERIFY(r.body.contains(",Экспортов,Пётр,,'\tтабуляция,"));

        // Semicolons and a BOM for Russian Excel, by sep or by locale; the filters still apply.
        for (const QString &format : {QStringLiteral("sep=semicolon"), QStringLiteral("locale=ru")}) {
            r = get("/api/v1/results/export.csv?" + filter + "&risk=high&" + format);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.startsWith("\xEF\xBB\xBFsessionId;lastName;"));
            QVERIFY(r.body.contains(";'-1+2;\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";'+1+1;'@SUM(A1);"));
            const int expected = f->db()
                                     .scalar("SELECT count(*) FROM sessions WHERE fingerprint_hash = "
                                             "repeat('e', 64) AND risk_level = 2")
                                     .toInt();
            QCOMPARE(int(r.body.count('\n')), 1 + expected);
        }
        // An empty set is the header alone.
        r = get("/api/v1/results/export.csv?fingerprint=" + QString(64, QLatin1Char('f')));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count('\n'), 1);

        QCOMPARE(get("/api/v1/results/export.csv?sep=tab").errorField(), QStringLiteral("sep"));
        QCOMPARE(get("/api/v1/results/export.csv?sort=risk&order=sideways").errorField(),
                 QStringLiteral("order"));
        QCOMPARE(get("/api/v1/results/export.csv?risk=severe").errorField(), QStringLiteral("risk"));
        QCOMPARE(f->http().get(f->url("/api/v1/results/export.csv")).status, 401);
    }

    void firstPagesAndDashboardAreCachedUntilANewResult()
    {
        const QString path = "/api/v1/results?limit=5&q=" + enc("Кэшев");
        HttpResult first = get(path);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.header("X-Cache"), QByteArray("miss"));
        HttpResult second = get(path);
        QCOMPARE(second.header("X-Cache"), QByteArray("hit"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.json().value("items").toArray().size(), 0);
        const HttpResult dash1 = get("/api/v1/dashboard?days=3");
        QCOMPARE(dash1.status, 200);
        const HttpResult dash2 = get("/api/v1/dashboard?days=3");
        QCOMPARE(dash2.header("X-Cache"), QByteArray("hit"));
        const int completed = dash1.json().value("completed").toObject().value("value").toInt();

        const QString id = finished("Кэшев", 8);
        QVERIFY(!id.isEmpty());
        // The result_saved announcement invalidates: within a second both are fresh.
        QElapsedTimer t;
        t.start();
        HttpResult r;
        do {
            r = get(path);
            if (r.json().value("items").toArray().size() == 1)
                break;
            QTest::qWait(20);
        } while (t.elapsed() < 3000);
        QCOMPARE(ids(r.json().value("items").toArray()), QStringList{id});
        QCOMPARE(r.header("X-Cache"), QByteArray("miss"));
        r = get("/api/v1/dashboard?days=3");
        QCOMPARE(r.json().value("completed").toObject().value("value").toInt(), completed + 1);
        // Later pages are never cached.
        QCOMPARE(get(path.left(path.indexOf('?')) + "?limit=1&cursor=" +
                     enc(get("/api/v1/results?limit=1").json().value("nextCursor").toString()))
                     .header("X-Cache"),
                 QByteArray());
    }

    void sessionDetailTimelineAndTelemetry()
    {
        const StartedSession s = start("Детальный");
        QVERIFY(!s.id.isEmpty());
        const QString q1 = s.questions[0].toObject().value("id").toString();
        QJsonArray before{HotPathFixture::event(0, "test_started", {{"questionCount", 10}}),
                          HotPathFixture::event(1, "question_shown", {{"questionId", q1}, {"index", 0}}),
                          HotPathFixture::event(2, "focus_loss"),
                          HotPathFixture::event(3, "focus_gain", {{"durationMs", 1500}}),
                          HotPathFixture::event(4, "test_finished", {{"answered", 10}, {"total", 10}})};
        QCOMPARE(f->postEvents(s, before).status, 200);
        const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 9));
        QCOMPARE(result.status, 201);
        QCOMPARE(f->postEvents(s, {HotPathFixture::event(5, "print_attempt", {{"method", "shortcut"}}),
                                   HotPathFixture::event(6, "focus_loss")})
                     .status,
                 200);
        // print (35) + an event after test_finished that is not a focus event (30)
        assess(s.id, 65, 2, R"({"focus_loss": 2, "print_attempt": 1})");

        HttpResult r = get("/api/v1/sessions/" + s.id);
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.json();
        QCOMPARE(d.value("sessionId").toString(), s.id);
        QCOMPARE(d.value("kind").toString(), QStringLiteral("test"));
        QCOMPARE(d.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(d.value("test").toObject().value("passThreshold").toInt(), 80);
        QCOMPARE(d.value("candidate").toObject().value("lastName").toString(), QStringLiteral("Детальный"));
        QCOMPARE(d.value("candidate").toObject().value("middleName").toString(), QStringLiteral("Иванович"));
        QCOMPARE(d.value("score").toInt(), 90);
        QCOMPARE(d.value("correct").toInt(), 9);
        QCOMPARE(d.value("total").toInt(), 10);
        QCOMPARE(d.value("passed").toBool(), true);
        QCOMPARE(d.value("grade").toObject().value("number").toInt(), 5);
        QCOMPARE(d.value("certificate").toObject().value("number").toString(),
                 result.json().value("certificate").toObject().value("number").toString());
        QCOMPARE(d.value("fingerprint").toObject().value("hash").toString(), QString(64, QLatin1Char('a')));
        QCOMPARE(
            d.value("fingerprint").toObject().value("attributes").toObject().value("platform").toString(),
            QStringLiteral("Linux"));
        QCOMPARE(d.value("clientIp").toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(d.value("durationSeconds").toInt() >= 0);
        QCOMPARE(d.value("eventCount").toInt(), 7);
        // These three were read from the wrong columns (one to the right) before: pin them.
        QCOMPARE(d.value("locale").toString(), QStringLiteral("ru"));
        QVERIFY2(QDateTime::fromString(d.value("lastEventAt").toString(), Qt::ISODateWithMs).isValid(),
                 qPrintable(d.value("lastEventAt").toString()));
        QVERIFY(QUuid::fromString(d.value("candidate").toObject().value("persistentId").toString()) !=
                QUuid());
        QCOMPARE(d.value("timeLimitSeconds").toInt(), 0); // the fixture's test has no limit
        QCOMPARE(d.value("overtimeSeconds").toInt(), 0);
        QCOMPARE(d.value("violations").toObject(), (QJsonObject{{"focus_loss", 2}, {"print_attempt", 1}}));
        QCOMPARE(d.value("risk").toObject().value("score").toInt(), 65);
        QCOMPARE(d.value("risk").toObject().value("level").toString(), QStringLiteral("high"));
        const QJsonArray answers = d.value("answers").toArray();
        QCOMPARE(answers.size(), 10);
        int right = 0;
        for (const QJsonValue &v : answers) {
            const QJsonObject a = v.toObject();
            QCOMPARE(a.value("correct").toArray(), QJsonArray{"a"});
            QCOMPARE(a.value("options").toArray().size(), 3);
            QVERIFY(a.value("text").toString().startsWith("Question "));
            QCOMPARE(a.value("isCorrect").toBool(), a.value("chosen").toArray() == QJsonArray{"a"});
            right += a.value("isCorrect").toBool() ? 1 : 0;
        }
        QCOMPARE(right, 9);
        QCOMPARE(answers[0].toObject().value("questionId").toString(), q1);

        r = get("/api/v1/sessions/" + s.id + "/events");
        QCOMPARE(r.status, 200);
        const QJsonArray events = r.json().value("items").toArray();
        QCOMPARE(events.size(), 7);
        for (int i = 0; i < 7; ++i) {
            const QJsonObject e = events[i].toObject();
            QCOMPARE(e.value("seq").toInt(), i);
            QCOMPARE(e.value("afterFinish").toBool(), i > 4);
            QVERIFY(!e.value("receivedAt").toString().isEmpty());
        }
        QCOMPARE(events[3].toObject().value("details").toObject().value("durationMs").toInt(), 1500);
        QCOMPARE(events[5].toObject().value("violation").toBool(), true);
        int pages = 0;
        const QJsonArray paged = allPages("/api/v1/sessions/" + s.id + "/events?limit=3", &pages);
        QCOMPARE(pages, 3);
        QCOMPARE(paged, events);

        r = get("/api/v1/sessions/" + s.id + "/telemetry");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("submitted").toBool(), true);
        QCOMPARE(r.json().value("mouse").toArray()[0].toObject().value("questionId").toString(),
                 QStringLiteral("q1"));
        QCOMPARE(r.json().value("mouse").toArray()[0].toObject().value("points").toArray().size(), 2);
        QCOMPARE(r.json().value("keystrokes").toObject().value("dwell").toObject().value("KeyA").toArray(),
                 QJsonArray{80});
        QCOMPARE(r.json().value("focusLossCount").toInt(), 1);
        QCOMPARE(r.json().value("blurMs").toInt(), 1200);
        QCOMPARE(r.json().value("viewport").toObject().value("width").toInt(), 1280);

        QCOMPARE(get("/api/v1/sessions/00000000-0000-4000-8000-000000000000").status, 404);
        QCOMPARE(get("/api/v1/sessions/00000000-0000-4000-8000-000000000000/events").status, 404);
        r = get("/api/v1/sessions/not-a-uuid");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("id"));
    }

    void abandonedSessionsByKind()
    {
        const StartedSession t = start("Брошенный");
        QCOMPARE(f->postEvents(t, {HotPathFixture::event(0, "focus_loss")}).status, 200);
        const StartedSession u = start("Учащийся", "study");
        QVERIFY(!t.id.isEmpty() && !u.id.isEmpty());
        const QString done = finished("Закончивший", 8);
        // The counts are the stored assessment's (one focus loss: no points), which may lag a live session.
        assess(t.id, 0, 0, R"({"focus_loss": 1})");

        HttpResult r = get("/api/v1/sessions/abandoned?kind=test");
        QCOMPARE(r.status, 200);
        QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items[0].toObject().value("sessionId").toString(), t.id); // newest first
        QCOMPARE(items[0].toObject().value("eventCount").toInt(), 1);
        QCOMPARE(items[0].toObject().value("violations").toObject(), (QJsonObject{{"focus_loss", 1}}));
        QVERIFY(!items[0].toObject().value("lastEventAt").toString().isEmpty());
        QCOMPARE(items[0].toObject().value("candidate").toObject().value("lastName").toString(),
                 QStringLiteral("Брошенный"));
        QVERIFY(!ids(items).contains(u.id));
        QVERIFY(!ids(items).contains(done));
        r = get("/api/v1/sessions/abandoned?kind=study");
        QCOMPARE(ids(r.json().value("items").toArray()), QStringList{u.id});
        QCOMPARE(r.json().value("items").toArray()[0].toObject().value("kind").toString(),
                 QStringLiteral("study"));
        r = get("/api/v1/sessions/abandoned?kind=test&idleMinutes=60");
        QVERIFY(!ids(r.json().value("items").toArray()).contains(t.id));
        const QJsonArray paged = allPages("/api/v1/sessions/abandoned?kind=test&limit=1");
        QCOMPARE(paged, allPages("/api/v1/sessions/abandoned?kind=test&limit=500"));
        QCOMPARE(get("/api/v1/sessions/abandoned?kind=exam").errorField(), QStringLiteral("kind"));
        // An unfinished session has no telemetry yet.
        r = get("/api/v1/sessions/" + t.id + "/telemetry");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("submitted").toBool(), false);
    }

    void certificateRegistry()
    {
        const int certs = f->db().scalar("SELECT count(*) FROM certificates").toInt();
        QVERIFY(certs >= 3);
        const QDate now = QDateTime::currentDateTimeUtc().date();
        HttpResult r = get("/api/v1/certificates");
        QCOMPARE(r.status, 200);
        const QJsonArray desc = r.json().value("items").toArray();
        QCOMPARE(desc.size(), certs);
        for (qsizetype i = 1; i < desc.size(); ++i)
            QVERIFY(desc[i - 1].toObject().value("issuedAt").toString() >=
                    desc[i].toObject().value("issuedAt").toString());
        const QJsonObject first = desc[0].toObject();
        QVERIFY(!first.value("holderName").toString().isEmpty());
        QCOMPARE(first.value("testTitle").toString(), QStringLiteral("Known answers"));
        QVERIFY(!QUuid::fromString(first.value("sessionId").toString()).isNull());
        QCOMPARE(first.value("revoked").toBool(), false);

        QJsonArray asc = allPages("/api/v1/certificates?order=asc&limit=2");
        QCOMPARE(asc.size(), certs);
        QJsonArray reversed;
        for (qsizetype i = asc.size() - 1; i >= 0; --i)
            reversed.append(asc[i]);
        QCOMPARE(reversed, desc);
        QCOMPARE(allPages(QStringLiteral("/api/v1/certificates?year=%1&month=%2&limit=2")
                              .arg(now.year())
                              .arg(now.month()))
                     .size(),
                 certs);
        QCOMPARE(get(QStringLiteral("/api/v1/certificates?year=%1").arg(now.year() - 1))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        const QJsonArray byNumber = allPages("/api/v1/certificates?sort=number&order=asc&limit=2");
        QCOMPARE(byNumber.size(), certs);
        for (qsizetype i = 1; i < byNumber.size(); ++i)
            QVERIFY(byNumber[i - 1].toObject().value("number").toString() <
                    byNumber[i].toObject().value("number").toString());
        QCOMPARE(allPages("/api/v1/certificates?sort=holder&limit=2").size(), certs);
        QCOMPARE(get("/api/v1/certificates?month=5").errorField(), QStringLiteral("month"));
        QCOMPARE(get("/api/v1/certificates?sort=colour").errorField(), QStringLiteral("sort"));
    }

    void dashboardStatistics()
    {
        const HttpResult r = get("/api/v1/dashboard?days=30");
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.json();
        const int completed =
            f->db()
                .scalar("SELECT count(*) FROM sessions WHERE kind = 'test' AND finished_at IS NOT NULL")
                .toInt();
        QCOMPARE(d.value("completed").toObject().value("value").toInt(), completed);
        QCOMPARE(d.value("completed").toObject().value("last7Days").toInt(), completed);
        QCOMPARE(d.value("completed").toObject().value("previous7Days").toInt(), 0);
        QVERIFY(d.value("completed").toObject().value("change").isNull()); // nothing the week before to
                                                                           // compare with
        QCOMPARE(d.value("averageScore").toObject().value("value").toDouble(),
                 f->db()
                     .scalar("SELECT round(avg(score), 1) FROM sessions WHERE finished_at IS NOT NULL")
                     .toDouble());
        QCOMPARE(
            d.value("uniqueCandidates").toObject().value("value").toInt(),
            f->db()
                .scalar("SELECT count(DISTINCT candidate_id) FROM sessions WHERE finished_at IS NOT NULL")
                .toInt());
        QCOMPARE(
            d.value("passRate").toObject().value("value").toDouble(),
            f->db()
                .scalar(
                    "SELECT round(100.0 * avg(passed::int), 1) FROM sessions WHERE finished_at IS NOT NULL")
                .toDouble());
        QVERIFY(d.value("anomalies").toObject().value("value").toInt() >= 3); // ФильтрБ, ФильтрВ, Детальный
        int grades = 0;
        for (const QJsonValue &v : d.value("grades").toObject())
            grades += v.toInt();
        QCOMPARE(grades, completed);
        const QJsonArray perDay = d.value("perDay").toArray();
        QCOMPARE(perDay.size(), 30);
        QCOMPARE(perDay.last().toObject().value("date").toString(), today());
        QCOMPARE(perDay.last().toObject().value("completed").toInt(), completed);
        QCOMPARE(d.value("violationsByType").toObject().value("print_attempt").toInt(),
                 f->db().scalar("SELECT count(*) FROM events WHERE type = 'print_attempt'").toInt());
        const QJsonArray top = d.value("topCandidatesByAnomalies").toArray();
        QVERIFY(!top.isEmpty());
        QCOMPARE(top[0].toObject().value("name").toString(), QStringLiteral("ФильтрВ Иван Иванович"));
        QCOMPARE(top[0].toObject().value("anomalies").toInt(), 7);
        QCOMPARE(get("/api/v1/dashboard?days=0").errorField(), QStringLiteral("days"));
    }

    void searchFindsNamesCertificatesAndSessions()
    {
        HttpResult r = get("/api/v1/search?q=" + enc("детальн"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("candidates").toArray().size(), 1);
        QCOMPARE(r.json().value("candidates").toArray()[0].toObject().value("lastName").toString(),
                 QStringLiteral("Детальный"));
        const QString sessionId =
            r.json().value("sessions").toArray()[0].toObject().value("sessionId").toString();
        QVERIFY(!sessionId.isEmpty());
        const QString number =
            r.json().value("certificates").toArray()[0].toObject().value("number").toString();
        QVERIFY(!number.isEmpty());
        r = get("/api/v1/search?q=" + enc(number));
        QCOMPARE(r.json().value("certificates").toArray().size(), 1);
        r = get("/api/v1/search?q=" + sessionId.left(8));
        QVERIFY(ids(r.json().value("sessions").toArray()).contains(sessionId));
        r = get("/api/v1/search?q=" + enc("Страница"));
        QCOMPARE(r.json().value("candidates").toArray().size(), 9);
        QCOMPARE(r.json().value("sessions").toArray().size(), 9);
        QCOMPARE(get("/api/v1/search?q=x").errorField(), QStringLiteral("q"));
    }

    // Last, as it adds a session: the review reads (search and session detail, never cached) use the
    // PROCTOR_REVIEW_DATABASE_URL connection.
    void reviewReadsUseTheReviewDatabaseUrl()
    {
        const QString reviewConnections =
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                           "application_name = 'proctor-review-reads'");
        const StartedSession s = start(QStringLiteral("Реплика"));
        QVERIFY(!s.id.isEmpty());
        QCOMPARE(get("/api/v1/search?q=" + enc("Реплика")).status, 200);
        QCOMPARE(get("/api/v1/sessions/" + s.id).status, 200);
        QVERIFY2(f->db().scalar(reviewConnections).toInt() > 0, "no connection of the review reads");
    }
};

QTEST_GUILESS_MAIN(TestAdminReview)
#include "tst_adminreview.moc"
