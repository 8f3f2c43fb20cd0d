// SPDX-License-Identifier: MIT
#include "http/json/dashboardjson.h"

#include <QJsonArray>

#include "http/json/reviewjsonvalues.h"

namespace Proctor::Collector::Http::Json {
namespace {

QJsonObject metricJson(const Services::DashboardMetric &m)
{
    return QJsonObject{{QStringLiteral("value"), nullableJson(m.value)},
                       {QStringLiteral("last7Days"), nullableJson(m.last7Days)},
                       {QStringLiteral("previous7Days"), nullableJson(m.previous7Days)},
                       {QStringLiteral("change"), nullableJson(m.change)}};
}

} // namespace

QJsonObject toJson(const Services::Dashboard &d)
{
    QJsonArray perDay;
    for (const Storage::DayCount &day : d.perDay)
        perDay.append(QJsonObject{{QStringLiteral("date"), day.day.toString(Qt::ISODate)},
                                  {QStringLiteral("completed"), day.completed},
                                  {QStringLiteral("passed"), day.passed}});
    QJsonArray top;
    for (const Storage::AnomalousCandidate &c : d.topCandidatesByAnomalies)
        top.append(QJsonObject{{QStringLiteral("candidateId"), c.candidateId},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("anomalies"), c.anomalies},
                               {QStringLiteral("sessions"), c.sessions}});
    return QJsonObject{{QStringLiteral("days"), d.days},
                       {QStringLiteral("completed"), metricJson(d.completed)},
                       {QStringLiteral("averageScore"), metricJson(d.averageScore)},
                       {QStringLiteral("anomalies"), metricJson(d.anomalies)},
                       {QStringLiteral("uniqueCandidates"), metricJson(d.uniqueCandidates)},
                       {QStringLiteral("passRate"), metricJson(d.passRate)},
                       {QStringLiteral("perDay"), perDay},
                       {QStringLiteral("grades"), countsJson(d.grades)},
                       {QStringLiteral("violationsByType"), countsJson(d.violationsByType)},
                       {QStringLiteral("topCandidatesByAnomalies"), top}};
}

} // namespace Proctor::Collector::Http::Json
