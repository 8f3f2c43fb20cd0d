// SPDX-License-Identifier: MIT
#include "http/json/testjson.h"

#include "http/json/attemptpolicyjson.h"

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

QJsonArray toAdminJson(const QList<Services::TestSummary> &tests)
{
    QJsonArray out;
    for (const auto &t : tests) {
        QJsonObject o = toJson(t);
        o.insert(QStringLiteral("attemptPolicy"), toJson(t.attemptPolicy));
        o.insert(QStringLiteral("rosterEntries"), t.rosterEntries);
        out.append(o);
    }
    return out;
}

QJsonObject toPublicJson(const Contract::TestDefinition &test)
{
    return test.publicJson();
}

} // namespace Proctor::Collector::Http::Json
