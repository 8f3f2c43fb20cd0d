// SPDX-License-Identifier: MIT
#include "contract/testdefinition.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>

#include <QSet>

#include "contract/contractvalidator.h"
#include "contract/storabletext.h"

namespace Proctor::Contract {

namespace {

tl::unexpected<ContractError> invalid(QString pointer, QString message)
{
    return tl::unexpected(
        ContractError{std::move(pointer), std::move(message), ContractError::Code::ValidationFailed});
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue item : array) {
        list.append(item.toString());
    }
    return list;
}

// Option ids unique within the question, and every correct id one of them.
tl::expected<QList<Option>, ContractError> parseOptions(const QJsonObject &question, const QString &pointer,
                                                        const QStringList &correct)
{
    QList<Option> options;
    QSet<QString> ids;
    const QJsonArray array = question.value(QLatin1String("options")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject option = array.at(i).toObject();
        Option parsed{option.value(QLatin1String("id")).toString(),
                      option.value(QLatin1String("text")).toString()};
        if (ids.contains(parsed.id)) {
            return invalid(QStringLiteral("%1/options/%2/id").arg(pointer).arg(i),
                           QStringLiteral("duplicate option id"));
        }
        ids.insert(parsed.id);
        options.append(std::move(parsed));
    }
    for (qsizetype i = 0; i < correct.size(); ++i) {
        if (!ids.contains(correct.at(i))) {
            return invalid(QStringLiteral("%1/correct/%2").arg(pointer).arg(i),
                           QStringLiteral("not an option of this question"));
        }
    }
    return options;
}

QJsonArray publicOptions(const QList<Option> &options)
{
    QJsonArray array;
    for (const Option &option : options) {
        array.append(QJsonObject{{QStringLiteral("id"), option.id}, {QStringLiteral("text"), option.text}});
    }
    return array;
}

} // namespace

Grade grade(int percent)
{
    if (percent >= 90) {
        return {5, QStringLiteral("excellent")};
    }
    if (percent >= 80) {
        return {4, QStringLiteral("good")};
    }
    if (percent >= 70) {
        return {3, QStringLiteral("satisfactory")};
    }
    if (percent >= 60) {
        return {2, QStringLiteral("unsatisfactory")};
    }
    return {2, QStringLiteral("poor")};
}

QList<Answer> answersFromJson(const QJsonArray &answers)
{
    QList<Answer> result;
    result.reserve(answers.size());
    for (const QJsonValue value : answers) {
        const QJsonObject answer = value.toObject();
        result.append({answer.value(QLatin1String("questionId")).toString(),
                       toStringList(answer.value(QLatin1String("optionIds")))});
    }
    return result;
}

QJsonObject AttemptPolicy::toJson() const
{
    return QJsonObject{{QStringLiteral("maxAttempts"), maxAttempts},
                       {QStringLiteral("minSecondsBetweenAttempts"), minSecondsBetweenAttempts},
                       {QStringLiteral("disclosure"), disclosure}};
}

AttemptPolicy AttemptPolicy::fromJson(const QJsonObject &json)
{
    AttemptPolicy p;
    p.maxAttempts = json.value(QLatin1String("maxAttempts")).toInt(kDefaultMaxAttempts);
    p.minSecondsBetweenAttempts =
        json.value(QLatin1String("minSecondsBetweenAttempts")).toInt(kDefaultMinSecondsBetweenAttempts);
    p.disclosure = json.value(QLatin1String("disclosure")).toString(QStringLiteral("passFail"));
    return p;
}

