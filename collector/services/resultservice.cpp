// SPDX-License-Identifier: MIT
#include "services/resultservice.h"

#include <QUrl>

#include "live/announcer.h"
#include "services/assessmentservice.h"
#include "storage/assessmentrepository.h"
#include "observability/metrics.h"
#include "services/sessionservice.h"
#include "storage/attemptrepository.h"
#include "services/certificateservice.h"
#include "storage/certificaterepository.h"
#include "storage/dbpool.h"
#include "storage/resultrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Services {
namespace {

QString holderName(const Storage::SessionForResult &s)
{
    return QStringList{s.lastName, s.firstName, s.middleName}.join(QLatin1Char(' ')).simplified();
}

} // namespace

ResultService::ResultService(Storage::DbPool &db, Storage::TestCatalog &tests, Live::Announcer &announcer,
                             Metrics &metrics, QString publicUrl)
    : m_db(db), m_tests(tests), m_announcer(announcer), m_metrics(metrics), m_publicUrl(std::move(publicUrl))
{
}

QString ResultService::formatCertificateNumber(const QString &period, qint64 value)
{
    return period + QLatin1Char('-') + QStringLiteral("%1").arg(value, 4, 10, QLatin1Char('0'));
}

QString ResultService::verifyUrl(const QString &number, const QString &code) const
{
    return m_publicUrl + QStringLiteral("/verify.html?number=") +
           QString::fromLatin1(QUrl::toPercentEncoding(number)) + QStringLiteral("&code=") + code;
}

QFuture<Expected<ResultOutcome>> ResultService::submit(ResultSubmission submission)
{
    return m_db.run<ResultOutcome>(
        [this, submission = std::move(submission)](pqxx::connection &c) { return submitOn(c, submission); });
}

Expected<ResultOutcome> ResultService::submitOn(pqxx::connection &c, const ResultSubmission &submission)
{
    // The test is read before the transaction (the catalog uses the connection on its own).
    const auto owner = Storage::ResultRepository::sessionTest(c, submission.sessionId);
    if (!owner)
        return tl::unexpected(owner.error());
    const auto test = m_tests.get(c, owner->first);
    if (!test)
        return tl::unexpected(test.error());

    pqxx::work tx(c);
    const auto session = Storage::ResultRepository::lockSession(tx, submission.sessionId);
    if (!session)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("sessionId"));

    ResultOutcome out;
    out.sessionId = submission.sessionId;
    out.testId = session->testId;
    if (session->finished) {
        // Resubmission: the first outcome stands, whatever this one says.
        const auto stored = Storage::ResultRepository::storedResult(tx, submission.sessionId);
        if (!stored)
            return makeError(ErrorCode::Internal, QStringLiteral("a completed session without its result"));
        out.score = stored->score;
        out.grade = Contract::grade(stored->score.percent);
        out.passed = stored->passed;
        out.finishedAt = stored->finishedAt;
        if (!stored->certificateNumber.isEmpty())
            out.certificate = IssuedCertificate{stored->certificateNumber, stored->certificateIssuedAt,
                                                verifyUrl(stored->certificateNumber, stored->certificateCode),
                                                stored->certificateCode};
        out.replayed = true;
        disclose(
            tx, **test, session->candidateId, session->questionIds,
            Contract::answersFromJson(Storage::AttemptRepository::storedAnswers(tx, submission.sessionId)),
            out);
        return out;
    }
    if (Storage::AttemptRepository::status(tx, submission.sessionId) == QLatin1String("expired"))
        return makeError(ErrorCode::Conflict, QStringLiteral("the attempt's time ran out; it was closed"),
                         QStringLiteral("sessionId"));
    if (session->kind != QLatin1String("test"))
        return makeError(ErrorCode::Conflict, QStringLiteral("study sessions have no result"),
                         QStringLiteral("sessionId"));

    // Only the questions drawn for this attempt count: answers to any other id are ignored.
    const Contract::TestDefinition &definition = **test;
    out.score = definition.scoreAnswers(submission.answers, session->questionIds);
    out.grade = Contract::grade(out.score.percent);
    out.passed = definition.isPassed(out.score.percent);
    out.finishedAt = Storage::ResultRepository::transactionTime(tx);

    if (out.passed) {
        const QString period = out.finishedAt.toString(QStringLiteral("yy/MM"));
        const QString number =
            formatCertificateNumber(period, Storage::ResultRepository::nextCertificateValue(tx, period));
        const QString code = CertificateService::newVerificationCode();
        Storage::CertificateRepository::insert(
            tx, Storage::NewCertificate{number, submission.sessionId, session->candidateId, out.testId,
                                        holderName(*session), session->position, out.score.percent, code});
        out.certificate = IssuedCertificate{number, out.finishedAt, verifyUrl(number, code), code};
    }
    Storage::ResultRepository::finish(tx, submission.sessionId, out.score, out.passed, out.grade.number,
                                      submission.answersJson);
    Storage::ResultRepository::storeTelemetry(tx, submission.sessionId, submission.telemetry);
    // The result changes the assessment (overtime, answer speed, the attempt's shape): re-assess soon.
    Storage::AssessmentRepository::enqueue(tx, {submission.sessionId},
                                           {AssessmentService::kRelatedDelaySeconds});
    disclose(tx, definition, session->candidateId, session->questionIds, submission.answers, out);
    tx.commit();

    recordMetrics(out);
    m_announcer.announce(Contract::ResultSaved{out.sessionId, double(out.score.percent), out.passed});
    return out;
}

void ResultService::disclose(pqxx::transaction_base &tx, const Contract::TestDefinition &definition,
                             qint64 candidateId, const QStringList &questionIds,
                             const QList<Contract::Answer> &answers, ResultOutcome &out)
{
    out.policy = definition.attemptPolicy();
    const auto history =
        Storage::AttemptRepository::history(tx, candidateId, out.testId, SessionService::kGraceSeconds, 0);
    out.attemptsUsed = history.used;
    out.attemptsLeft = qMax(0, out.policy.maxAttempts - history.used);
    if (out.attemptsLeft > 0 && out.policy.minSecondsBetweenAttempts > 0 && history.lastEndedAt.isValid()) {
        const QDateTime next = history.lastEndedAt.addSecs(out.policy.minSecondsBetweenAttempts);
        if (next > QDateTime::currentDateTimeUtc())
            out.nextAttemptAt = next;
    }
    if (out.policy.disclosure != QLatin1String("review") || (!out.passed && out.attemptsLeft > 0))
        return;
    // One question at a time through the same scoring rule: right only when the chosen set is exact.
    for (const auto &id : questionIds) {
        if (definition.scoreAnswers(answers, QStringList{id}).correct == 0)
            if (const auto *q = definition.findQuestion(id))
                out.wrongQuestions.append(*q);
    }
}

void ResultService::recordMetrics(const ResultOutcome &outcome)
{
    const std::string test = outcome.testId.toStdString();
    m_metrics.counterFamily("proctor_tests_completed_total", "Tests completed, by test and outcome")
        .Add({{"test", test}, {"outcome", outcome.passed ? "passed" : "failed"}})
        .Increment();
    if (outcome.passed)
        m_metrics.counterFamily("proctor_certificates_issued_total", "Certificates issued, by test")
            .Add({{"test", test}})
            .Increment();
}

} // namespace Proctor::Collector::Services
