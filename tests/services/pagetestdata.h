// SPDX-License-Identifier: MIT
// What the candidate-page service tests share: a test definition whose key is known, and a session start.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include "services/sessionservice.h"

namespace Proctor::Testing::PageData {

inline constexpr int kBankSize = 12;
inline constexpr int kPerAttempt = 10;

// kBankSize questions q1..q12, kPerAttempt drawn per attempt, the right option always "a", pass at 80 %, and
// one study module with a self-check question.
inline QJsonObject knownTest(const QString &id = QStringLiteral("known"),
                             const QString &title = QStringLiteral("Known answers"))
{
    QJsonArray questions;
    for (int i = 1; i <= kBankSize; ++i)
        questions.append(
            QJsonObject{{"id", QStringLiteral("q%1").arg(i)},
                        {"text", QStringLiteral("Question %1").arg(i)},
                        {"explanation", QStringLiteral("because a")},
                        {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "right"}},
                                               QJsonObject{{"id", "b"}, {"text", "wrong"}},
                                               QJsonObject{{"id", "c"}, {"text", "also wrong"}}}},
                        {"correct", QJsonArray{"a"}}});
    const QJsonObject selfCheck{{"id", "s1"},
                                {"text", "Self check"},
                                {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "yes"}},
                                                       QJsonObject{{"id", "b"}, {"text", "no"}}}},
                                {"correct", QJsonArray{"a"}}};
    return QJsonObject{
        {"id", id},
        {"title", title},
        {"description", "for tests"},
        {"locale", "en"},
        {"passThreshold", 80},
        {"questionsPerAttempt", kPerAttempt},
        {"timeLimitSeconds", 600},
        {"questions", questions},
        {"study", QJsonObject{{"modules", QJsonArray{QJsonObject{{"id", "m1"},
                                                                 {"title", "Module"},
                                                                 {"paragraphs", QJsonArray{"Read this."}},
                                                                 {"selfCheck", QJsonArray{selfCheck}}}}}}}};
}

inline QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

inline Collector::Services::SessionStart sessionStart(const QString &kind = QStringLiteral("test"),
                                                      const QString &testId = QStringLiteral("known"),
                                                      const QString &lastName = QStringLiteral("Иванов"))
{
    Collector::Services::SessionStart s;
    s.testId = testId;
    s.kind = kind;
    s.locale = QStringLiteral("ru");
    s.candidate.lastName = lastName;
    s.candidate.firstName = QStringLiteral("Иван");
    s.candidate.middleName = QStringLiteral("Иванович");
    s.candidate.position = QStringLiteral("Консультант"); // one of the seeded positions
    s.candidate.persistentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.fingerprintHash = QString(64, QLatin1Char('a'));
    s.fingerprint = QJsonObject{{"platform", "Linux"}};
    s.clientAddress = QHostAddress(QStringLiteral("192.0.2.10"));
    s.userAgent = QStringLiteral("service test");
    s.apiKeyId = 7;
    return s;
}

} // namespace Proctor::Testing::PageData
