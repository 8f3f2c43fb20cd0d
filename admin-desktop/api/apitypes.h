// SPDX-License-Identifier: MIT
// Value types of the admin API (docs/api.md, "Admin API" and "Analysis"), parsed from JSON in one place.
#pragma once

#include <optional>
#include <vector>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "analysis/keystrokes.h"
#include "analysis/trajectory.h"

namespace Proctor::Admin::Api {

QDateTime parseTime(const QJsonValue &value);
QMap<QString, int> parseCounts(const QJsonValue &value);

struct Candidate
{
    QString id;
    QString lastName;
    QString firstName;
    QString middleName;
    QString position;
    QString email;

    QString fullName() const;  // "Иванов Иван Иванович"
    QString shortName() const; // "Иванов И. И."
    static Candidate fromJson(const QJsonObject &o);
};

struct AdminAccount
{
    QString id;
    QString email;
    QString role;
    QString displayName;
    static AdminAccount fromJson(const QJsonObject &o);
};

struct LoginResult
{
    QByteArray token;
    QDateTime expiresAt;
    AdminAccount admin;
};

struct ResultRow
{
    QString sessionId;
    QString testId;
    QString testTitle;
    Candidate candidate;
    QDateTime startedAt;
    QDateTime finishedAt;
    int durationSeconds = 0;
    double score = 0;
    bool passed = false;
    int gradeNumber = 0;
    QString gradeKey;
    QString certificateNumber;
    QString fingerprintHash;
    double riskScore = 0;
    QString riskLevel;
    QString reviewState = QStringLiteral("unreviewed"); // unreviewed | cleared | violation | second_look
    QMap<QString, int> violations;

    int violationTotal() const;
    static ResultRow fromJson(const QJsonObject &o);
};

struct AnswerOption
{
    QString id;
    QString text;
};

struct Answer
{
    QString questionId;
    QString text;
    QList<AnswerOption> options;
    QStringList chosen;
    QStringList correct;
    bool isCorrect = false;
    qint64 latencyMs = 0;
    int answerChanges = 0;
};

struct SessionDetail
{
    QString sessionId;
    QString kind;
    QString status;
    QString testId;
    QString testTitle;
    double passThreshold = 0;
    Candidate candidate;
    QDateTime startedAt;
    QDateTime finishedAt;
    int durationSeconds = 0;
    int timeLimitSeconds = 0; // 0: no limit
    int overtimeSeconds = 0;  // stored this long after the limit ran out (measured by the server)
    double score = 0;
    int correct = 0;
    int total = 0;
    bool passed = false;
    int gradeNumber = 0;
    QString gradeKey;
    QString certificateNumber;
    QDateTime certificateIssuedAt;
    QString fingerprintHash;
    QJsonObject fingerprintAttributes;
    QString clientIp;
    QString userAgent;
    QList<Answer> answers;
    QMap<QString, int> violations;
    int eventCount = 0;

    bool isValid() const { return !sessionId.isEmpty(); }
    static SessionDetail fromJson(const QJsonObject &o);
};

struct EventItem
{
    QString eventId;
    qint64 seq = 0;
    QString type;
    QDateTime clientTs;
    QDateTime receivedAt;
    QJsonObject details;
    bool afterFinish = false;
    static EventItem fromJson(const QJsonObject &o);
};

struct QuestionTelemetry
{
    QString questionId;
    qint64 latencyMs = 0;
    int answerChanges = 0;
};

struct Telemetry
{
    QList<QuestionTelemetry> questions;
    std::vector<Analysis::QuestionTrajectory> mouse; // raw segments as sent by the page
    std::vector<Analysis::Keystroke> keystrokes;
    int focusLossCount = 0;
    qint64 blurMs = 0;
    int viewportWidth = 0;
    int viewportHeight = 0;

    QStringList mouseQuestionIds() const; // in order of first appearance
    static Telemetry fromJson(const QJsonObject &o);
};

struct RiskFactor
{
    QString reason; // "risk.focus_losses", ...
    double points = 0;
    double observed = 0;
    double threshold = 0;
    QStringList eventIds;
    QStringList relatedSessionIds;
    // Cross-session factors (risk.same_typist, risk.mouse_similarity): the closest other candidate's
    // session, how often two different candidates come this close by chance (< 0: not sent), and the number
    // of comparisons made.
    QString matchedSessionId;
    double chancePerComparison = -1;
    qint64 comparisons = 0;
    bool notEnoughData = false;
};

struct RiskReport
{
    double score = 0;
    QString level; // low, medium, high
    QList<RiskFactor> factors;
    bool computedLocally = false; // from the events with the shared engine (offline / server without /risk)
    static RiskReport fromJson(const QJsonObject &o);
};

struct StatValue
{
    double value = 0;
    std::optional<double> change; // percent, last 7 days vs the 7 before
};

struct DayPoint
{
    QDate date;
    int completed = 0;
    int passed = 0;
};

struct Dashboard
{
    StatValue completed;
    StatValue averageScore;
    StatValue anomalies;
    StatValue uniqueCandidates;
    StatValue passRate;
    QList<DayPoint> perDay;
    QMap<QString, int> grades;
    QMap<QString, int> violationsByType;
    struct TopCandidate
    {
        QString candidateId;
        QString name;
        int anomalies = 0;
    };
    QList<TopCandidate> topCandidatesByAnomalies;
    static Dashboard fromJson(const QJsonObject &o);
};

// One question of POST /analysis/mouse.
struct MouseComparison
{
    QString questionId;
    double distance = 0;
    double similarity = 0;
    bool approximate = false;
};

// Risk reasons and grade keys as the user reads them.
QString riskReasonText(const QString &reasonKey);
QString riskLevelText(const QString &level);
QString gradeText(const QString &gradeKey);
// "unreviewed", "cleared", "violation", "second_look" as the user reads them.
QString reviewStateText(const QString &state);

} // namespace Proctor::Admin::Api