tl::expected<TestDefinition, ContractError> TestDefinition::fromJson(const QJsonObject &json)
{
    if (auto valid = ContractValidator::shared().validate(Schema::TestDefinition, json); !valid) {
        return tl::unexpected(valid.error());
    }
    if (auto text = requireStorableText(json); !text) {
        return tl::unexpected(text.error());
    }

    TestDefinition test;
    test.m_json = json;
    test.m_id = json.value(QLatin1String("id")).toString();
    test.m_title = json.value(QLatin1String("title")).toString();
    test.m_description = json.value(QLatin1String("description")).toString();
    test.m_locale = json.value(QLatin1String("locale")).toString();
    test.m_passThreshold = json.value(QLatin1String("passThreshold")).toInt(kDefaultPassThreshold);
    test.m_questionsPerAttempt = json.value(QLatin1String("questionsPerAttempt")).toInt();
    test.m_timeLimitSeconds = json.value(QLatin1String("timeLimitSeconds")).toInt(0);
    test.m_attemptPolicy = AttemptPolicy::fromJson(json.value(QLatin1String("attemptPolicy")).toObject());
    test.m_access = json.value(QLatin1String("access")).toString(QStringLiteral("open"));

    const QJsonArray questions = json.value(QLatin1String("questions")).toArray();
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const QJsonObject object = questions.at(i).toObject();
        const QString pointer = QStringLiteral("/questions/%1").arg(i);
        Question question;
        question.id = object.value(QLatin1String("id")).toString();
        question.text = object.value(QLatin1String("text")).toString();
        question.correct = toStringList(object.value(QLatin1String("correct")));
        question.explanation = object.value(QLatin1String("explanation")).toString();
        question.topic = object.value(QLatin1String("topic")).toString();
        if (test.m_questionIndex.contains(question.id)) {
            return invalid(pointer + QStringLiteral("/id"), QStringLiteral("duplicate question id"));
        }
        auto options = parseOptions(object, pointer, question.correct);
        if (!options) {
            return tl::unexpected(options.error());
        }
        question.options = std::move(*options);
        test.m_questionIndex.insert(question.id, test.m_questions.size());
        test.m_questions.append(std::move(question));
    }
    if (test.m_questionsPerAttempt > test.m_questions.size()) {
        return invalid(QStringLiteral("/questionsPerAttempt"),
                       QStringLiteral("more than the number of questions"));
    }

    const QJsonArray modules =
        json.value(QLatin1String("study")).toObject().value(QLatin1String("modules")).toArray();
    QSet<QString> moduleIds;
    for (qsizetype m = 0; m < modules.size(); ++m) {
        const QJsonObject object = modules.at(m).toObject();
        const QString modulePointer = QStringLiteral("/study/modules/%1").arg(m);
        StudyModule module;
        module.id = object.value(QLatin1String("id")).toString();
        module.title = object.value(QLatin1String("title")).toString();
        module.paragraphs = toStringList(object.value(QLatin1String("paragraphs")));
        if (moduleIds.contains(module.id)) {
            return invalid(modulePointer + QStringLiteral("/id"), QStringLiteral("duplicate module id"));
        }
        moduleIds.insert(module.id);

        QSet<QString> checkIds;
        const QJsonArray selfCheck = object.value(QLatin1String("selfCheck")).toArray();
        for (qsizetype q = 0; q < selfCheck.size(); ++q) {
            const QJsonObject checkObject = selfCheck.at(q).toObject();
            const QString pointer = QStringLiteral("%1/selfCheck/%2").arg(modulePointer).arg(q);
            SelfCheckQuestion check;
            check.id = checkObject.value(QLatin1String("id")).toString();
            check.text = checkObject.value(QLatin1String("text")).toString();
            check.correct = toStringList(checkObject.value(QLatin1String("correct")));
            if (checkIds.contains(check.id)) {
                return invalid(pointer + QStringLiteral("/id"),
                               QStringLiteral("duplicate self-check question id"));
            }
            checkIds.insert(check.id);
            auto options = parseOptions(checkObject, pointer, check.correct);
            if (!options) {
                return tl::unexpected(options.error());
            }
            check.options = std::move(*options);
            module.selfCheck.append(std::move(check));
        }
        test.m_modules.append(std::move(module));
    }
    return test;
}

const Question *TestDefinition::findQuestion(const QString &questionId) const
{
    const auto it = m_questionIndex.constFind(questionId);
    return it == m_questionIndex.cend() ? nullptr : &m_questions.at(*it);
}

QJsonObject TestDefinition::publicQuestionJson(const Question &question)
{
    QJsonObject object{
        {QStringLiteral("id"), question.id},
        {QStringLiteral("text"), question.text},
        {QStringLiteral("multiple"), question.isMultiple()},
        {QStringLiteral("options"), publicOptions(question.options)},
    };
    if (!question.topic.isEmpty()) {
        object.insert(QStringLiteral("topic"), question.topic);
    }
    return object;
}

