// SPDX-License-Identifier: MIT
// What ReviewService answers: the records the review queries read (storage/reviewrecords.h), plus the
// values the service composes from them (the reviewed answers of a session, the dashboard statistics).
#pragma once

#include <optional>

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "contract/testdefinition.h"
#include "storage/reviewrecords.h"

namespace Proctor::Collector::Services {

using Storage::AbandonedPage;
using Storage::AbandonedRow;
using Storage::AnomalousCandidate;
using Storage::CandidateSummary;
using Storage::CertificatePage;
using Storage::CertificateRow;
using Storage::DayCount;
using Storage::SearchHits;
using Storage::SessionRecord;
using Storage::TelemetryRecord;
using Storage::TimelineEvent;
using Storage::TimelinePage;
using Storage::ViolationCounts;

// A results row with its grade (from the score; nullopt without a score).
struct ResultItem
{
    Storage::ResultRow row;
    std::optional<Contract::Grade> grade;
};

struct ResultList
{
    QList<ResultItem> items;
    QString nextCursor; // empty on the last page
};

// One drawn question of a session: what was asked, what the candidate chose and the key, from the test
// definition (the key stays on the server and in admin hands).
struct AnswerReview
{
    QString questionId;
    bool known = false; // false: the question is no longer in the test definition (no text, options or key)
    QString text;
    QList<Contract::Option> options;
    QStringList chosen;
    QStringList correct;
    bool answered = false;
    bool isCorrect = false;
    // From the stored telemetry, as submitted; undefined when the page sent nothing for this question.
    QJsonValue latencyMs = QJsonValue(QJsonValue::Undefined);
    QJsonValue answerChanges = QJsonValue(QJsonValue::Undefined);
};

struct SessionDetail
{
    SessionRecord session;
    std::optional<Contract::Grade> grade;
    QList<AnswerReview> answers; // in the order the questions were drawn
};

// A figure over the period with its last-7-days and previous-7-days values and the change between those
// (percent); nullopt where there is nothing to show (no rows, or nothing to compare with).
struct DashboardMetric
{
    std::optional<double> value;
    std::optional<double> last7Days;
    std::optional<double> previous7Days;
    std::optional<double> change;
};

struct Dashboard
{
    int days = 30;
    DashboardMetric completed;
    DashboardMetric averageScore;
    DashboardMetric anomalies;
    DashboardMetric uniqueCandidates;
    DashboardMetric passRate;
    QList<DayCount> perDay;
    QMap<QString, qint64> grades;     // every grade key, zero included
    ViolationCounts violationsByType; // every violation type, zero included
    QList<AnomalousCandidate> topCandidatesByAnomalies;
};

} // namespace Proctor::Collector::Services
