// SPDX-License-Identifier: MIT
// ReviewService against the real PostgreSQL, without HTTP: results filters and keyset paging (every row
// once, in order, whatever the page size, ties included, new rows meanwhile), the detail of a finished
// session with its answers against the key, the dashboard's counts, and what may be cached.
#include <algorithm>

#include <QtTest>

#include "reviewseed.h"
#include "servicefixture.h"
#include "services/reviewservice.h"
#include "storage/reviewsql.h"
#include "storage/testcatalog.h"

using namespace Proctor;
using namespace Proctor::Testing;
using Collector::Services::ReviewService;
using Collector::Storage::PageRequest;
using Collector::Storage::ResultFilter;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

ResultFilter byName(const QString &query, const QString &sort = QStringLiteral("finished"))
{
    ResultFilter f;
    f.query = query;
    f.sort = sort;
    return f;
}

} // namespace

class TestReviewService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<ReviewSeed> seed;
    std::unique_ptr<Collector::Storage::TestCatalog> catalog;
    std::unique_ptr<ReviewService> reviews;
    QDateTime m_now; // whole seconds, so seeded times compare exactly

    struct Seeded
    {
        QUuid id;
        QDateTime finishedAt;
        int score = 0;
        int risk = 0;
        int duration = 0;
        QString lastName;
        qint64 candidate = 0;
    };
    QList<Seeded> m_paged;                // the "Страница" sessions
    QHash<QString, QString> m_filterKeys; // the "Фильтр" sessions: id -> what the filter rows call it

    QUuid finished(qint64 candidate, int secondsAgo, int correct,
                   const QString &fingerprint = QString(64, 'a'),
                   const QString &testId = QStringLiteral("known"), int durationSeconds = 600)
    {
        ReviewSeed::Session s;
        s.testId = testId;
        s.candidateId = candidate;
        s.fingerprint = fingerprint;
        s.finishedAt = m_now.addSecs(-secondsAgo);
        s.startedAt = s.finishedAt.addSecs(-durationSeconds);
        s.correct = correct;
        return seed->session(s);
    }

    // Writes a session's stored assessment, as the assessment maintainer would (shared/analysis rules):
    // the review reads show what is stored and never recompute it from the events.
    static void assess(const QString &url, const QUuid &id, int score, int level,
                       const QMap<QString, int> &violations = {}, int reviewState = 0)
    {
        QJsonObject v;
        int total = 0;
        for (auto it = violations.begin(); it != violations.end(); ++it) {
            v.insert(it.key(), it.value());
            total += it.value();
        }
        pqxx::connection c(url.toStdString());
        pqxx::work tx(c);
        tx.exec_params("UPDATE sessions SET risk_score = $2, risk_level = $3, violations = $4::jsonb, "
                       "violation_count = $5, review_state = $6, assessed_at = now(), "
                       "event_count = (SELECT count(*) FROM events WHERE session_id = $1), "
                       "last_event_at = (SELECT max(received_at) FROM events WHERE session_id = $1) "
                       "WHERE id = $1",
                       idText(id).toStdString(), score, level,
                       QJsonDocument(v).toJson(QJsonDocument::Compact).toStdString(), total, reviewState);
        tx.commit();
    }
    void assess(const QUuid &id, int score, int level, const QMap<QString, int> &violations = {},
                int reviewState = 0)
    {
        assess(f->database().url(), id, score, level, violations, reviewState);
    }

    // Every page of `filter` at `limit`, in order.
    QStringList allPages(const ResultFilter &filter, int limit, int *pages = nullptr,
                         const std::function<void(int)> &betweenPages = {})
    {
        QStringList out;
        PageRequest page;
        page.limit = limit;
        int n = 0;
        while (true) {
            const auto r = ServiceFixture::wait(reviews->results(filter, page));
            if (!r) {
                qWarning() << r.error().message;
                return {};
            }
            for (const auto &item : r->items)
                out.append(idText(item.row.sessionId));
            ++n;
            if (r->nextCursor.isEmpty() || n > 100)
                break;
            if (betweenPages)
                betweenPages(n);
            page.after = Collector::Storage::ReviewCursor::decode(r->nextCursor);
            if (!page.after)
                return {};
        }
        if (pages)
            *pages = n;
        return out;
    }

    // The order the list must give: the sort's key, then the finishing time, then the id, all in one
    // direction (candidate: last name, first and middle name, candidate id first).
    QStringList expectedOrder(const QString &sort, bool ascending) const
    {
        QList<Seeded> rows = m_paged;
        const auto key = [&sort](const Seeded &s) -> std::tuple<QString, qint64, qint64, QString> {
            // PostgreSQL orders uuids byte by byte, which is the order of their lowercase hex text; the test
            // database's collation (C.UTF-8) orders names by code point, as QString's operator< does.
            const qint64 primary = sort == QLatin1String("score")      ? s.score
                                   : sort == QLatin1String("risk")     ? s.risk
                                   : sort == QLatin1String("duration") ? s.duration
                                                                       : 0;
            return {sort == QLatin1String("candidate") ? s.lastName : QString(), primary,
                    sort == QLatin1String("candidate") ? s.candidate : 0,
                    s.finishedAt.toString(Qt::ISODate) + idText(s.id)};
        };
        std::sort(rows.begin(), rows.end(), [&](const Seeded &a, const Seeded &b) {
            return ascending ? key(a) < key(b) : key(b) < key(a);
        });
        QStringList out;
        for (const Seeded &s : rows)
            out.append(idText(s.id));
        return out;
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("reviewservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        seed = std::make_unique<ReviewSeed>(f->database().url());
        catalog = std::make_unique<Collector::Storage::TestCatalog>(f->pool());
        reviews = std::make_unique<ReviewService>(f->pool(), *catalog);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_now = now.addMSecs(-now.time().msec());
        seed->test(QStringLiteral("known"), QStringLiteral("Known answers"));
        seed->test(QStringLiteral("other"), QStringLiteral("Other test"), 60);

        // 17 sessions with ties in both sort keys: finished at 4 distinct instants, 5 distinct scores.
        // Stored risk in 3 values and durations in 3, so every sort has ties to break; two candidates of
        // one name.
        for (int i = 0; i < 17; ++i) {
            const QString name = QStringLiteral("Страница%1").arg(i % 15);
            const qint64 c = seed->candidate(name);
            const int secondsAgo = 100 + (i % 4) * 10;
            const int correct = 4 + i % 5;
            const int duration = 600 + (i % 3) * 60;
            const QUuid id =
                finished(c, secondsAgo, correct, QString(64, 'a'), QStringLiteral("known"), duration);
            const int risk = (i % 3) * 30;
            assess(id, risk, risk >= 60 ? 2 : risk >= 25 ? 1 : 0);
            m_paged.append({id, m_now.addSecs(-secondsAgo), correct * 10, risk, duration, name, c});
        }

        // Five sessions the filters tell apart.
        const QUuid low = finished(seed->candidate(QStringLiteral("ФильтрА")), 50, 10);
        seed->certificate(low, QStringLiteral("26/01-0042"));
        const QUuid medium =
            finished(seed->candidate(QStringLiteral("ФильтрБ")), 51, 5, QString(64, QLatin1Char('c')));
        seed->event(medium, 0, QStringLiteral("print_attempt"), {{"method", "shortcut"}});
        assess(medium, 35, 1, {{"print_attempt", 1}}, 3); // print (35); needs a second look
        const QUuid high = finished(seed->candidate(QStringLiteral("ФильтрВ")), 52, 9);
        for (int i = 0; i < 6; ++i)
            seed->event(high, i, QStringLiteral("focus_loss"));
        seed->event(high, 6, QStringLiteral("print_attempt"), {{"method", "shortcut"}});
        // Six focus losses (25) and a print attempt (35); confirmed.
        assess(high, 60, 2, {{"focus_loss", 6}, {"print_attempt", 1}}, 2);
        // 20 %, 540 s over the other test's 60 s limit (40); cleared.
        const QUuid other = finished(seed->candidate(QStringLiteral("ФильтрГ")), 53, 2,
                                     QString(64, QLatin1Char('c')), QStringLiteral("other"));
        assess(other, 40, 1, {}, 1);
        const QUuid old = finished(seed->candidate(QStringLiteral("ФильтрД")), 6 * 86400, 7);
        m_filterKeys = {{idText(low), "low"},
                        {idText(medium), "medium"},
                        {idText(high), "high"},
                        {idText(other), "otherTest"},
                        {idText(old), "oldWeek"}};
    }

    void resultsPagesHaveNoGapsAndNoDuplicates_data()
    {
        QTest::addColumn<QString>("sort");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("ascending");
        for (const char *sort : {"finished", "score", "risk", "duration", "candidate"})
            for (bool ascending : {false, true})
                for (int limit : {1, 2, 3, 5, 16, 17, 50})
                    QTest::addRow("%s %s, %d a page", sort, ascending ? "asc" : "desc", limit)
                        << QString::fromLatin1(sort) << limit << ascending;
    }
    void resultsPagesHaveNoGapsAndNoDuplicates()
    {
        QFETCH(QString, sort);
        QFETCH(int, limit);
        QFETCH(bool, ascending);
        int pages = 0;
        ResultFilter filter = byName(QStringLiteral("Страница"), sort);
        filter.ascending = ascending;
        const QStringList all = allPages(filter, limit, &pages);
        QCOMPARE(all, expectedOrder(sort, ascending));
        QCOMPARE(pages, (17 + limit - 1) / limit); // the last page says so: no empty page after it
    }

    void sortDefaultsAreDescendingExceptCandidate()
    {
        QVERIFY(!byName(QString(), QStringLiteral("risk")).isAscending());
        QVERIFY(!byName(QString(), QStringLiteral("duration")).isAscending());
        QVERIFY(byName(QString(), QStringLiteral("candidate")).isAscending());
        ResultFilter f = byName(QString(), QStringLiteral("candidate"));
        f.ascending = false;
        QVERIFY(!f.isAscending());
    }

    // Results committed between two pages are newer than the cursor: later pages neither repeat nor skip.
    void resultsArrivingBetweenPagesDoNotShiftLaterPages()
    {
        int inserted = 0;
        const QStringList all = allPages(byName(QStringLiteral("Страница")), 4, nullptr, [&](int) {
            finished(seed->candidate(QStringLiteral("Страница новая")), -5, 10);
            ++inserted;
        });
        QCOMPARE(inserted, 4);
        QCOMPARE(all, expectedOrder(QStringLiteral("finished"), false));
    }

    void aCursorOnlyFitsItsOwnOrder()
    {
        PageRequest page;
        page.limit = 2;
        const auto first = ServiceFixture::wait(reviews->results(byName(QStringLiteral("Страница")), page));
        QVERIFY(first && !first->nextCursor.isEmpty());
        page.after = Collector::Storage::ReviewCursor::decode(first->nextCursor);
        const auto other = ServiceFixture::wait(
            reviews->results(byName(QStringLiteral("Страница"), QStringLiteral("score")), page));
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::BadParameter);
        QCOMPARE(other.error().field, QStringLiteral("cursor"));
        // Nor the other direction of the same sort.
        ResultFilter ascending = byName(QStringLiteral("Страница"));
        ascending.ascending = true;
        const auto reversed = ServiceFixture::wait(reviews->results(ascending, page));
        QVERIFY(!reversed);
        QCOMPARE(reversed.error().field, QStringLiteral("cursor"));
    }

    void resultFilters_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("expected"); // keys of the sessions, newest first
        QTest::newRow("all of them") << "" << QStringList{"low", "medium", "high", "otherTest", "oldWeek"};
        QTest::newRow("passed") << "passed" << QStringList{"low", "high"};
        QTest::newRow("failed") << "failed" << QStringList{"medium", "otherTest", "oldWeek"};
        QTest::newRow("risk high") << "risk=high" << QStringList{"high"};
        QTest::newRow("risk medium") << "risk=medium"
                                     << QStringList{"medium", "otherTest"}; // print; overtime
        QTest::newRow("risk low") << "risk=low" << QStringList{"low", "oldWeek"};
        QTest::newRow("risk medium or higher")
            << "risk=medium,high" << QStringList{"medium", "high", "otherTest"};
        QTest::newRow("test other") << "test=other" << QStringList{"otherTest"};
        QTest::newRow("tests known and other")
            << "test=known,other" << QStringList{"low", "medium", "high", "otherTest", "oldWeek"};
        QTest::newRow("review unreviewed") << "review=unreviewed" << QStringList{"low", "oldWeek"};
        QTest::newRow("review violation") << "review=violation" << QStringList{"high"};
        QTest::newRow("review cleared or second look")
            << "review=cleared,second_look" << QStringList{"medium", "otherTest"};
        QTest::newRow("sort by risk")
            << "sort=risk" << QStringList{"high", "otherTest", "medium", "low", "oldWeek"};
        QTest::newRow("sort by risk ascending")
            << "sort=risk asc" << QStringList{"oldWeek", "low", "medium", "otherTest", "high"};
        QTest::newRow("sort by candidate")
            << "sort=candidate" << QStringList{"low", "medium", "high", "otherTest", "oldWeek"};
        QTest::newRow("sort by candidate descending")
            << "sort=candidate desc" << QStringList{"oldWeek", "otherTest", "high", "medium", "low"};
        QTest::newRow("fingerprint c") << "fingerprint=c" << QStringList{"medium", "otherTest"};
        QTest::newRow("from yesterday") << "from=-1" << QStringList{"low", "medium", "high", "otherTest"};
        QTest::newRow("to 5 days ago") << "to=-5" << QStringList{"oldWeek"};
        QTest::newRow("a name and first name") << "q=Иван ФильтрВ" << QStringList{"high"};
        QTest::newRow("a certificate number") << "q=26/01-0042" << QStringList{"low"};
        QTest::newRow("sort by score")
            << "sort=score" << QStringList{"low", "high", "oldWeek", "medium", "otherTest"};
    }
    void resultFilters()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, expected);
        ResultFilter filter = byName(QStringLiteral("Фильтр"));
        const QDate today = m_now.date();
        if (name == QLatin1String("passed") || name == QLatin1String("failed"))
            filter.passed = name == QLatin1String("passed");
        else if (name.startsWith(QLatin1String("risk="))) {
            const QStringList levels{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
            for (const QString &l : name.mid(5).split(QLatin1Char(',')))
                filter.riskLevels.append(int(levels.indexOf(l)));
        } else if (name.startsWith(QLatin1String("review="))) {
            const QStringList states{QStringLiteral("unreviewed"), QStringLiteral("cleared"),
                                     QStringLiteral("violation"), QStringLiteral("second_look")};
            for (const QString &st : name.mid(7).split(QLatin1Char(',')))
                filter.reviewStates.append(int(states.indexOf(st)));
        } else if (name.startsWith(QLatin1String("test=")))
            filter.testIds = name.mid(5).split(QLatin1Char(','));
        else if (name.startsWith(QLatin1String("fingerprint=")))
            filter.fingerprint = QString(64, name.back());
        else if (name.startsWith(QLatin1String("from=")))
            filter.from = today.addDays(name.mid(5).toInt());
        else if (name.startsWith(QLatin1String("to=")))
            filter.to = today.addDays(name.mid(3).toInt());
        else if (name.startsWith(QLatin1String("q=")))
            filter.query = name.mid(2);
        else if (name.startsWith(QLatin1String("sort="))) {
            filter.sort = name.mid(5).section(QLatin1Char(' '), 0, 0);
            if (name.endsWith(QLatin1String(" asc")) || name.endsWith(QLatin1String(" desc")))
                filter.ascending = name.endsWith(QLatin1String(" asc"));
        }
        PageRequest page;
        const auto r = ServiceFixture::wait(reviews->results(filter, page));
        QVERIFY(r);
        QStringList got;
        for (const auto &item : r->items)
            got.append(m_filterKeys.value(idText(item.row.sessionId), idText(item.row.sessionId)));
        QCOMPARE(got, expected);
    }

    void resultRowsCarryGradeRiskAndViolations()
    {
        PageRequest page;
        const auto r = ServiceFixture::wait(reviews->results(byName(QStringLiteral("ФильтрВ")), page));
        QVERIFY(r);
        QCOMPARE(r->items.size(), 1);
        const auto &item = r->items.first();
        QCOMPARE(item.row.score, std::optional<int>(90));
        QCOMPARE(item.row.passed, std::optional<bool>(true));
        QVERIFY(item.grade);
        QCOMPARE(item.grade->key, QStringLiteral("excellent"));
        QCOMPARE(item.row.risk.level, QStringLiteral("high"));
        QCOMPARE(item.row.risk.score, 60); // as stored
        QCOMPARE(item.row.violations,
                 (Collector::Storage::ViolationCounts{{"focus_loss", 6}, {"print_attempt", 1}}));
        QCOMPARE(item.row.violationCount, qint64(7));
        QCOMPARE(item.row.reviewState, Collector::Storage::ReviewState::Violation);
        QCOMPARE(item.row.candidate.lastName, QStringLiteral("ФильтрВ"));
        QCOMPARE(item.row.testTitle, QStringLiteral("Known answers"));
        QVERIFY(!item.row.certificateNumber);
        QCOMPARE(item.row.durationSeconds, std::optional<qint64>(600));
    }

    void detailOfAFinishedSession()
    {
        ReviewSeed::Session s;
        s.candidateId = seed->candidate(QStringLiteral("Детальный"), QStringLiteral("Пётр"),
                                        QStringLiteral("petr@example.org"));
        s.testId = QStringLiteral("other"); // 60 s limit: finished 200 s after the start
        s.startedAt = m_now.addSecs(-400);
        s.finishedAt = m_now.addSecs(-200);
        s.correct = 7;
        s.answered = 9;
        const QUuid id = seed->session(s);
        const QUuid lost = seed->event(id, 0, QStringLiteral("focus_loss"));
        seed->event(id, 1, QStringLiteral("focus_gain"), {{"durationMs", 1500}});
        seed->event(id, 2, QStringLiteral("test_finished"), {{"answered", 9}, {"total", 10}});
        seed->event(id, 3, QStringLiteral("copy_attempt"), {}, m_now); // after the finish
        // clipboard (15) + a copy after test_finished (30) + 140 s over the limit (40)
        assess(id, 85, 2, {{"copy_attempt", 1}, {"focus_loss", 1}});
        seed->telemetry(
            id, {}, {},
            QJsonArray{QJsonObject{{"questionId", "q1"}, {"latencyMs", 4200}, {"answerChanges", 2}},
                       QJsonObject{{"questionId", "q10"}, {"latencyMs", 900}, {"answerChanges", 0}}});
        seed->certificate(id, QStringLiteral("26/01-0099"));

        const auto d = ServiceFixture::wait(reviews->session(id));
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        const auto &r = d->session;
        QCOMPARE(r.sessionId, id);
        QCOMPARE(r.kind, QStringLiteral("test"));
        QCOMPARE(r.status, QStringLiteral("completed"));
        QCOMPARE(r.testTitle, QStringLiteral("Other test"));
        QCOMPARE(r.passThreshold, 80);
        QCOMPARE(r.candidate.firstName, QStringLiteral("Пётр"));
        QCOMPARE(r.email, std::optional<QString>(QStringLiteral("petr@example.org")));
        QCOMPARE(r.startedAt, s.startedAt);
        QCOMPARE(r.finishedAt, s.finishedAt);
        QCOMPARE(r.durationSeconds, std::optional<qint64>(200));
        QCOMPARE(r.timeLimitSeconds, 60);
        QCOMPARE(r.overtimeSeconds, qint64(140));
        QCOMPARE(r.score, std::optional<int>(70));
        QCOMPARE(r.correct, std::optional<int>(7));
        QCOMPARE(r.total, std::optional<int>(10));
        QCOMPARE(r.passed, std::optional<bool>(false));
        QVERIFY(d->grade);
        QCOMPARE(d->grade->key, QStringLiteral("satisfactory"));
        QVERIFY(r.certificate);
        QCOMPARE(r.certificate->number, QStringLiteral("26/01-0099"));
        QCOMPARE(r.certificate->issuedAt, s.finishedAt);
        QVERIFY(!r.certificate->revoked);
        QCOMPARE(r.fingerprintAttributes.toObject().value("platform").toString(), QStringLiteral("Linux"));
        QCOMPARE(r.clientIp, std::optional<QString>(QStringLiteral("127.0.0.1")));
        QCOMPARE(r.eventCount, qint64(4));
        QCOMPARE(r.lastEventAt, m_now);
        QCOMPARE(r.violations, (Collector::Storage::ViolationCounts{{"copy_attempt", 1}, {"focus_loss", 1}}));
        QCOMPARE(r.risk.score, 85);
        QCOMPARE(r.risk.level, QStringLiteral("high"));
        Q_UNUSED(lost);

        QCOMPARE(d->answers.size(), 10);
        int right = 0;
        for (int i = 0; i < 10; ++i) {
            const auto &a = d->answers[i];
            QCOMPARE(a.questionId, QStringLiteral("q%1").arg(i + 1));
            QVERIFY(a.known);
            QCOMPARE(a.text, QStringLiteral("Question %1").arg(i + 1));
            QCOMPARE(a.options.size(), 3);
            QCOMPARE(a.correct, QStringList{"a"});
            QCOMPARE(a.answered, i < 9);
            QCOMPARE(a.chosen, i < 7 ? QStringList{"a"} : i < 9 ? QStringList{"b"} : QStringList{});
            QCOMPARE(a.isCorrect, i < 7);
            right += a.isCorrect ? 1 : 0;
        }
        QCOMPARE(right, 7);
        QCOMPARE(d->answers[0].latencyMs.toInt(), 4200);
        QCOMPARE(d->answers[0].answerChanges.toInt(), 2);
        QCOMPARE(d->answers[9].latencyMs.toInt(), 900);
        QVERIFY(d->answers[4].latencyMs.isUndefined()); // no timing sent for q5: left out, not 0
        QVERIFY(d->answers[4].answerChanges.isUndefined());

        const auto timeline = ServiceFixture::wait(reviews->events(id, PageRequest{3, std::nullopt}));
        QVERIFY(timeline);
        QCOMPARE(timeline->items.size(), 3);
        QCOMPARE(timeline->items[0].eventId, lost);
        QVERIFY(!timeline->items[2].afterFinish);
        QVERIFY(!timeline->nextCursor.isEmpty());
        const auto rest = ServiceFixture::wait(reviews->events(
            id, PageRequest{3, Collector::Storage::ReviewCursor::decode(timeline->nextCursor)}));
        QVERIFY(rest);
        QCOMPARE(rest->items.size(), 1);
        QVERIFY(rest->items[0].afterFinish);
        QVERIFY(rest->items[0].violation);
        QVERIFY(rest->nextCursor.isEmpty());

        const auto unknown = ServiceFixture::wait(reviews->session(QUuid::createUuid()));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(unknown.error().field, QStringLiteral("id"));
    }

    void dashboardCounts()
    {
        // A database of its own: the figures are exact only when nothing else is in it.
        ServiceFixture own(QStringLiteral("reviewdashboard"));
        QVERIFY2(own.ok(), qPrintable(own.error()));
        ReviewSeed s(own.database().url());
        Collector::Storage::TestCatalog tests(own.pool());
        ReviewService service(own.pool(), tests);
        s.test(QStringLiteral("known"), QStringLiteral("Known answers"));
        const auto add = [&](const QString &name, int daysAgo, int correct) {
            ReviewSeed::Session x;
            x.candidateId = s.candidate(name);
            x.finishedAt = m_now.addSecs(-daysAgo * 86400 - 60);
            x.startedAt = x.finishedAt.addSecs(-300);
            x.correct = correct;
            return s.session(x);
        };
        // This week: 100, 90 (passed), 50 with a print attempt; the week before: 80 (passed); a month
        // ago: 40.
        add(QStringLiteral("Первая"), 0, 10);
        const QUuid second = add(QStringLiteral("Вторая"), 1, 9);
        const QUuid third = add(QStringLiteral("Третья"), 2, 5);
        s.event(third, 0, QStringLiteral("print_attempt"), {{"method", "shortcut"}});
        s.event(third, 1, QStringLiteral("focus_loss"));
        s.event(second, 0, QStringLiteral("focus_loss"));
        assess(own.database().url(), third, 35, 1, {{"print_attempt", 1}, {"focus_loss", 1}});
        assess(own.database().url(), second, 0, 0, {{"focus_loss", 1}});
        add(QStringLiteral("Четвёртая"), 9, 8);
        add(QStringLiteral("Пятая"), 40, 4);
        ReviewSeed::Session unfinished;
        unfinished.candidateId = s.candidate(QStringLiteral("Незаконченная"));
        unfinished.startedAt = m_now.addSecs(-60);
        s.session(unfinished);

        const auto d = ServiceFixture::wait(service.dashboard(30));
        QVERIFY(d);
        QCOMPARE(d->days, 30);
        QCOMPARE(d->completed.value, std::optional<double>(4));
        QCOMPARE(d->completed.last7Days, std::optional<double>(3));
        QCOMPARE(d->completed.previous7Days, std::optional<double>(1));
        QCOMPARE(d->completed.change, std::optional<double>(200));
        QCOMPARE(d->averageScore.value, std::optional<double>(80));
        QCOMPARE(d->averageScore.last7Days, std::optional<double>(80));
        QCOMPARE(d->averageScore.change, std::optional<double>(0));
        QCOMPARE(d->passRate.value, std::optional<double>(75));
        QCOMPARE(d->passRate.last7Days, std::optional<double>(66.7));
        QCOMPARE(d->passRate.change, std::optional<double>(-33.3));
        QCOMPARE(d->anomalies.value, std::optional<double>(1));
        QCOMPARE(d->uniqueCandidates.value, std::optional<double>(4));
        QCOMPARE(
            d->grades,
            (QMap<QString, qint64>{
                {"excellent", 2}, {"good", 1}, {"satisfactory", 0}, {"unsatisfactory", 0}, {"poor", 1}}));
        QCOMPARE(d->perDay.size(), 30);
        QCOMPARE(d->perDay.last().day, QDateTime::currentDateTimeUtc().date());
        QCOMPARE(d->violationsByType.size(), Collector::Storage::ReviewSql::violationTypes().size());
        QCOMPARE(d->violationsByType.value("focus_loss"), qint64(2));
        QCOMPARE(d->violationsByType.value("print_attempt"), qint64(1));
        QCOMPARE(d->violationsByType.value("copy_attempt"), qint64(0));
        QCOMPARE(d->topCandidatesByAnomalies.size(), 2);
        QCOMPARE(d->topCandidatesByAnomalies[0].name, QStringLiteral("Третья Иван Иванович"));
        QCOMPARE(d->topCandidatesByAnomalies[0].anomalies, qint64(2));

        const auto week = ServiceFixture::wait(service.dashboard(1));
        QVERIFY(week);
        QCOMPARE(week->completed.value, std::optional<double>(1));
        QCOMPARE(week->perDay.size(), 1);

        const auto empty = ServiceFixture::wait(service.dashboard(366));
        QVERIFY(empty);
        QCOMPARE(empty->completed.value, std::optional<double>(5));
    }

    void onlyFirstResultPagesAndTheDashboardAreCached()
    {
        ResultFilter filter = byName(QStringLiteral("x"));
        PageRequest first;
        const auto key = ReviewService::resultsCacheKey(filter, first);
        QVERIFY(key);
        QVERIFY(key->startsWith("results:"));
        PageRequest otherLimit;
        otherLimit.limit = 10;
        QVERIFY(ReviewService::resultsCacheKey(filter, otherLimit) != key);
        filter.riskLevels = {2};
        QVERIFY(ReviewService::resultsCacheKey(filter, first) != key);
        const auto withRisk = ReviewService::resultsCacheKey(filter, first);
        filter.sort = QStringLiteral("risk");
        QVERIFY(ReviewService::resultsCacheKey(filter, first) != withRisk);
        const auto byRisk = ReviewService::resultsCacheKey(filter, first);
        filter.ascending = true;
        QVERIFY(ReviewService::resultsCacheKey(filter, first) != byRisk);
        filter.reviewStates = {0};
        QVERIFY(ReviewService::resultsCacheKey(filter, first) != byRisk);
        PageRequest later;
        later.after = QJsonArray{"finished", "2026-01-01T00:00:00.000000Z", idText(QUuid::createUuid())};
        QVERIFY(!ReviewService::resultsCacheKey(filter, later));
        QCOMPARE(ReviewService::dashboardCacheKey(30), QByteArray("dashboard:30"));
    }
};

QTEST_GUILESS_MAIN(TestReviewService)
#include "tst_reviewservice.moc"