QJsonObject TestDefinition::publicJson() const
{
    // Built from the parsed fields rather than by deleting keys from m_json: a field added to the
    // schema later stays private until it is deliberately listed here.
    QJsonArray questions;
    for (const Question &question : m_questions) {
        questions.append(publicQuestionJson(question));
    }

    QJsonObject object{
        {QStringLiteral("id"), m_id},
        {QStringLiteral("title"), m_title},
        {QStringLiteral("description"), m_description},
        {QStringLiteral("locale"), m_locale},
        {QStringLiteral("passThreshold"), m_passThreshold},
        {QStringLiteral("questionsPerAttempt"), m_questionsPerAttempt},
        {QStringLiteral("timeLimitSeconds"), m_timeLimitSeconds},
        {QStringLiteral("access"), m_access},
        {QStringLiteral("questions"), questions},
    };
    if (hasStudy()) {
        QJsonArray modules;
        for (const StudyModule &module : m_modules) {
            QJsonArray selfCheck;
            for (const SelfCheckQuestion &check : module.selfCheck) {
                selfCheck.append(QJsonObject{
                    {QStringLiteral("id"), check.id},
                    {QStringLiteral("text"), check.text},
                    {QStringLiteral("multiple"), check.isMultiple()},
                    {QStringLiteral("options"), publicOptions(check.options)},
                });
            }
            modules.append(QJsonObject{
                {QStringLiteral("id"), module.id},
                {QStringLiteral("title"), module.title},
                {QStringLiteral("paragraphs"), QJsonArray::fromStringList(module.paragraphs)},
                {QStringLiteral("selfCheck"), selfCheck},
            });
        }
        object.insert(QStringLiteral("study"), QJsonObject{{QStringLiteral("modules"), modules}});
    }
    return object;
}

Score TestDefinition::scoreAnswers(const QList<Answer> &answers) const
{
    QStringList ids;
    ids.reserve(m_questions.size());
    for (const Question &question : m_questions) {
        ids.append(question.id);
    }
    return scoreAnswers(answers, ids);
}

Score TestDefinition::scoreAnswers(const QList<Answer> &answers, const QStringList &attemptQuestionIds) const
{
    // First answer per question wins, so sending one question twice cannot try two guesses.
    QHash<QString, const Answer *> firstAnswer;
    for (const Answer &answer : answers) {
        if (!firstAnswer.contains(answer.questionId)) {
            firstAnswer.insert(answer.questionId, &answer);
        }
    }

    Score score;
    QSet<QString> counted;
    for (const QString &questionId : attemptQuestionIds) {
        const Question *question = findQuestion(questionId);
        if (!question || counted.contains(questionId)) {
            continue;
        }
        counted.insert(questionId);
        ++score.total;
        const Answer *answer = firstAnswer.value(questionId);
        if (!answer) {
            continue;
        }
        const QSet<QString> chosen(answer->optionIds.cbegin(), answer->optionIds.cend());
        const QSet<QString> right(question->correct.cbegin(), question->correct.cend());
        if (chosen == right) {
            ++score.correct;
        }
    }
    score.percent = score.total == 0 ? 0 : qRound(100.0 * score.correct / score.total);
    return score;
}

QList<Question> TestDefinition::drawQuestions(int count, quint64 seed) const
{
    // A partial Fisher-Yates over indices with a plain modulo: std::shuffle and
    // std::uniform_int_distribution are implementation-defined, mt19937_64 itself is not, so this
    // draw is reproducible across standard libraries (the bias of % on 64-bit output is negligible).
    const qsizetype n = m_questions.size();
    const qsizetype take = std::clamp<qsizetype>(count, 0, n);
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::mt19937_64 rng(seed);
    for (qsizetype i = 0; i < take; ++i) {
        const auto j = i + static_cast<qsizetype>(rng() % static_cast<quint64>(n - i));
        std::swap(order[i], order[j]);
    }
    QList<Question> drawn;
    drawn.reserve(take);
    for (qsizetype i = 0; i < take; ++i) {
        drawn.append(m_questions.at(order.at(i)));
    }
    return drawn;
}

} // namespace Proctor::Contract
