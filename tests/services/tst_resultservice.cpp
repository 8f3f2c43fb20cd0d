// SPDX-License-Identifier: MIT
// Services::ResultService against the real PostgreSQL, without HTTP: the server scores against the attempt,
// issues YY/MM-NNNN certificates for a pass, replays the first outcome and announces once.
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

#include "auth/sessiontoken.h"
#include "http/json/resultjson.h"
#include "observability/metrics.h"
#include "pagetestdata.h"
#include "servicefixture.h"
#include "services/resultservice.h"
#include "services/sessionservice.h"
#include "services/testservice.h"
#include "storage/testcatalog.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;
namespace PageData = Testing::PageData;

namespace {

Contract::Answer answer(const QString &questionId, const QString &option)
{
    return Contract::Answer{questionId, {option}};
}

QJsonArray answersJson(const QList<Contract::Answer> &answers)
{
    QJsonArray out;
    for (const auto &a : answers)
        out.append(QJsonObject{{"questionId", a.questionId},
                               {"optionIds", QJsonArray::fromStringList(a.optionIds)}});
    return out;
}

} // namespace

class TestResultService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_result"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_catalog = std::make_unique<Storage::TestCatalog>(m_fixture->pool());
        m_sessions = std::make_unique<Services::SessionService>(m_fixture->pool(), *m_catalog, m_tokens,
                                                                m_fixture->announcer(), 3600);
        m_results =
            std::make_unique<Services::ResultService>(m_fixture->pool(), *m_catalog, m_fixture->announcer(),
                                                      m_metrics, QStringLiteral("https://exam.example"));
        Services::TestService tests(m_fixture->pool(), *m_catalog);
        QVERIFY(ServiceFixture::wait(tests.importDefinition(PageData::bytes(PageData::knownTest()))));
    }
    void init() { m_fixture->announcer().clear(); }

    // Rows name which of the drawn questions are answered right; the rest of the answers are the rows'
    // forgeries.
    void scoredByTheServer_data()
    {
        QTest::addColumn<int>("rightAnswers"); // drawn questions answered "a", the others "b"
        QTest::addColumn<bool>("forgeExtras"); // + undrawn bank questions and an unknown id, all "a"
        QTest::addColumn<bool>("secondGuess"); // + each drawn question again with "a" after the first answer
        QTest::addColumn<int>("percent");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("gradeKey");
        QTest::newRow("all correct") << 10 << false << false << 100 << true << "excellent";
        QTest::newRow("eight of ten: the threshold passes") << 8 << false << false << 80 << true << "good";
        QTest::newRow("seven of ten") << 7 << false << false << 70 << false << "satisfactory";
        QTest::newRow("all wrong") << 0 << false << false << 0 << false << "poor";
        QTest::newRow("forged extra answer ids do not score") << 0 << true << false << 0 << false << "poor";
        QTest::newRow("a second answer to a question does not count")
            << 0 << false << true << 0 << false << "poor";
    }
    void scoredByTheServer()
    {
        QFETCH(int, rightAnswers);
        QFETCH(bool, forgeExtras);
        QFETCH(bool, secondGuess);
        QFETCH(int, percent);
        QFETCH(bool, passed);
        QFETCH(QString, gradeKey);

        const auto started = ServiceFixture::wait(m_sessions->start(PageData::sessionStart()));
        QVERIFY(started);
        m_fixture->announcer().clear();
        QList<Contract::Answer> answers;
        QSet<QString> drawn;
        for (int i = 0; i < started->questions.size(); ++i) {
            drawn.insert(started->questions[i].id);
            answers.append(answer(started->questions[i].id, i < rightAnswers ? "a" : "b"));
        }
        if (secondGuess)
            for (const auto &q : started->questions)
                answers.append(answer(q.id, "a"));
        if (forgeExtras) {
            for (int i = 1; i <= PageData::kBankSize; ++i)
                if (!drawn.contains(QStringLiteral("q%1").arg(i)))
                    answers.append(answer(QStringLiteral("q%1").arg(i), "a"));
            answers.append(answer("forged", "a"));
        }
        const qint64 certificatesBefore = m_fixture->scalar("SELECT count(*) FROM certificates").toLongLong();

        const auto outcome = ServiceFixture::wait(m_results->submit(
            {started->id, answers, answersJson(answers), QJsonObject{{"focusLossCount", 2}}}));
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        QVERIFY(!outcome->replayed);
        QCOMPARE(outcome->score.total, PageData::kPerAttempt);
        QCOMPARE(outcome->score.correct, qMin(rightAnswers, PageData::kPerAttempt));
        QCOMPARE(outcome->score.percent, percent);
        QCOMPARE(outcome->passed, passed);
        QCOMPARE(outcome->grade.key, gradeKey);
        QCOMPARE(outcome->testId, QStringLiteral("known"));

        const QString sid = started->id.toString(QUuid::WithoutBraces);
        QCOMPARE(
            m_fixture->scalar(QStringLiteral("SELECT status || ' ' || score || ' ' || passed FROM sessions "
                                             "WHERE id = '%1'")
                                  .arg(sid)),
            QStringLiteral("completed %1 %2").arg(percent).arg(passed ? "true" : "false"));
        QCOMPARE(m_fixture->scalar(
                     QStringLiteral("SELECT focus_loss_count FROM session_telemetry WHERE session_id = '%1'")
                         .arg(sid)),
                 QStringLiteral("2"));
        QCOMPARE(
            outcome->finishedAt.toMSecsSinceEpoch(),
            m_fixture
                ->scalar(QStringLiteral("SELECT floor(extract(epoch FROM finished_at) * 1000)::bigint FROM "
                                        "sessions WHERE id = '%1'")
                             .arg(sid))
                .toLongLong());

        if (passed) {
            QVERIFY(outcome->certificate);
            // YY/MM of the finishing time (UTC), then the month's counter.
            static const QRegularExpression format(QStringLiteral("^\\d{2}/\\d{2}-\\d{4}$"));
            QVERIFY2(format.match(outcome->certificate->number).hasMatch(),
                     qPrintable(outcome->certificate->number));
            QCOMPARE(
                outcome->certificate->number.left(5),
                m_fixture->scalar(
                    QStringLiteral("SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YY/MM') FROM sessions "
                                   "WHERE id = '%1'")
                        .arg(sid)));
            QCOMPARE(outcome->certificate->issuedAt, outcome->finishedAt);
            QCOMPARE(outcome->certificate->verifyUrl,
                     QStringLiteral("https://exam.example/verify.html?number=") +
                         QString(outcome->certificate->number).replace("/", "%2F") + "&code=" +
                         outcome->certificate->code);
            QCOMPARE(
                m_fixture->scalar(
                    QStringLiteral("SELECT holder_name || '|' || score FROM certificates WHERE number = '%1'")
                        .arg(outcome->certificate->number)),
                QStringLiteral("Иванов Иван Иванович|%1").arg(percent));
            QCOMPARE(m_fixture->scalar("SELECT count(*) FROM certificates").toLongLong(),
                     certificatesBefore + 1);
        } else {
            QVERIFY(!outcome->certificate);
            QCOMPARE(m_fixture->scalar("SELECT count(*) FROM certificates").toLongLong(), certificatesBefore);
            QVERIFY(Http::Json::toJson(*outcome).value("certificate").isNull());
        }

        const auto messages = m_fixture->announcer().messages();
        QCOMPARE(messages.size(), 1);
        const auto *saved = std::get_if<Contract::ResultSaved>(&messages.first());
        QVERIFY(saved);
        QCOMPARE(saved->sessionId, started->id);
        QCOMPARE(saved->score, double(percent));
        QCOMPARE(saved->passed, passed);
    }

    void consecutivePassesGetConsecutiveNumbers()
    {
        QStringList numbers;
        for (int i = 0; i < 2; ++i) {
            const auto outcome = pass();
            QVERIFY(outcome && outcome->certificate);
            numbers.append(outcome->certificate->number);
        }
        QCOMPARE(numbers[0].left(5), numbers[1].left(5));
        QCOMPARE(numbers[1].mid(6).toInt(), numbers[0].mid(6).toInt() + 1);
    }

    void resubmissionReplaysTheFirstOutcome()
    {
        const auto started = ServiceFixture::wait(m_sessions->start(PageData::sessionStart()));
        QVERIFY(started);
        QList<Contract::Answer> right;
        QList<Contract::Answer> wrong;
        for (const auto &q : started->questions) {
            right.append(answer(q.id, "a"));
            wrong.append(answer(q.id, "b"));
        }
        const auto first =
            ServiceFixture::wait(m_results->submit({started->id, right, answersJson(right), {}}));
        QVERIFY(first && first->certificate);
        const QString counters = m_fixture->scalar("SELECT string_agg(period || ':' || last_value, ',') FROM "
                                                   "document_counters");
        const QString certificates = m_fixture->scalar("SELECT count(*) FROM certificates");
        const std::string metricsBefore = m_metrics.render();
        m_fixture->announcer().clear();

        // A worse resubmission gets the first outcome, byte for byte on the wire, and changes nothing.
        QTest::qWait(5); // a later clock would show in finishedAt if the result were recomputed
        const auto again =
            ServiceFixture::wait(m_results->submit({started->id, wrong, answersJson(wrong), {}}));
        QVERIFY(again);
        QVERIFY(again->replayed);
        QCOMPARE(QJsonDocument(Http::Json::toJson(*again)).toJson(QJsonDocument::Compact),
                 QJsonDocument(Http::Json::toJson(*first)).toJson(QJsonDocument::Compact));
        QCOMPARE(again->score, first->score);
        QCOMPARE(again->certificate->number, first->certificate->number);
        QCOMPARE(
            m_fixture->scalar("SELECT string_agg(period || ':' || last_value, ',') FROM document_counters"),
            counters);
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM certificates"), certificates);
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT score FROM sessions WHERE id = '%1'")
                                       .arg(started->id.toString(QUuid::WithoutBraces))),
                 QStringLiteral("100"));
        QVERIFY(m_fixture->announcer().messages().isEmpty()); // announced once, by the first submission
        QCOMPARE(m_metrics.render(), metricsBefore);          // counted once
    }

    void refusals()
    {
        const auto study =
            ServiceFixture::wait(m_sessions->start(PageData::sessionStart(QStringLiteral("study"))));
        QVERIFY(study);
        m_fixture->announcer().clear();
        const auto studyResult = ServiceFixture::wait(m_results->submit({study->id, {}, {}, {}}));
        QVERIFY(!studyResult);
        QCOMPARE(studyResult.error().code, ErrorCode::Conflict);
        QCOMPARE(studyResult.error().field, QStringLiteral("sessionId"));
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'")
                                       .arg(study->id.toString(QUuid::WithoutBraces))),
                 QStringLiteral("in_progress"));

        const auto unknown = ServiceFixture::wait(m_results->submit({QUuid::createUuid(), {}, {}, {}}));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QVERIFY(m_fixture->announcer().messages().isEmpty());
    }

private:
    Expected<Services::ResultOutcome> pass()
    {
        const auto started = ServiceFixture::wait(m_sessions->start(PageData::sessionStart()));
        if (!started)
            return tl::unexpected(started.error());
        QList<Contract::Answer> right;
        for (const auto &q : started->questions)
            right.append(answer(q.id, "a"));
        return ServiceFixture::wait(m_results->submit({started->id, right, answersJson(right), {}}));
    }

    Metrics m_metrics;
    const Auth::SessionTokenSigner m_tokens{QByteArray("service-test-secret-of-enough-length")};
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<Storage::TestCatalog> m_catalog;
    std::unique_ptr<Services::SessionService> m_sessions;
    std::unique_ptr<Services::ResultService> m_results;
};

QTEST_GUILESS_MAIN(TestResultService)
#include "tst_resultservice.moc"
