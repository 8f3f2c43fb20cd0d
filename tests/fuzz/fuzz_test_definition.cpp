// SPDX-License-Identifier: MIT
// `import-test` on arbitrary files: parseJsonObject + TestDefinition::fromJson, then everything the collector
// does with an imported test: publicJson (which must never carry the answer key), scoring and drawing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include "contract/jsonparse.h"
#include "contract/testdefinition.h"

using namespace Proctor::Contract;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_test_definition: invariant broken: %s\n", what);
        std::abort();
    }
}

// The key must not reach a candidate at any depth.
void checkNoKey(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        check(!object.contains(QLatin1String("correct")) && !object.contains(QLatin1String("explanation")),
              "publicJson carries the answer key");
        for (const QJsonValue child : object)
            checkNoKey(child);
    } else if (value.isArray()) {
        for (const QJsonValue child : value.toArray())
            checkNoKey(child);
    }
}

void checkScore(const Score &score)
{
    check(score.correct >= 0 && score.correct <= score.total, "correct outside 0..total");
    check(score.percent >= 0 && score.percent <= 100, "percent outside 0..100");
    check(score.total > 0 || score.percent == 0, "percent without questions");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto json = parseJsonObject(bytes);
    if (!json)
        return 0;
    const auto test = TestDefinition::fromJson(*json);
    if (!test) {
        check(test.error().pointer.isEmpty() || test.error().pointer.startsWith(QLatin1Char('/')),
              "an error pointer that is not a JSON pointer");
        return 0;
    }

    const QList<Question> &questions = test->questions();
    check(!questions.isEmpty(), "a test without questions");
    check(test->questionsPerAttempt() >= 1 && test->questionsPerAttempt() <= questions.size(),
          "questionsPerAttempt outside 1..questions");
    checkNoKey(test->publicJson());
    check(test->publicJson().value(QLatin1String("questions")).toArray().size() == questions.size(),
          "publicJson lost questions");

    // The key itself scores 100 %; answering nothing scores 0 %.
    QList<Answer> right;
    QList<Answer> mixed;
    quint64 seed = 0;
    for (const Question &q : questions) {
        check(test->findQuestion(q.id) == &q, "findQuestion");
        check(!q.correct.isEmpty(), "a question without a correct option");
        right.append({q.id, q.correct});
        // Some other choice, derived from the input so that the fuzzer steers it.
        QStringList choice;
        for (qsizetype i = 0; i < q.options.size(); ++i)
            if ((data[(seed + quint64(i)) % size] >> (i % 8)) & 1)
                choice << q.options.at(i).id;
        mixed.append({q.id, choice});
        seed = seed * 31 + quint64(q.id.size());
    }
    const Score perfect = test->scoreAnswers(right);
    check(perfect.total == questions.size() && perfect.correct == perfect.total && perfect.percent == 100,
          "the answer key does not score 100 %");
    const Score none = test->scoreAnswers({});
    check(none.correct == 0 && none.total == questions.size(), "no answers scored");
    checkScore(test->scoreAnswers(mixed));
    // A later answer to the same question does not count: a candidate cannot try twice.
    QList<Answer> twice = mixed;
    twice.append(right);
    check(test->scoreAnswers(twice).correct == test->scoreAnswers(mixed).correct, "second answers counted");
    const QList<Answer> fromJson = answersFromJson(QJsonArray{
        QJsonObject{{QStringLiteral("questionId"), questions.first().id},
                    {QStringLiteral("optionIds"), QJsonArray::fromStringList(questions.first().correct)}}});
    check(test->scoreAnswers(fromJson).correct == 1, "answersFromJson");

    for (const int count : {test->questionsPerAttempt(), 0, -1, int(questions.size()) + 3}) {
        const QList<Question> drawn = test->drawQuestions(count, seed + quint64(size));
        check(drawn.size() == qBound(qsizetype(0), qsizetype(count), questions.size()), "drawn count");
        QSet<QString> ids;
        QStringList attempt;
        for (const Question &q : drawn) {
            ids.insert(q.id);
            attempt << q.id;
            checkNoKey(TestDefinition::publicQuestionJson(q));
        }
        check(ids.size() == drawn.size(), "a question drawn twice");
        attempt << QStringLiteral("not-a-question") << attempt.value(0);
        const Score score = test->scoreAnswers(right, attempt);
        check(score.total == drawn.size() && score.correct == score.total, "scoring a drawn attempt");
        checkScore(test->scoreAnswers(mixed, attempt));
    }
    grade(test->passThreshold());
    return 0;
}
