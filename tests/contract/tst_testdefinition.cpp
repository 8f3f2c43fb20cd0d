// SPDX-License-Identifier: MIT
// TestDefinition: parsing rules beyond the schema, the public view, scoring, grading, drawing, and the
// seed tests shipped in db/seed/.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include "contract/contractvalidator.h"
#include "contract/jsonparse.h"
#include "contract/testdefinition.h"

using namespace Proctor::Contract;

namespace {

QJsonArray options(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids) {
        array.append(QJsonObject{{"id", id}, {"text", "Вариант " + id}});
    }
    return array;
}

QJsonObject question(const QString &id, const QStringList &correct,
                     const QStringList &optionIds = {"a", "b", "c", "d"})
{
    return QJsonObject{{"id", id},
                       {"text", "Вопрос " + id},
                       {"options", options(optionIds)},
                       {"correct", QJsonArray::fromStringList(correct)},
                       {"explanation", "Пояснение, которое выдаёт ответ " + correct.join(',')}};
}

QJsonObject selfCheck(const QString &id, const QStringList &correct)
{
    return QJsonObject{{"id", id},
                       {"text", "Самопроверка " + id},
                       {"options", options({"a", "b", "c"})},
                       {"correct", QJsonArray::fromStringList(correct)}};
}

// q1 single (a), q2 multiple (a, c), q3 single (b), q4 multiple (b, c), q5 single (d); no threshold,
// time limit or description, so the defaults apply.
QJsonObject sampleJson()
{
    const QJsonObject module{
        {"id", "m1"},
        {"title", "Модуль"},
        {"paragraphs", QJsonArray{"Первый абзац.", "Второй абзац."}},
        {"selfCheck", QJsonArray{selfCheck("m1-q1", {"b"}), selfCheck("m1-q2", {"a", "c"})}}};
    return QJsonObject{
        {"id", "sample"},
        {"title", "Пробный тест"},
        {"locale", "ru"},
        {"questionsPerAttempt", 3},
        {"questions", QJsonArray{question("q1", {"a"}), question("q2", {"a", "c"}), question("q3", {"b"}),
                                 question("q4", {"b", "c"}), question("q5", {"d"})}},
        {"study", QJsonObject{{"modules", QJsonArray{module}}}},
    };
}

TestDefinition sample()
{
    auto parsed = TestDefinition::fromJson(sampleJson());
    if (!parsed) {
        qFatal("sample test does not parse: %s %s", qPrintable(parsed.error().pointer),
               qPrintable(parsed.error().message));
    }
    return *parsed;
}

// Every key anywhere in the document, with the pointer where it was found.
void collectKeys(const QJsonValue &value, const QString &path, QStringList &found, const QSet<QString> &keys)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            collectKeys(array.at(i), QStringLiteral("%1/%2").arg(path).arg(i), found, keys);
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (keys.contains(it.key())) {
                found << path + QLatin1Char('/') + it.key();
            }
            collectKeys(it.value(), path + QLatin1Char('/') + it.key(), found, keys);
        }
    }
}

QJsonObject readSeed(const QString &name)
{
    QFile file(qEnvironmentVariable("PROCTOR_SOURCE_DIR") + QStringLiteral("/db/seed/") + name +
               QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(file.fileName()));
        return {};
    }
    const auto parsed = parseJsonObject(file.readAll());
    if (!parsed) {
        qWarning("%s: %s", qPrintable(file.fileName()), qPrintable(parsed.error().message));
        return {};
    }
    return *parsed;
}

} // namespace

class tst_TestDefinition : public QObject
{
    Q_OBJECT

private slots:
    void parsesSample();
    void defaults();
    void rejects_data();
    void rejects();
    void publicJsonHasNoAnswerKey_data();
    void publicJsonHasNoAnswerKey();
    void score_data();
    void score();
    void grade_data();
    void grade();
    void drawQuestions_data();
    void drawQuestions();
    void drawIsSeededAndShuffled();
    void seedFile_data();
    void seedFile();
};

