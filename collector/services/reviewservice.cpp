// SPDX-License-Identifier: MIT
#include "services/reviewservice.h"

#include <cmath>

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "storage/dbpool.h"
#include "storage/reviewdashboard.h"
#include "storage/reviewsql.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Services {
namespace {

namespace Repo = Storage::ReviewRepository;

std::optional<Contract::Grade> gradeOf(const std::optional<int> &score)
{
    return score ? std::optional<Contract::Grade>(Contract::grade(*score)) : std::nullopt;
}

// The answers of a session against its test's key, in the order the questions were drawn. A question
// missing from the definition (edited since) is shown without text, options or key and never counts as
// right.
QList<AnswerReview> reviewAnswers(const SessionRecord &s, const Contract::TestDefinition *test)
{
    QHash<QString, QStringList> chosen;
    for (const QJsonValue &a : s.answers) {
        QStringList ids;
        for (const QJsonValue &o : a.toObject().value(QStringLiteral("optionIds")).toArray())
            ids.append(o.toString());
        chosen.insert(a.toObject().value(QStringLiteral("questionId")).toString(), ids);
    }
    QHash<QString, QJsonObject> timing;
    for (const QJsonValue &q : s.telemetryQuestions)
        timing.insert(q.toObject().value(QStringLiteral("questionId")).toString(), q.toObject());

    QList<AnswerReview> out;
    out.reserve(s.questionIds.size());
    for (const QString &questionId : s.questionIds) {
        const Contract::Question *q = test ? test->findQuestion(questionId) : nullptr;
        AnswerReview a;
        a.questionId = questionId;
        if (q) {
            a.known = true;
            a.text = q->text;
            a.options = q->options;
            a.correct = q->correct;
        }
        a.answered = chosen.contains(questionId);
        a.chosen = chosen.value(questionId);
        a.isCorrect = q && a.answered &&
                      QSet<QString>(a.chosen.begin(), a.chosen.end()) ==
                          QSet<QString>(a.correct.begin(), a.correct.end());
        const QJsonObject t = timing.value(questionId);
        a.latencyMs = t.value(QStringLiteral("latencyMs"));
        a.answerChanges = t.value(QStringLiteral("answerChanges"));
        out.append(std::move(a));
    }
    return out;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

std::optional<double> rounded(const std::optional<double> &v)
{
    return v ? std::optional<double>(round1(*v)) : std::nullopt;
}

// `value` over the period, the two weeks rounded to one decimal, and the change of the last week against
// the week before in percent (nothing to compare with when that week had no value or zero).
DashboardMetric metric(const std::optional<double> &value, const Storage::DashboardWindows &w)
{
    DashboardMetric m{value, rounded(w.last7Days), rounded(w.previous7Days), std::nullopt};
    if (w.last7Days && w.previous7Days && *w.previous7Days != 0.0)
        m.change = round1((*w.last7Days - *w.previous7Days) / *w.previous7Days * 100.0);
    return m;
}

QJsonArray intList(const QList<int> &values)
{
    QJsonArray out;
    for (int v : values)
        out.append(v);
    return out;
}

Dashboard dashboardFrom(int days, const Storage::DashboardAggregates &a)
{
    Dashboard d;
    d.days = days;
    d.completed = metric(a.completed.period, a.completed);
    d.averageScore = metric(rounded(a.averageScore.period), a.averageScore);
    d.anomalies = metric(a.anomalies.period, a.anomalies);
    d.uniqueCandidates = metric(a.uniqueCandidates.period, a.uniqueCandidates);
    d.passRate = metric(rounded(a.passRate.period), a.passRate);
    d.perDay = a.perDay;
    for (const char *key : {"excellent", "good", "satisfactory", "unsatisfactory", "poor"})
        d.grades.insert(QLatin1String(key), 0);
    for (const Storage::ScoreCount &s : a.scores)
        d.grades[Contract::grade(s.score).key] += s.sessions;
    for (const QString &t : Storage::ReviewSql::violationTypes())
        d.violationsByType.insert(t, a.violationsByType.value(t, 0));
    d.topCandidatesByAnomalies = a.topCandidates;
    return d;
}

} // namespace

ReviewService::ReviewService(Storage::DbPool &db, Storage::TestCatalog &tests) : m_db(db), m_tests(tests) {}

QFuture<Expected<ResultList>> ReviewService::results(const Storage::ResultFilter &filter,
                                                     const Storage::PageRequest &page)
{
    return m_db.run<ResultList>([filter, page](pqxx::connection &c) -> Expected<ResultList> {
        auto rows = Repo::results(c, filter, page);
        if (!rows)
            return tl::unexpected(rows.error());
        ResultList out;
        out.items.reserve(rows->items.size());
        for (Storage::ResultRow &row : rows->items) {
            const auto grade = gradeOf(row.score);
            out.items.append(ResultItem{std::move(row), grade});
        }
        out.nextCursor = rows->nextCursor;
        return out;
    });
}

QFuture<Expected<SessionDetail>> ReviewService::session(const QUuid &id)
{
    return m_db.run<SessionDetail>([this, id](pqxx::connection &c) -> Expected<SessionDetail> {
        auto record = Repo::session(c, id);
        if (!record)
            return tl::unexpected(record.error());
        // A test that cannot be read leaves the answers without text and key rather than failing the view.
        const auto test = m_tests.get(c, record->testId);
        SessionDetail out;
        out.answers = reviewAnswers(*record, test ? test->get() : nullptr);
        out.grade = gradeOf(record->score);
        out.session = std::move(*record);
        return out;
    });
}

QFuture<Expected<TimelinePage>> ReviewService::events(const QUuid &id, const Storage::PageRequest &page)
{
    return m_db.run<TimelinePage>([id, page](pqxx::connection &c) { return Repo::events(c, id, page); });
}

QFuture<Expected<TelemetryRecord>> ReviewService::telemetry(const QUuid &id)
{
    return m_db.run<TelemetryRecord>([id](pqxx::connection &c) { return Repo::telemetry(c, id); });
}

QFuture<Expected<AbandonedPage>> ReviewService::abandoned(const QString &kind, int idleMinutes,
                                                          const Storage::PageRequest &page)
{
    return m_db.run<AbandonedPage>([kind, idleMinutes, page](pqxx::connection &c) {
        return Repo::abandoned(c, kind, idleMinutes, page);
    });
}

QFuture<Expected<CertificatePage>> ReviewService::certificates(const Storage::CertificateFilter &filter,
                                                               const Storage::PageRequest &page)
{
    return m_db.run<CertificatePage>(
        [filter, page](pqxx::connection &c) { return Repo::certificates(c, filter, page); });
}

QFuture<Expected<Dashboard>> ReviewService::dashboard(int days)
{
    return m_db.run<Dashboard>([days](pqxx::connection &c) -> Expected<Dashboard> {
        return dashboardFrom(days, Storage::ReviewDashboard::read(c, days));
    });
}

QFuture<Expected<SearchHits>> ReviewService::search(const QString &text)
{
    return m_db.run<SearchHits>([text](pqxx::connection &c) { return Repo::search(c, text); });
}

std::optional<QByteArray> ReviewService::resultsCacheKey(const Storage::ResultFilter &f,
                                                         const Storage::PageRequest &page)
{
    if (page.after)
        return std::nullopt;
    const QByteArray canonical =
        QJsonDocument(
            QJsonObject{{QStringLiteral("test"), QJsonArray::fromStringList(f.testIds)},
                        {QStringLiteral("from"), f.from ? f.from->toString(Qt::ISODate) : QString()},
                        {QStringLiteral("to"), f.to ? f.to->toString(Qt::ISODate) : QString()},
                        {QStringLiteral("passed"), f.passed ? QJsonValue(*f.passed) : QJsonValue()},
                        {QStringLiteral("q"), f.query},
                        {QStringLiteral("risk"), intList(f.riskLevels)},
                        {QStringLiteral("review"), intList(f.reviewStates)},
                        {QStringLiteral("fingerprint"), f.fingerprint},
                        {QStringLiteral("sort"), f.sort},
                        {QStringLiteral("ascending"), f.isAscending()},
                        {QStringLiteral("limit"), page.limit}})
            .toJson(QJsonDocument::Compact);
    return "results:" + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(32);
}

QByteArray ReviewService::dashboardCacheKey(int days)
{
    return "dashboard:" + QByteArray::number(days);
}

} // namespace Proctor::Collector::Services
