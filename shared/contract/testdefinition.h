// SPDX-License-Identifier: MIT
// A test as imported: questions with their answer key, optional study material, and the rules that
// use the key (scoring, grading, drawing an attempt's questions). The key never leaves the server:
// what a candidate may see comes from publicJson() / publicQuestionJson().
#pragma once

#include <tl/expected.hpp>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "contract/contracterror.h"

namespace Proctor::Contract {

struct Option
{
    QString id;
    QString text;
};

struct Question
{
    QString id;
    QString text;
    QList<Option> options; // in the author's order; drawing never shuffles them
    QStringList correct;   // option ids; more than one means multiple choice
    QString explanation;
    QString topic;

    bool isMultiple() const { return correct.size() > 1; }
};

struct SelfCheckQuestion
{
    QString id;
    QString text;
    QList<Option> options;
    QStringList correct;

    bool isMultiple() const { return correct.size() > 1; }
};

struct StudyModule
{
    QString id;
    QString title;
    QStringList paragraphs;
    QList<SelfCheckQuestion> selfCheck;
};

struct Answer
{
    QString questionId;
    QStringList optionIds;
};

struct Score
{
    int correct = 0;
    int total = 0;
    int percent = 0; // rounded to the nearest integer; 0 when total is 0

    friend bool operator==(const Score &, const Score &) = default;
};

struct Grade
{
    int number = 2;
    QString key; // excellent | good | satisfactory | unsatisfactory | poor

    friend bool operator==(const Grade &, const Grade &) = default;
};

// ≥90 excellent (5), ≥80 good (4), ≥70 satisfactory (3), ≥60 unsatisfactory (2), else poor (2).
Grade grade(int percent);

// The "answers" array of a result submission (already validated against the schema).
QList<Answer> answersFromJson(const QJsonArray &answers);

// How many attempts a candidate gets, how far apart, and what a result discloses. Defaults when the
// definition has no `attemptPolicy`: 3 attempts, no cooldown, pass/fail only.
struct AttemptPolicy
{
    static constexpr int kDefaultMaxAttempts = 3;
    static constexpr int kDefaultMinSecondsBetweenAttempts = 0;

    int maxAttempts = kDefaultMaxAttempts;
    int minSecondsBetweenAttempts = kDefaultMinSecondsBetweenAttempts;
    QString disclosure = QStringLiteral("passFail"); // passFail | score | review

    QJsonObject toJson() const;
    // `json` has passed the schema's attemptPolicy definition (absent members take the defaults).
    static AttemptPolicy fromJson(const QJsonObject &json);
    friend bool operator==(const AttemptPolicy &, const AttemptPolicy &) = default;
};

class TestDefinition final
{
public:
    static constexpr int kDefaultPassThreshold = 80;

    // Validates against the test-definition schema, then checks what the schema cannot express:
    // unique question/option/module ids, every `correct` id names an option of its question,
    // questionsPerAttempt not above the number of questions. Errors name the JSON pointer.
    static tl::expected<TestDefinition, ContractError> fromJson(const QJsonObject &json);

    const QString &id() const { return m_id; }
    const QString &title() const { return m_title; }
    const QString &description() const { return m_description; }
    const QString &locale() const { return m_locale; }
    int passThreshold() const { return m_passThreshold; }
    int questionsPerAttempt() const { return m_questionsPerAttempt; }
    int timeLimitSeconds() const { return m_timeLimitSeconds; } // 0: no limit
    const AttemptPolicy &attemptPolicy() const { return m_attemptPolicy; }
    // "open" (anyone types a name) or "roster" (a personal access code from an imported roster).
    const QString &access() const { return m_access; }
    bool requiresRoster() const { return m_access == QLatin1String("roster"); }
    const QList<Question> &questions() const { return m_questions; }
    const QList<StudyModule> &studyModules() const { return m_modules; }
    bool hasStudy() const { return !m_modules.isEmpty(); }
    const Question *findQuestion(const QString &questionId) const;

    bool isPassed(int percent) const { return percent >= m_passThreshold; }

    // The definition as imported, answer key included (for storage).
    const QJsonObject &json() const { return m_json; }
    // Everything a candidate may see: no `correct` (questions and self-check questions) and no
    // `explanation` (it usually gives the answer away); each question carries `multiple` instead.
    QJsonObject publicJson() const;
    static QJsonObject publicQuestionJson(const Question &question);

    // A question counts as right only when the chosen option set equals its correct set exactly.
    // Answers to ids outside the scored set are ignored, a missing answer counts as wrong, and when a
    // question is answered twice only the first answer counts.
    // Against every question of the test:
    Score scoreAnswers(const QList<Answer> &answers) const;
    // Against the questions of one attempt (ids not in this test are skipped, repeats counted once):
    Score scoreAnswers(const QList<Answer> &answers, const QStringList &attemptQuestionIds) const;

    // `count` distinct questions (all of them when count exceeds the bank) in random order; the same
    // seed gives the same draw on every platform. Options keep their order.
    QList<Question> drawQuestions(int count, quint64 seed) const;

private:
    TestDefinition() = default;

    QJsonObject m_json;
    QString m_id;
    QString m_title;
    QString m_description;
    QString m_locale;
    int m_passThreshold = kDefaultPassThreshold;
    int m_questionsPerAttempt = 1;
    int m_timeLimitSeconds = 0;
    AttemptPolicy m_attemptPolicy;
    QString m_access = QStringLiteral("open");
    QList<Question> m_questions;
    QList<StudyModule> m_modules;
    QHash<QString, qsizetype> m_questionIndex;
};

} // namespace Proctor::Contract