void tst_TestDefinition::parsesSample()
{
    const TestDefinition test = sample();
    QCOMPARE(test.id(), QStringLiteral("sample"));
    QCOMPARE(test.questions().size(), 5);
    QCOMPARE(test.questionsPerAttempt(), 3);
    QVERIFY(!test.questions().at(0).isMultiple());
    QVERIFY(test.questions().at(1).isMultiple());
    QCOMPARE(test.questions().at(1).correct, (QStringList{"a", "c"}));
    QCOMPARE(test.questions().at(2).options.at(1).id, QStringLiteral("b"));
    QVERIFY(test.findQuestion("q4"));
    QVERIFY(!test.findQuestion("q6"));
    QVERIFY(test.hasStudy());
    QCOMPARE(test.studyModules().at(0).selfCheck.size(), 2);
    QCOMPARE(test.studyModules().at(0).paragraphs.size(), 2);
}

void tst_TestDefinition::defaults()
{
    const TestDefinition test = sample();
    QCOMPARE(test.passThreshold(), 80);
    QCOMPARE(test.timeLimitSeconds(), 0);
    QCOMPARE(test.description(), QString());
    QVERIFY(test.isPassed(80));
    QVERIFY(!test.isPassed(79));
}

void tst_TestDefinition::rejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("pointer");

    QJsonObject json = sampleJson();
    json.insert("author", "me");
    QTest::newRow("schema violation") << json << QStringLiteral("/author");

    json = sampleJson();
    QJsonArray questions = json.value("questions").toArray();
    questions[3] = question("q2", {"a"});
    json.insert("questions", questions);
    QTest::newRow("duplicate question id") << json << QStringLiteral("/questions/3/id");

    json = sampleJson();
    questions = json.value("questions").toArray();
    questions[1] = question("q2", {"a", "z"});
    json.insert("questions", questions);
    QTest::newRow("correct names no option") << json << QStringLiteral("/questions/1/correct/1");

    json = sampleJson();
    questions = json.value("questions").toArray();
    questions[0] = question("q1", {"a"}, {"a", "b", "a"});
    json.insert("questions", questions);
    QTest::newRow("duplicate option id") << json << QStringLiteral("/questions/0/options/2/id");

    json = sampleJson();
    json.insert("questionsPerAttempt", 6);
    QTest::newRow("more per attempt than questions") << json << QStringLiteral("/questionsPerAttempt");

    json = sampleJson();
    QJsonObject study = json.value("study").toObject();
    QJsonArray modules = study.value("modules").toArray();
    modules.append(modules.at(0));
    study.insert("modules", modules);
    json.insert("study", study);
    QTest::newRow("duplicate module id") << json << QStringLiteral("/study/modules/1/id");

    json = sampleJson();
    study = json.value("study").toObject();
    modules = study.value("modules").toArray();
    QJsonObject module = modules.at(0).toObject();
    QJsonArray checks = module.value("selfCheck").toArray();
    QJsonObject check = checks.at(1).toObject();
    check.insert("correct", QJsonArray{"d"});
    checks[1] = check;
    module.insert("selfCheck", checks);
    modules[0] = module;
    study.insert("modules", modules);
    json.insert("study", study);
    QTest::newRow("self-check correct names no option")
        << json << QStringLiteral("/study/modules/0/selfCheck/1/correct/0");

    json = sampleJson();
    study = json.value("study").toObject();
    modules = study.value("modules").toArray();
    module = modules.at(0).toObject();
    checks = module.value("selfCheck").toArray();
    check = checks.at(1).toObject();
    check.insert("id", "m1-q1");
    checks[1] = check;
    module.insert("selfCheck", checks);
    modules[0] = module;
    study.insert("modules", modules);
    json.insert("study", study);
    QTest::newRow("duplicate self-check id") << json << QStringLiteral("/study/modules/0/selfCheck/1/id");

    // Valid JSON that PostgreSQL cannot store as it is: refused here, not by the INSERT of import-test.
    json = sampleJson();
    questions = json.value("questions").toArray();
    QJsonObject withNul = questions.at(2).toObject();
    withNul.insert("text", QString("Вопрос") + QChar(0) + "с NUL");
    questions[2] = withNul;
    json.insert("questions", questions);
    QTest::newRow("NUL in a question") << json << QStringLiteral("/questions/2/text");

    json = sampleJson();
    study = json.value("study").toObject();
    modules = study.value("modules").toArray();
    module = modules.at(0).toObject();
    module.insert("paragraphs", QJsonArray{"Первый абзац.", QString("half ") + QChar(0xD83D)});
    modules[0] = module;
    study.insert("modules", modules);
    json.insert("study", study);
    QTest::newRow("unpaired surrogate in study text")
        << json << QStringLiteral("/study/modules/0/paragraphs/1");
}

