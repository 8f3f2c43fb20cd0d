// SPDX-License-Identifier: MIT
// What the review queries read, as plain values: one struct per row kind. Nullable columns are
// std::optional (or an invalid QDateTime); JSON that is data by nature (event details, fingerprint
// attributes, stored telemetry) stays a QJsonValue. The wire shapes are in collector/http/json/.
#pragma once

#include <optional>

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace Proctor::Collector::Storage {

// A page of a keyset-paged list: `nextCursor` is empty on the last page.
template <typename Row> struct Page
{
    QList<Row> items;
    QString nextCursor;
};

// Event counts per violation type, only the types that occurred (the stored sessions.violations).
using ViolationCounts = QMap<QString, qint64>;

// The proctor's decision on a session (sessions.review_state): 0 unreviewed, 1 cleared, 2 violation
// confirmed, 3 needs a second look. The wire names are in reviewStateName().
enum class ReviewState : int
{
    Unreviewed = 0,
    Cleared = 1,
    Violation = 2,
    SecondLook = 3
};

inline QString reviewStateName(ReviewState s)
{
    switch (s) {
    case ReviewState::Cleared:
        return QStringLiteral("cleared");
    case ReviewState::Violation:
        return QStringLiteral("violation");
    case ReviewState::SecondLook:
        return QStringLiteral("second_look");
    case ReviewState::Unreviewed:
        break;
    }
    return QStringLiteral("unreviewed");
}

// sessions.risk_level 0..2 as its wire name.
inline QString riskLevelName(int level)
{
    return level >= 2   ? QStringLiteral("high")
           : level == 1 ? QStringLiteral("medium")
                        : QStringLiteral("low");
}

struct CandidateSummary
{
    qint64 id = 0;
    QString lastName;
    QString firstName;
    QString middleName;
    QString position;
};

// The stored risk assessment's score and level (sessions.risk_score, risk_level), as every reader shows it.
struct ListRisk
{
    int score = 0;
    QString level = QStringLiteral("low"); // low | medium | high
};

struct ResultRow
{
    QUuid sessionId;
    QString testId;
    QString testTitle;
    CandidateSummary candidate;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<qint64> durationSeconds;
    std::optional<int> score;
    std::optional<bool> passed;
    std::optional<QString> certificateNumber;
    QString fingerprintHash;
    ListRisk risk;
    ViolationCounts violations;
    qint64 violationCount = 0;
    ReviewState reviewState = ReviewState::Unreviewed;
};
using ResultPage = Page<ResultRow>;

struct SessionCertificate
{
    QString number;
    QDateTime issuedAt;
    bool revoked = false;
};

// One session with everything the detail view shows except the reviewed answers, which need the test
// definition (ReviewService joins them).
struct SessionRecord
{
    QUuid sessionId;
    QString kind;
    QString status;
    QString locale;
    QString testId;
    QString testTitle;
    int passThreshold = 0;
    CandidateSummary candidate;
    std::optional<QString> email;
    QString persistentId;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<qint64> durationSeconds;
    int timeLimitSeconds = 0;
    qint64 overtimeSeconds = 0;
    std::optional<int> score;
    std::optional<int> correct;
    std::optional<int> total;
    std::optional<bool> passed;
    std::optional<SessionCertificate> certificate;
    QString fingerprintHash;
    QJsonValue fingerprintAttributes;
    std::optional<QString> clientIp;
    std::optional<QString> userAgent;
    ViolationCounts violations;
    qint64 eventCount = 0;
    QDateTime lastEventAt;
    ListRisk risk;
    qint64 violationCount = 0;
    ReviewState reviewState = ReviewState::Unreviewed;
    QDateTime assessedAt;          // invalid: not assessed yet
    QStringList questionIds;       // drawn for this attempt, in order
    QJsonArray answers;            // as submitted: [{questionId, optionIds}]
    QJsonArray telemetryQuestions; // as submitted: [{questionId, latencyMs, answerChanges}]
};

struct TimelineEvent
{
    QUuid eventId;
    int seq = 0;
    QString type;
    QDateTime clientTs;
    QDateTime receivedAt;
    QJsonValue details;
    bool afterFinish = false;
    bool violation = false;
};
using TimelinePage = Page<TimelineEvent>;

// Stored telemetry; `submitted` false (and empty values) until the result arrives.
struct TelemetryRecord
{
    bool submitted = false;
    QJsonValue questions;
    QJsonValue mouse;
    QJsonValue keystrokes;
    qint64 focusLossCount = 0;
    qint64 blurMs = 0;
    QJsonValue viewport;
};

struct AbandonedRow
{
    QUuid sessionId;
    QString kind;
    QString testId;
    QString testTitle;
    CandidateSummary candidate;
    QDateTime startedAt;
    QDateTime lastEventAt;
    qint64 eventCount = 0;
    ViolationCounts violations;
    QString fingerprintHash;
};
using AbandonedPage = Page<AbandonedRow>;

struct CertificateRow
{
    QString number;
    QString holderName;
    QString position;
    QString testId;
    QString testTitle;
    int score = 0;
    QDateTime issuedAt;
    QUuid sessionId;
    bool revoked = false;
    qint64 candidateId = 0;
};
using CertificatePage = Page<CertificateRow>;

struct CandidateHit
{
    CandidateSummary candidate;
    std::optional<QString> email;
    qint64 sessionCount = 0;
};

struct SessionHit
{
    QUuid sessionId;
    QString kind;
    QString status;
    QString testId;
    std::optional<int> score;
    std::optional<bool> passed;
    QDateTime startedAt;
    CandidateSummary candidate;
};

struct CertificateHit
{
    QString number;
    QString holderName;
    QString testId;
    int score = 0;
    QDateTime issuedAt;
    QUuid sessionId;
    bool revoked = false;
};

// At most ten of each, best first.
struct SearchHits
{
    QList<CandidateHit> candidates;
    QList<SessionHit> sessions;
    QList<CertificateHit> certificates;
};

// The dashboard's raw aggregates over finished test sessions (ReviewDashboard::read).
struct DashboardWindows
{
    // The period (the last `days` days), the last 7 days and the 7 days before; nullopt where SQL gave NULL
    // (an average over no rows).
    std::optional<double> period;
    std::optional<double> last7Days;
    std::optional<double> previous7Days;
};

struct DayCount
{
    QDate day;
    qint64 completed = 0;
    qint64 passed = 0;
};

struct ScoreCount
{
    int score = 0;
    qint64 sessions = 0;
};

struct AnomalousCandidate
{
    qint64 candidateId = 0;
    QString name;
    qint64 anomalies = 0; // stored violation counts summed
    qint64 sessions = 0;  // sessions with at least one
};

struct DashboardAggregates
{
    DashboardWindows completed;
    DashboardWindows averageScore;
    DashboardWindows anomalies; // sessions whose stored risk level is not low
    DashboardWindows uniqueCandidates;
    DashboardWindows passRate; // percent
    QList<DayCount> perDay;    // every day of the period, oldest first
    QList<ScoreCount> scores;  // finished sessions of the period per score
    ViolationCounts violationsByType;
    QList<AnomalousCandidate> topCandidates; // at most ten, most violations first
};

} // namespace Proctor::Collector::Storage
