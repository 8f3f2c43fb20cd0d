// SPDX-License-Identifier: MIT
// Finishing a test session: score against the key, store answers and telemetry, and for a pass take the
// next certificate number of the month under a row lock, all in one transaction. Idempotent per session.
#pragma once

#include <pqxx/pqxx>

#include <QJsonObject>
#include <QUuid>

#include "contract/testdefinition.h"
#include "core/error.h"

namespace Proctor::Collector::Storage {

struct ResultSubmission
{
    QUuid sessionId;
    QList<Contract::Answer> answers;
    QJsonArray answersJson;
    QJsonObject telemetry;
    QString publicUrl; // base of the verification link
};

struct ResultOutcome
{
    QJsonObject body; // exactly what the first submission answered
    bool replayed = false;
    bool passed = false;
    QString certificateNumber;
    QString testId;
};

namespace ResultRepository {

Expected<ResultOutcome> submit(pqxx::connection &c, const ResultSubmission &submission,
                               const Contract::TestDefinition &test);
// The test a session belongs to, and its kind ("test" / "study"); NotFound when there is no such session.
Expected<std::pair<QString, QString>> sessionTest(pqxx::connection &c, const QUuid &sessionId);

// "26/11" + 7 -> "26/11-0007"
QString formatCertificateNumber(const QString &period, qint64 value);

} // namespace ResultRepository
} // namespace Proctor::Collector::Storage