void tst_TestDefinition::rejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, pointer);
    const auto parsed = TestDefinition::fromJson(json);
    QVERIFY2(!parsed, "an invalid definition was accepted");
    QCOMPARE(parsed.error().pointer, pointer);
    QCOMPARE(parsed.error().code, ContractError::Code::ValidationFailed);
}

void tst_TestDefinition::publicJsonHasNoAnswerKey_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::newRow("sample") << sampleJson();
    QTest::newRow("infosec-basics") << readSeed("infosec-basics");
    QTest::newRow("personal-data") << readSeed("personal-data");
}

void tst_TestDefinition::publicJsonHasNoAnswerKey()
{
    QFETCH(QJsonObject, json);
    const auto parsed = TestDefinition::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().pointer + ": " + parsed.error().message));

    // Prove the walk finds keys at all: the full definition is full of them.
    QStringList inDefinition;
    collectKeys(parsed->json(), QString(), inDefinition, {"correct"});
    QVERIFY(inDefinition.size() >= parsed->questions().size());

    const QJsonObject publicJson = parsed->publicJson();
    QStringList leaked;
    collectKeys(publicJson, QString(), leaked, {"correct", "explanation"});
    QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(", ")));

    // Nothing else lost: same questions, options and modules, with `multiple` telling single from multi.
    const QJsonArray questions = publicJson.value("questions").toArray();
    QCOMPARE(questions.size(), parsed->questions().size());
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const QJsonObject q = questions.at(i).toObject();
        QCOMPARE(q.value("id").toString(), parsed->questions().at(i).id);
        QCOMPARE(q.value("multiple").toBool(), parsed->questions().at(i).isMultiple());
        QCOMPARE(q.value("options").toArray().size(), parsed->questions().at(i).options.size());
    }
    QCOMPARE(publicJson.value("study").toObject().value("modules").toArray().size(),
             parsed->studyModules().size());
    QCOMPARE(publicJson.value("passThreshold").toInt(-1), parsed->passThreshold());
    QCOMPARE(publicJson.value("title").toString(), parsed->title());
}

