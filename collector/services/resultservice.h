// SPDX-License-Identifier: MIT
// Finishing a test: the server scores the answers against the attempt's questions, grades, and for a pass
// issues the next certificate number of the month (YY/MM-NNNN), all in one transaction; then it counts the
// outcome in the metrics and announces ResultSaved. A resubmission gets the first outcome back, unchanged.
#pragma once

#include <optional>

#include <pqxx/connection>

#include <QDateTime>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include "contract/testdefinition.h"
#include "core/error.h"

namespace Proctor::Collector {
class Metrics;
namespace Live {
class Announcer;
}
namespace Storage {
class DbPool;
class TestCatalog;
} // namespace Storage
} // namespace Proctor::Collector

namespace Proctor::Collector::Services {

struct ResultSubmission
{
    QUuid sessionId;
    QList<Contract::Answer> answers;
    QJsonArray answersJson; // the answers as submitted, stored with the session for review
    QJsonObject telemetry;  // keystrokes, mouse, focus: JSON by nature, stored as it came
};

struct IssuedCertificate
{
    QString number; // YY/MM-NNNN
    QDateTime issuedAt;
    QString verifyUrl; // where anyone can check it: carries the number and the code
    QString code;      // the verification code, printed on the certificate
};

struct ResultOutcome
{
    QUuid sessionId;
    QString testId;
    Contract::Score score;
    Contract::Grade grade;
    bool passed = false;
    QDateTime finishedAt; // UTC, millisecond precision
    std::optional<IssuedCertificate> certificate;
    bool replayed = false; // a resubmission: this is the first submission's outcome

    // What the test's attempt policy lets the candidate see (http/json/resultjson applies it), and what
    // is left. `wrongQuestions` is filled only under `review` once passed or out of attempts.
    Contract::AttemptPolicy policy;
    int attemptsUsed = 0;
    int attemptsLeft = 0;
    QDateTime nextAttemptAt; // invalid when no cooldown applies (or no attempts are left)
    QList<Contract::Question> wrongQuestions;
};

class ResultService
{
public:
    // `publicUrl` is the base of the certificates' verification links.
    ResultService(Storage::DbPool &db, Storage::TestCatalog &tests, Live::Announcer &announcer,
                  Metrics &metrics, QString publicUrl);

    // NotFound (sessionId) for an unknown session, Conflict (sessionId) for a study session.
    QFuture<Expected<ResultOutcome>> submit(ResultSubmission submission);

    // "26/11" + 7 -> "26/11-0007"
    static QString formatCertificateNumber(const QString &period, qint64 value);

private:
    Expected<ResultOutcome> submitOn(pqxx::connection &c, const ResultSubmission &submission);
    void recordMetrics(const ResultOutcome &outcome);
    QString verifyUrl(const QString &number, const QString &code) const;
    // The attempt counts and the disclosed wrong questions, from the database as it is in `tx`.
    void disclose(pqxx::transaction_base &tx, const Contract::TestDefinition &definition, qint64 candidateId,
                  const QStringList &questionIds, const QList<Contract::Answer> &answers, ResultOutcome &out);

    Storage::DbPool &m_db;
    Storage::TestCatalog &m_tests;
    Live::Announcer &m_announcer;
    Metrics &m_metrics;
    QString m_publicUrl;
};

} // namespace Proctor::Collector::Services
