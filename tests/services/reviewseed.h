// SPDX-License-Identifier: MIT
// Review data written straight into the test database (tests, candidates, sessions with their events,
// telemetry and certificates), so the read services can be tested without the ingest path. Times are given
// as absolute UTC instants, so a test knows the exact order PostgreSQL will sort them in.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace Proctor::Testing {

class ReviewSeed
{
public:
    explicit ReviewSeed(const QString &url) : m_connection(url.toStdString()) {}

    static constexpr int kQuestions = 12;

    // A test of 12 questions q1..q12 with options a, b, c; "a" is right. 10 drawn per attempt, pass at 80.
    void test(const QString &id, const QString &title, int timeLimitSeconds = 0)
    {
        QJsonArray questions;
        for (int i = 1; i <= kQuestions; ++i)
            questions.append(
                QJsonObject{{"id", QStringLiteral("q%1").arg(i)},
                            {"text", QStringLiteral("Question %1").arg(i)},
                            {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "right"}},
                                                   QJsonObject{{"id", "b"}, {"text", "wrong"}},
                                                   QJsonObject{{"id", "c"}, {"text", "also wrong"}}}},
                            {"correct", QJsonArray{"a"}}});
        const QJsonObject definition{{"id", id},
                                     {"title", title},
                                     {"description", "service tests"},
                                     {"locale", "en"},
                                     {"passThreshold", 80},
                                     {"questionsPerAttempt", 10},
                                     {"timeLimitSeconds", timeLimitSeconds},
                                     {"questions", questions}};
        exec("INSERT INTO tests (id, title, definition, pass_threshold, questions_per_attempt, "
             "time_limit_seconds, "
             "checksum) VALUES ($1, $2, $3::jsonb, 80, 10, $4, 'x')",
             id.toStdString(), title.toStdString(), json(definition), timeLimitSeconds);
    }

    qint64 candidate(const QString &lastName, const QString &firstName = QStringLiteral("Иван"),
                     const std::optional<QString> &email = std::nullopt)
    {
        pqxx::work tx(m_connection);
        const QString persistent = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto r = tx.exec_params1(
            "INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, middle_name, "
            "position, "
            "email) VALUES ($1, $2, $3, $4, 'Иванович', 'Специалист', $5) RETURNING id",
            QUuid::createUuid().toString().toStdString(), persistent.toStdString(), lastName.toStdString(),
            firstName.toStdString(),
            email ? std::optional<std::string>(email->toStdString()) : std::optional<std::string>());
        tx.commit();
        return r[0].as<qint64>();
    }

    struct Session
    {
        QString testId = QStringLiteral("known");
        qint64 candidateId = 0;
        QString kind = QStringLiteral("test");
        QString fingerprint = QString(64, QLatin1Char('a'));
        QDateTime startedAt;
        QDateTime finishedAt;     // invalid: not finished
        int correct = 10;         // of 10 drawn questions q1..q10 (right answers first)
        int answered = 10;        // the last 10 - answered questions are left without an answer
        std::optional<int> score; // default: correct * 10
    };

    // A session over q1..q10; finished (score, passed, answers) when `finishedAt` is valid.
    QUuid session(const Session &s)
    {
        const QUuid id = QUuid::createUuid();
        QStringList questionIds;
        QJsonArray answers;
        for (int i = 1; i <= 10; ++i) {
            questionIds.append(QStringLiteral("q%1").arg(i));
            if (i <= s.answered)
                answers.append(QJsonObject{{"questionId", QStringLiteral("q%1").arg(i)},
                                           {"optionIds", QJsonArray{i <= s.correct ? "a" : "b"}}});
        }
        const bool finished = s.finishedAt.isValid();
        const int score = s.score.value_or(s.correct * 10);
        const QJsonObject fingerprint{{"userAgent", "seed"}, {"platform", "Linux"}};
        exec("INSERT INTO sessions (id, test_id, kind, candidate_id, status, question_ids, fingerprint_hash, "
             "fingerprint, persistent_id, locale, client_ip, user_agent, started_at, finished_at, score, "
             "correct_count, total_count, passed, answers) VALUES ($1, $2, $3, $4, $5, $6::text[], $7, "
             "$8::jsonb, "
             "'p', 'ru', '127.0.0.1', 'seed agent', $9::timestamptz, $10::timestamptz, $11, $12, $13, $14, "
             "$15::jsonb)",
             uuid(id), s.testId.toStdString(), s.kind.toStdString(), s.candidateId,
             std::string(finished ? "completed" : "in_progress"),
             "{" + questionIds.join(QLatin1Char(',')).toStdString() + "}", s.fingerprint.toStdString(),
             json(fingerprint), time(s.startedAt), optionalTime(s.finishedAt),
             finished ? std::optional<int>(score) : std::nullopt,
             finished ? std::optional<int>(s.correct) : std::nullopt,
             finished ? std::optional<int>(10) : std::nullopt,
             finished ? std::optional<bool>(score >= 80) : std::nullopt,
             finished ? std::optional<std::string>(
                            QJsonDocument(answers).toJson(QJsonDocument::Compact).toStdString())
                      : std::nullopt);
        return id;
    }

    // An event `seq` seconds after the session's start, received then (or at `receivedAt`).
    QUuid event(const QUuid &session, int seq, const QString &type, const QJsonObject &details = {},
                const QDateTime &receivedAt = {})
    {
        const QUuid id = QUuid::createUuid();
        exec("INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts, "
             "received_at, "
             "details) SELECT s.id, $2, s.started_at, $3::integer, $4, s.started_at + make_interval(secs => "
             "$3::integer), "
             "COALESCE($5::timestamptz, s.started_at + make_interval(secs => $3::integer)), $6::jsonb FROM "
             "sessions s "
             "WHERE s.id = $1",
             uuid(session), uuid(id), seq, type.toStdString(), optionalTime(receivedAt), json(details));
        return id;
    }

    void telemetry(const QUuid &session, const QJsonArray &mouse, const QJsonArray &keystrokes = {},
                   const QJsonArray &questions = {})
    {
        exec("INSERT INTO session_telemetry (session_id, questions, mouse, keystrokes, focus_loss_count, "
             "blur_ms, "
             "viewport) VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, 2, 1500, '{\"width\": 1280, \"height\": "
             "800}')",
             uuid(session), json(questions), json(mouse), json(keystrokes));
    }

    QString certificate(const QUuid &session, const QString &number)
    {
        exec("INSERT INTO certificates (number, session_id, candidate_id, test_id, holder_name, position, "
             "score, issued_at, verification_code) SELECT $2, s.id, s.candidate_id, s.test_id, "
             "c.last_name || ' ' || c.first_name, c.position, s.score, s.finished_at, "
             "upper(substr(md5($2), 1, 12)) FROM sessions s JOIN candidates c ON c.id = s.candidate_id "
             "WHERE s.id = $1",
             uuid(session), number.toStdString());
        return number;
    }

    template <typename... Args> void exec(const std::string &sql, Args &&...args)
    {
        pqxx::work tx(m_connection);
        tx.exec_params(sql, std::forward<Args>(args)...);
        tx.commit();
    }

    static std::string uuid(const QUuid &id) { return id.toString(QUuid::WithoutBraces).toStdString(); }

private:
    static std::string json(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
    }
    static std::string json(const QJsonArray &a)
    {
        return QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
    }
    static std::string time(const QDateTime &t)
    {
        return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
    }
    static std::optional<std::string> optionalTime(const QDateTime &t)
    {
        return t.isValid() ? std::optional<std::string>(time(t)) : std::nullopt;
    }

    pqxx::connection m_connection;
};

} // namespace Proctor::Testing