void tst_TestDefinition::score_data()
{
    QTest::addColumn<QJsonArray>("answers");
    QTest::addColumn<bool>("useAttempt");
    QTest::addColumn<QStringList>("attempt");
    QTest::addColumn<int>("correct");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("percent");

    auto a = [](const QString &questionId, const QStringList &optionIds) {
        return QJsonObject{{"questionId", questionId}, {"optionIds", QJsonArray::fromStringList(optionIds)}};
    };
    const QJsonArray allRight{a("q1", {"a"}), a("q2", {"a", "c"}), a("q3", {"b"}), a("q4", {"b", "c"}),
                              a("q5", {"d"})};

    QTest::newRow("all right") << allRight << false << QStringList() << 5 << 5 << 100;
    QTest::newRow("nothing answered") << QJsonArray() << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("multiple: order does not matter")
        << QJsonArray{a("q2", {"c", "a"}), a("q4", {"c", "b"})} << false << QStringList() << 2 << 5 << 40;
    QTest::newRow("multiple: subset is wrong")
        << QJsonArray{a("q2", {"a"})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("multiple: superset is wrong")
        << QJsonArray{a("q2", {"a", "b", "c"})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("single: extra option is wrong")
        << QJsonArray{a("q1", {"a", "b"})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("single: every option is wrong")
        << QJsonArray{a("q1", {"a", "b", "c", "d"})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("empty choice is wrong")
        << QJsonArray{a("q1", {})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("repeated option id counts once")
        << QJsonArray{a("q1", {"a", "a"})} << false << QStringList() << 1 << 5 << 20;
    QTest::newRow("unknown question ids ignored")
        << QJsonArray{a("q1", {"a"}), a("zz", {"a"}), a("q9", {"b"})} << false << QStringList() << 1 << 5
        << 20;
    QTest::newRow("duplicate answer: first wrong one counts")
        << QJsonArray{a("q1", {"b"}), a("q1", {"a"})} << false << QStringList() << 0 << 5 << 0;
    QTest::newRow("duplicate answer: first right one counts")
        << QJsonArray{a("q1", {"a"}), a("q1", {"b"})} << false << QStringList() << 1 << 5 << 20;
    QTest::newRow("attempt: only its questions count")
        << allRight << true << QStringList{"q1", "q3"} << 2 << 2 << 100;
    QTest::newRow("attempt: answers outside it ignored")
        << QJsonArray{a("q2", {"a", "c"}), a("q5", {"d"})} << true << QStringList{"q1", "q3", "q4"} << 0 << 3
        << 0;
    QTest::newRow("attempt: missing answer is wrong, 2 of 3 rounds to 67")
        << QJsonArray{a("q1", {"a"}), a("q2", {"a", "c"})} << true << QStringList{"q1", "q2", "q3"} << 2 << 3
        << 67;
    QTest::newRow("attempt: 1 of 3 rounds to 33")
        << QJsonArray{a("q1", {"a"})} << true << QStringList{"q1", "q2", "q3"} << 1 << 3 << 33;
    QTest::newRow("attempt: repeated id counted once")
        << QJsonArray{a("q1", {"a"})} << true << QStringList{"q1", "q1", "q2"} << 1 << 2 << 50;
    QTest::newRow("attempt: id not in the test skipped")
        << QJsonArray{a("q1", {"a"})} << true << QStringList{"q1", "nope"} << 1 << 1 << 100;
    QTest::newRow("attempt: empty") << allRight << true << QStringList() << 0 << 0 << 0;
}

void tst_TestDefinition::score()
{
    QFETCH(QJsonArray, answers);
    QFETCH(bool, useAttempt);
    QFETCH(QStringList, attempt);
    QFETCH(int, correct);
    QFETCH(int, total);
    QFETCH(int, percent);
    const TestDefinition test = sample();
    const QList<Answer> parsed = answersFromJson(answers);
    QCOMPARE(parsed.size(), answers.size());
    const Score score = useAttempt ? test.scoreAnswers(parsed, attempt) : test.scoreAnswers(parsed);
    QCOMPARE(score.correct, correct);
    QCOMPARE(score.total, total);
    QCOMPARE(score.percent, percent);
}

void tst_TestDefinition::grade_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("key");
    QTest::newRow("0") << 0 << 2 << "poor";
    QTest::newRow("59") << 59 << 2 << "poor";
    QTest::newRow("60") << 60 << 2 << "unsatisfactory";
    QTest::newRow("69") << 69 << 2 << "unsatisfactory";
    QTest::newRow("70") << 70 << 3 << "satisfactory";
    QTest::newRow("79") << 79 << 3 << "satisfactory";
    QTest::newRow("80") << 80 << 4 << "good";
    QTest::newRow("89") << 89 << 4 << "good";
    QTest::newRow("90") << 90 << 5 << "excellent";
    QTest::newRow("100") << 100 << 5 << "excellent";
}

void tst_TestDefinition::grade()
{
    QFETCH(int, percent);
    QFETCH(int, number);
    QFETCH(QString, key);
    const Grade g = Proctor::Contract::grade(percent);
    QCOMPARE(g.number, number);
    QCOMPARE(g.key, key);
}

void tst_TestDefinition::drawQuestions_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("expected");
    QTest::newRow("3 of 5") << 3 << quint64(1) << 3;
    QTest::newRow("3 of 5, other seed") << 3 << quint64(0xdeadbeefcafef00d) << 3;
    QTest::newRow("1 of 5") << 1 << quint64(42) << 1;
    QTest::newRow("all 5") << 5 << quint64(7) << 5;
    QTest::newRow("more than the bank") << 10 << quint64(7) << 5;
    QTest::newRow("none") << 0 << quint64(7) << 0;
    QTest::newRow("negative") << -1 << quint64(7) << 0;
}

void tst_TestDefinition::drawQuestions()
{
    QFETCH(int, count);
    QFETCH(quint64, seed);
    QFETCH(int, expected);
    const TestDefinition test = sample();
    const QList<Question> drawn = test.drawQuestions(count, seed);
    QCOMPARE(drawn.size(), expected);
    QSet<QString> ids;
    for (const Question &q : drawn) {
        ids.insert(q.id);
        const Question *original = test.findQuestion(q.id);
        QVERIFY(original);
        QCOMPARE(q.correct, original->correct);
        QCOMPARE(q.options.size(), original->options.size());
        for (qsizetype i = 0; i < q.options.size(); ++i) {
            QCOMPARE(q.options.at(i).id, original->options.at(i).id); // options keep their order
        }
    }
    QCOMPARE(ids.size(), drawn.size()); // distinct
    // Same seed, same draw.
    const QList<Question> again = test.drawQuestions(count, seed);
    QCOMPARE(again.size(), drawn.size());
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        QCOMPARE(again.at(i).id, drawn.at(i).id);
    }
}

void tst_TestDefinition::drawIsSeededAndShuffled()
{
    const TestDefinition test = sample();
    QSet<QString> firsts;
    QSet<QString> orders;
    int identityOrders = 0;
    for (quint64 seed = 0; seed < 200; ++seed) {
        const QList<Question> drawn = test.drawQuestions(5, seed);
        QStringList ids;
        for (const Question &q : drawn) {
            ids << q.id;
        }
        firsts.insert(ids.first());
        orders.insert(ids.join(','));
        if (ids == QStringList{"q1", "q2", "q3", "q4", "q5"}) {
            ++identityOrders;
        }
    }
    QCOMPARE(firsts.size(), 5);   // every question gets to come first
    QVERIFY(orders.size() >= 60); // 120 permutations exist; 200 seeds should reach well over half
    QVERIFY(identityOrders < 10); // the author's order is not favoured
}

void tst_TestDefinition::seedFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("infosec-basics") << QStringLiteral("infosec-basics");
    QTest::newRow("personal-data") << QStringLiteral("personal-data");
}

void tst_TestDefinition::seedFile()
{
    QFETCH(QString, name);
    const QJsonObject json = readSeed(name);
    QVERIFY2(!json.isEmpty(), "seed file missing or not a JSON object");

    const auto valid = ContractValidator::shared().validate(Schema::TestDefinition, json);
    QVERIFY2(valid, qPrintable(valid ? QString() : valid.error().pointer + ": " + valid.error().message));
    const auto parsed = TestDefinition::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().pointer + ": " + parsed.error().message));

    QCOMPARE(parsed->id(), name);
    QCOMPARE(parsed->locale(), QStringLiteral("ru"));
    QVERIFY(parsed->questions().size() >= 42);
    QCOMPARE(parsed->questionsPerAttempt(), 20);
    QCOMPARE(parsed->passThreshold(), 80);
    QCOMPARE(parsed->timeLimitSeconds(), 1800);

    int multiple = 0;
    QSet<QString> texts;
    for (const Question &q : parsed->questions()) {
        QVERIFY2(q.options.size() >= 3 && q.options.size() <= 5, qPrintable(q.id));
        QVERIFY2(q.correct.size() <= 2, qPrintable(q.id));
        QVERIFY2(!texts.contains(q.text), qPrintable("repeated question text: " + q.id));
        texts.insert(q.text);
        if (q.isMultiple()) {
            ++multiple;
        }
    }
    QVERIFY(multiple >= 2);

    QVERIFY(parsed->studyModules().size() >= 5 && parsed->studyModules().size() <= 6);
    for (const StudyModule &module : parsed->studyModules()) {
        QVERIFY2(module.paragraphs.size() >= 3 && module.paragraphs.size() <= 6, qPrintable(module.id));
        QVERIFY2(module.selfCheck.size() >= 2 && module.selfCheck.size() <= 3, qPrintable(module.id));
    }

    const QList<Question> drawn = parsed->drawQuestions(parsed->questionsPerAttempt(), 2026);
    QCOMPARE(drawn.size(), 20);
}

QTEST_GUILESS_MAIN(tst_TestDefinition)
#include "tst_testdefinition.moc"
