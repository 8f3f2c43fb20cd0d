// SPDX-License-Identifier: MIT
#include "http/json/testjson.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::TestSummary &t)
{
    return QJsonObject{{QStringLiteral("id"), t.id},
                       {QStringLiteral("title"), t.title},
                       {QStringLiteral("description"), t.description},
                       {QStringLiteral("questionsPerAttempt"), t.questionsPerAttempt},
                       {QStringLiteral("timeLimitSeconds"), t.timeLimitSeconds},
                       {QStringLiteral("passThreshold"), t.passThreshold},
                       {QStringLiteral("hasStudy"), t.hasStudy},
                       {QStringLiteral("access"), t.access}};
}

QJsonArray toJson(const QList<Services::TestSummary> &tests)
{
    QJsonArray out;
    for (const auto &t : tests)
        out.append(toJson(t));
    return out;
}

QJsonObject toPublicJson(const Contract::TestDefinition &test)
{
    return test.publicJson();
}

} // namespace Proctor::Collector::Http::Json
