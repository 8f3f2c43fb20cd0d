// SPDX-License-Identifier: MIT
#include "storage/resultrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include "storage/database.h"

namespace Proctor::Collector::Storage::ResultRepository {
namespace {

QStringList parseTextArray(const std::string &raw)
{
    QString s = toQString(raw);
    s = s.mid(1, s.size() - 2);
    QStringList out;
    for (const QString &p : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(p.trimmed().remove(QLatin1Char('"')));
    return out;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString json(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

QString formatCertificateNumber(const QString &period, qint64 value)
{
    return period + QLatin1Char('-') + QStringLiteral("%1").arg(value, 4, 10, QLatin1Char('0'));
}

Expected<std::pair<QString, QString>> sessionTest(pqxx::connection &c, const QUuid &sessionId)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT test_id, kind FROM sessions WHERE id = $1",
                                  toStd(sessionId.toString(QUuid::WithoutBraces)));
    if (r.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("sessionId"));
    return std::pair{toQString(r[0][0].as<std::string>()), toQString(r[0][1].as<std::string>())};
}

Expected<ResultOutcome> submit(pqxx::connection &c, const ResultSubmission &s,
                               const Contract::TestDefinition &test)
{
    const std::string sid = toStd(s.sessionId.toString(QUuid::WithoutBraces));
    pqxx::work tx(c);
    tx.exec("SET LOCAL TIME ZONE 'UTC'");
    const auto row = tx.exec_params("SELECT s.outcome::text, s.question_ids, s.kind, s.candidate_id, "
                                    "c.last_name, c.first_name, c.middle_name, "
                                    "c.position, s.test_id FROM sessions s JOIN candidates c ON c.id = "
                                    "s.candidate_id WHERE s.id = $1 FOR UPDATE OF s",
                                    sid);
    if (row.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("sessionId"));
    const auto r = row[0];
    ResultOutcome out;
    out.testId = toQString(r[8].as<std::string>());
    if (!r[0].is_null()) {
        // Resubmission: the first outcome stands, whatever this one says.
        out.body = QJsonDocument::fromJson(QByteArray::fromStdString(r[0].as<std::string>())).object();
        out.replayed = true;
        out.passed = out.body.value(QStringLiteral("passed")).toBool();
        return out;
    }
    if (r[2].as<std::string>() != "test")
        return makeError(ErrorCode::Conflict, QStringLiteral("study sessions have no result"),
                         QStringLiteral("sessionId"));

    const QStringList attempt = parseTextArray(r[1].as<std::string>());
    const Contract::Score score = test.scoreAnswers(s.answers, attempt);
    const Contract::Grade grade = Contract::grade(score.percent);
    const bool passed = test.isPassed(score.percent);
    const qint64 candidateId = r[3].as<qint64>();

    const auto clock =
        tx.exec1("SELECT to_char(now(), 'YY/MM'), to_char(now(), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    const QString period = toQString(clock[0].as<std::string>());
    const QString now = toQString(clock[1].as<std::string>());

    QJsonObject body{{QStringLiteral("sessionId"), s.sessionId.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("score"), score.percent},
                     {QStringLiteral("correct"), score.correct},
                     {QStringLiteral("total"), score.total},
                     {QStringLiteral("passed"), passed},
                     {QStringLiteral("grade"), QJsonObject{{QStringLiteral("number"), grade.number},
                                                           {QStringLiteral("key"), grade.key}}},
                     {QStringLiteral("finishedAt"), now},
                     {QStringLiteral("certificate"), QJsonValue::Null}};
    if (passed) {
        // The upsert takes the period row's lock: concurrent passes queue here and get consecutive numbers,
        // and the first pass of a new month creates the row without a race.
        const auto counter =
            tx.exec_params1("INSERT INTO document_counters (period, last_value) VALUES ($1, 1) "
                            "ON CONFLICT (period) DO UPDATE SET last_value = document_counters.last_value + "
                            "1 RETURNING last_value",
                            toStd(period));
        const QString number = formatCertificateNumber(period, counter[0].as<qint64>());
        auto name = [&](int i) { return toQString(r[i].as<std::string>()); };
        const QString holder = QStringList{name(4), name(5), name(6)}.join(QLatin1Char(' ')).simplified();
        tx.exec_params("INSERT INTO certificates (number, session_id, candidate_id, test_id, holder_name, "
                       "position, score, issued_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
                       toStd(number), sid, candidateId, toStd(out.testId), toStd(holder), toStd(name(7)),
                       score.percent);
        body.insert(QStringLiteral("certificate"),
                    QJsonObject{{QStringLiteral("number"), number},
                                {QStringLiteral("issuedAt"), now},
                                {QStringLiteral("verifyUrl"),
                                 s.publicUrl + QStringLiteral("/verify.html?number=") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(number))}});
        out.certificateNumber = number;
    }
    const QJsonObject &t = s.telemetry;
    tx.exec_params(
        "UPDATE sessions SET status = 'completed', finished_at = now(), score = $2, correct_count = $3, "
        "total_count = $4, passed = $5, grade = $6, answers = $7::jsonb, outcome = $8::jsonb WHERE id = $1",
        sid, score.percent, score.correct, score.total, passed, grade.number, toStd(json(s.answersJson)),
        toStd(json(body)));
    tx.exec_params(
        "INSERT INTO session_telemetry (session_id, questions, mouse, keystrokes, focus_loss_count, blur_ms, "
        "viewport) "
        "VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7::jsonb) ON CONFLICT (session_id) DO NOTHING",
        sid, toStd(json(t.value(QStringLiteral("questions")).toArray())),
        toStd(json(t.value(QStringLiteral("mouse")).toArray())),
        toStd(json(t.value(QStringLiteral("keystrokes")).toArray())),
        t.value(QStringLiteral("focusLossCount")).toInt(),
        qint64(t.value(QStringLiteral("blurMs")).toDouble()),
        t.contains(QStringLiteral("viewport"))
            ? std::optional<std::string>(toStd(json(t.value(QStringLiteral("viewport")).toObject())))
            : std::optional<std::string>());
    tx.commit();
    out.body = body;
    out.passed = passed;
    return out;
}

} // namespace Proctor::Collector::Storage::ResultRepository
