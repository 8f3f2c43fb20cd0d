// SPDX-License-Identifier: MIT
// The JSON contract: valid documents pass, each kind of violation is reported at its JSON pointer.
#include <atomic>
#include <thread>
#include <vector>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "contract/contractvalidator.h"
#include "contract/jsonparse.h"

using namespace Proctor::Contract;

Q_DECLARE_METATYPE(Proctor::Contract::Schema)
Q_DECLARE_METATYPE(Proctor::Contract::ContractError::Code)

namespace {

const QString kUuid = QStringLiteral("0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d11");
const QString kSessionId = QStringLiteral("7d3c2f1e-9b8a-4c6d-8e5f-1a2b3c4d5e6f");

// A marker value for mutate(): remove the member instead of setting it.
const QJsonValue kRemove(QJsonValue::Undefined);

// Sets (or with kRemove removes) the value at an RFC 6901 pointer, creating nothing on the way:
// every parent must exist. Tests describe each broken document as "valid one + this change".
QJsonValue mutateTokens(const QJsonValue &node, QStringList tokens, const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        return value;
    }
    QString token = tokens.takeFirst();
    token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = token.toInt();
        if (tokens.isEmpty() && value.isUndefined()) {
            array.removeAt(index);
        } else if (index == array.size()) {
            array.append(mutateTokens(QJsonValue(), tokens, value));
        } else {
            array[index] = mutateTokens(array.at(index), tokens, value);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (tokens.isEmpty() && value.isUndefined()) {
        object.remove(token);
    } else {
        object.insert(token, mutateTokens(object.value(token), tokens, value));
    }
    return object;
}

QJsonValue mutate(const QJsonValue &document, const QString &pointer, const QJsonValue &value)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // the empty token before the leading '/'
    return mutateTokens(document, tokens, value);
}

QJsonObject validSessionStart()
{
    return QJsonObject{
        {"testId", "infosec-basics"},
        {"kind", "test"},
        {"locale", "ru"},
        {"candidate", QJsonObject{{"lastName", "Иванов"},
                                  {"firstName", "Иван"},
                                  {"middleName", "Иванович"},
                                  {"position", "Специалист"},
                                  {"email", "ivanov@example.org"}}},
        {"persistentId", kUuid},
        {"fingerprint",
         QJsonObject{{"privacySafeHash", QString(64, QLatin1Char('a'))},
                     {"attributes", QJsonObject{{"userAgent", "Mozilla/5.0 (X11; Linux x86_64)"},
                                                {"platform", "Linux x86_64"},
                                                {"hardwareConcurrency", 8},
                                                {"webglVendor", "Mesa"},
                                                {"webglRenderer", "llvmpipe"},
                                                {"screen", "1920x1080x24"},
                                                {"timezone", "Europe/Moscow"},
                                                {"languages", QJsonArray{"ru-RU", "en-US"}}}}}},
    };
}

// One event of every type, in this order, so rows can address "/events/<index>/…" by type.
const QStringList kEventTypes = {
    "test_started",        "test_finished",  "study_started",      "question_shown",
    "answer_changed",      "focus_loss",     "focus_gain",         "visibility_hidden",
    "visibility_visible",  "copy_attempt",   "cut_attempt",        "paste_attempt",
    "context_menu",        "print_attempt",  "screenshot_attempt", "fullscreen_exit",
    "network_offline",     "network_online", "module_view_time",   "scroll_depth_milestone",
    "self_check_answered",
};

QJsonObject detailsFor(const QString &type)
{
    static const QHash<QString, QJsonObject> details = {
        {"test_started", {{"questionCount", 20}}},
        {"test_finished", {{"answered", 19}, {"total", 20}, {"reason", "time_up"}}},
        {"question_shown", {{"questionId", "q07"}, {"index", 0}}},
        {"answer_changed", {{"questionId", "q07"}, {"from", QJsonArray{}}, {"to", QJsonArray{"a", "c"}}}},
        {"focus_gain", {{"durationMs", 8300}}},
        {"visibility_visible", {{"durationMs", 0}}},
        {"copy_attempt", {{"questionId", "q07"}}},
        {"context_menu", {{"questionId", "q07"}}},
        {"print_attempt", {{"method", "shortcut"}}},
        {"screenshot_attempt", {{"key", "PrintScreen"}, {"method", "keyup"}}},
        {"network_online", {{"durationMs", 86400000}}},
        {"module_view_time", {{"moduleId", "m1"}, {"seconds", 12.5}}},
        {"scroll_depth_milestone", {{"moduleId", "m1"}, {"percent", 75}}},
        {"self_check_answered", {{"moduleId", "m1"}, {"questionId", "m1-q1"}, {"correct", true}}},
    };
    return details.value(type); // the rest take an empty object
}

QString eventId(int i)
{
    return QStringLiteral("c1f1a2b3-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QJsonObject event(int seq, const QString &type)
{
    return QJsonObject{{"eventId", eventId(seq)},
                       {"seq", seq},
                       {"type", type},
                       {"clientTs", "2026-11-25T10:00:01.250Z"},
                       {"details", detailsFor(type)}};
}

QJsonObject eventBatch(int count)
{
    QJsonArray events;
    for (int i = 0; i < count; ++i) {
        events.append(event(i, kEventTypes.at(i % kEventTypes.size())));
    }
    return QJsonObject{{"sessionId", kSessionId}, {"events", events}};
}

QJsonObject validEventBatch()
{
    return eventBatch(int(kEventTypes.size()));
}

QString ev(const QString &type, const QString &rest = QString())
{
    return QStringLiteral("/events/%1%2").arg(kEventTypes.indexOf(type)).arg(rest);
}

QJsonArray manyPoints(int count)
{
    QJsonArray points;
    for (int i = 0; i < count; ++i) {
        points.append(QJsonArray{100 + i % 500, 200.5, i});
    }
    return points;
}

QJsonObject validResult()
{
    return QJsonObject{
        {"answers", QJsonArray{QJsonObject{{"questionId", "q07"}, {"optionIds", QJsonArray{"b"}}},
                               QJsonObject{{"questionId", "q12"}, {"optionIds", QJsonArray{"a", "d"}}},
                               QJsonObject{{"questionId", "q15"}, {"optionIds", QJsonArray{}}}}},
        {"telemetry",
         QJsonObject{
             {"questions",
              QJsonArray{QJsonObject{{"questionId", "q07"}, {"latencyMs", 5400}, {"answerChanges", 1}}}},
             {"focusLossCount", 2},
             {"blurMs", 8300},
             {"mouse", QJsonArray{QJsonObject{
                           {"questionId", "q07"},
                           {"points", QJsonArray{QJsonArray{512, 300, 0}, QJsonArray{515.5, 302, 16}}}}}},
             {"keystrokes", QJsonObject{{"dwell", QJsonObject{{"KeyA", QJsonArray{67, 72.5}}}},
                                        {"flight", QJsonObject{{"KeyA>KeyB", QJsonArray{-12, 40}}}},
                                        {"digraph", QJsonObject{{"KeyA>KeyB", QJsonArray{55, 118}}}}}},
             {"viewport", QJsonObject{{"width", 1280}, {"height", 800}}}}},
        {"clientFinishedAt", "2026-11-25T10:20:00Z"},
    };
}

QJsonObject option(const QString &id, const QString &text)
{
    return QJsonObject{{"id", id}, {"text", text}};
}

QJsonObject validTestDefinition()
{
    const QJsonArray options{option("a", "Один"), option("b", "Два"), option("c", "Три")};
    return QJsonObject{
        {"id", "infosec-basics"},
        {"title", "Основы информационной безопасности"},
        {"description", "Проверка знаний"},
        {"locale", "ru"},
        {"passThreshold", 80},
        {"questionsPerAttempt", 2},
        {"timeLimitSeconds", 1800},
        {"questions", QJsonArray{QJsonObject{{"id", "q1"},
                                             {"text", "Вопрос 1"},
                                             {"options", options},
                                             {"correct", QJsonArray{"a"}},
                                             {"explanation", "Потому что"},
                                             {"topic", "passwords"}},
                                 QJsonObject{{"id", "q2"},
                                             {"text", "Вопрос 2"},
                                             {"options", options},
                                             {"correct", QJsonArray{"b", "c"}}}}},
        {"study",
         QJsonObject{{"modules", QJsonArray{QJsonObject{
                                     {"id", "m1"},
                                     {"title", "Пароли"},
                                     {"paragraphs", QJsonArray{"Абзац 1", "Абзац 2"}},
                                     {"selfCheck", QJsonArray{QJsonObject{{"id", "m1-q1"},
                                                                          {"text", "Самопроверка"},
                                                                          {"options", options},
                                                                          {"correct", QJsonArray{"c"}}}}},
                                 }}}}},
    };
}

QJsonObject validDocument(Schema schema)
{
    switch (schema) {
    case Schema::SessionStart:
        return validSessionStart();
    case Schema::EventBatch:
        return validEventBatch();
    case Schema::ResultSubmission:
        return validResult();
    case Schema::TestDefinition:
        return validTestDefinition();
    case Schema::LiveMessage: // covered by tst_livemessage, which builds every message type
        break;
    }
    return {};
}

QString schemaFile(Schema schema)
{
    return ContractValidator::resourcePath(schema).section(QLatin1Char('/'), -1);
}

} // namespace

class tst_ContractValidator : public QObject
{
    Q_OBJECT

private slots:
    void schemasAreEmbedded_data();
    void schemasAreEmbedded();
    void schemasAreClosedAndBounded_data();
    void schemasAreClosedAndBounded();
    void everyEventTypeIsTyped();
    void validDocuments_data();
    void validDocuments();
    void invalidDocuments_data();
    void invalidDocuments();
    void pointerFromContext_data();
    void pointerFromContext();
    void parseJsonObject_data();
    void parseJsonObject();
    void concurrentValidation();

private:
    const ContractValidator &m_validator = ContractValidator::shared();
};

void tst_ContractValidator::schemasAreEmbedded_data()
{
    QTest::addColumn<Schema>("schema");
    QTest::newRow("session-start") << Schema::SessionStart;
    QTest::newRow("event-batch") << Schema::EventBatch;
    QTest::newRow("result-submission") << Schema::ResultSubmission;
    QTest::newRow("test-definition") << Schema::TestDefinition;
    QTest::newRow("live-message") << Schema::LiveMessage;
}

void tst_ContractValidator::schemasAreEmbedded()
{
    // The resource lives in an object library of a static library: this proves it reaches the
    // executable, and that the embedded copy is the file in the source tree.
    QFETCH(Schema, schema);
    QFile embedded(ContractValidator::resourcePath(schema));
    QVERIFY2(embedded.open(QIODevice::ReadOnly), qPrintable(embedded.fileName()));
    const QString sourceDir = qEnvironmentVariable("PROCTOR_SOURCE_DIR");
    QVERIFY2(!sourceDir.isEmpty(), "PROCTOR_SOURCE_DIR is not set");
    QFile source(sourceDir + QStringLiteral("/shared/contract/") + schemaFile(schema));
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
    QCOMPARE(embedded.readAll(), source.readAll());
}

void tst_ContractValidator::schemasAreClosedAndBounded_data()
{
    schemasAreEmbedded_data();
}

namespace {

// Every object closed, every string/array/integer bounded. `if`/`then` subschemas only select or
// point at definitions, which are checked themselves.
void checkBounds(const QJsonValue &node, const QString &path, QStringList &problems)
{
    if (node.isArray()) {
        const QJsonArray array = node.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            checkBounds(array.at(i), QStringLiteral("%1/%2").arg(path).arg(i), problems);
        }
        return;
    }
    if (!node.isObject()) {
        return;
    }
    const QJsonObject schema = node.toObject();
    const QString type = schema.value("type").toString();
    const bool enumerated = schema.contains("enum") || schema.contains("const");
    if (schema.contains("properties") && schema.value("additionalProperties") != QJsonValue(false)) {
        problems << path + QStringLiteral(": additionalProperties is not false");
    }
    // An event's details are typed per event type by the event's allOf (see everyEventTypeIsTyped).
    if (type == "object" && !schema.contains("properties") && path.contains("/properties/") &&
        path != "/definitions/event/properties/details") {
        problems << path + QStringLiteral(": open object");
    }
    if (type == "string" && !enumerated && !schema.contains("maxLength")) {
        problems << path + QStringLiteral(": string without maxLength");
    }
    if (type == "array" && !schema.contains("maxItems")) {
        problems << path + QStringLiteral(": array without maxItems");
    }
    if ((type == "integer" || type == "number") && !enumerated &&
        !(schema.contains("minimum") && schema.contains("maximum"))) {
        problems << path + QStringLiteral(": number without minimum and maximum");
    }
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (it.key() == "if" || it.key() == "then" || it.key() == "enum" || it.key() == "const") {
            continue;
        }
        checkBounds(it.value(), path + QLatin1Char('/') + it.key(), problems);
    }
}

} // namespace

void tst_ContractValidator::schemasAreClosedAndBounded()
{
    QFETCH(Schema, schema);
    QFile file(ContractValidator::resourcePath(schema));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value("$schema").toString(), QStringLiteral("http://json-schema.org/draft-07/schema#"));
    QStringList problems;
    checkBounds(root, QString(), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_ContractValidator::everyEventTypeIsTyped()
{
    // Each listed type has its own closed details definition and a rule selecting it; nothing else.
    QFile file(ContractValidator::resourcePath(Schema::EventBatch));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject definitions =
        QJsonDocument::fromJson(file.readAll()).object().value("definitions").toObject();
    const QJsonObject event = definitions.value("event").toObject();
    const QJsonArray enumerated =
        event.value("properties").toObject().value("type").toObject().value("enum").toArray();
    QStringList types;
    for (const QJsonValue type : enumerated) {
        types << type.toString();
    }
    QCOMPARE(types, kEventTypes); // the table in docs/api.md, in its order
    QStringList selected;
    const QJsonArray rules = event.value("allOf").toArray();
    for (const QJsonValue rule : rules) {
        const QJsonObject object = rule.toObject();
        const QString type = object.value("if")
                                 .toObject()
                                 .value("properties")
                                 .toObject()
                                 .value("type")
                                 .toObject()
                                 .value("const")
                                 .toString();
        const QString ref = object.value("then")
                                .toObject()
                                .value("properties")
                                .toObject()
                                .value("details")
                                .toObject()
                                .value("$ref")
                                .toString();
        QCOMPARE(ref, "#/definitions/details_" + type);
        QVERIFY2(definitions.contains("details_" + type), qPrintable(type));
        QCOMPARE(definitions.value("details_" + type).toObject().value("additionalProperties"),
                 QJsonValue(false));
        selected << type;
    }
    QCOMPARE(selected, types);
    // The validator relies on exactly this shape for its fast path on valid batches.
    QVERIFY(m_validator.usesEventDispatch());
}

void tst_ContractValidator::validDocuments_data()
{
    QTest::addColumn<Schema>("schema");
    QTest::addColumn<QJsonValue>("document");

    const QJsonObject session = validSessionStart();
    QTest::newRow("session: full") << Schema::SessionStart << QJsonValue(session);
    QTest::newRow("session: study kind, en")
        << Schema::SessionStart << mutate(mutate(session, "/kind", "study"), "/locale", "en");
    QTest::newRow("session: without optional names")
        << Schema::SessionStart
        << mutate(mutate(session, "/candidate/middleName", kRemove), "/candidate/email", kRemove);
    QTest::newRow("session: empty middle name")
        << Schema::SessionStart << mutate(session, "/candidate/middleName", "");
    QTest::newRow("session: 100-char last name")
        << Schema::SessionStart << mutate(session, "/candidate/lastName", QString(100, QChar(0x0416)));
    QTest::newRow("session: no fingerprint attributes")
        << Schema::SessionStart << mutate(session, "/fingerprint/attributes", QJsonObject{});
    QTest::newRow("session: 64-char test id")
        << Schema::SessionStart << mutate(session, "/testId", QString(64, 'x'));

    QTest::newRow("events: every type once") << Schema::EventBatch << QJsonValue(validEventBatch());
    QTest::newRow("events: one") << Schema::EventBatch << QJsonValue(eventBatch(1));
    QTest::newRow("events: 500") << Schema::EventBatch << QJsonValue(eventBatch(500));
    QTest::newRow("events: copy without questionId")
        << Schema::EventBatch << mutate(validEventBatch(), ev("copy_attempt", "/details"), QJsonObject{});
    QTest::newRow("events: offset timestamp")
        << Schema::EventBatch << mutate(validEventBatch(), "/events/0/clientTs", "2026-11-25T13:00:01+03:00");
    QTest::newRow("events: lower-case t and z, no fraction")
        << Schema::EventBatch << mutate(validEventBatch(), "/events/0/clientTs", "2026-11-25t10:00:01z");
    QTest::newRow("events: nanosecond fraction")
        << Schema::EventBatch
        << mutate(validEventBatch(), "/events/0/clientTs", "2026-11-25T10:00:01.123456789Z");
    QTest::newRow("events: upper-case uuid")
        << Schema::EventBatch << mutate(validEventBatch(), "/events/0/eventId", kUuid.toUpper());
    QTest::newRow("events: integral seconds as number")
        << Schema::EventBatch << mutate(validEventBatch(), ev("module_view_time", "/details/seconds"), 0);
    QTest::newRow("events: seq at int32 max")
        << Schema::EventBatch << mutate(validEventBatch(), "/events/0/seq", 2147483647);

    QTest::newRow("result: full") << Schema::ResultSubmission << QJsonValue(validResult());
    QTest::newRow("result: without clientFinishedAt")
        << Schema::ResultSubmission << mutate(validResult(), "/clientFinishedAt", kRemove);
    QTest::newRow("result: no answers")
        << Schema::ResultSubmission << mutate(validResult(), "/answers", QJsonArray{});
    QTest::newRow("result: 20000 mouse points")
        << Schema::ResultSubmission << mutate(validResult(), "/telemetry/mouse/0/points", manyPoints(20000));

    QTest::newRow("test: full") << Schema::TestDefinition << QJsonValue(validTestDefinition());
    QTest::newRow("test: minimal") << Schema::TestDefinition
                                   << mutate(mutate(mutate(mutate(mutate(validTestDefinition(), "/study",
                                                                         kRemove),
                                                                  "/description", kRemove),
                                                           "/passThreshold", kRemove),
                                                    "/timeLimitSeconds", kRemove),
                                             "/questions/0/explanation", kRemove);
    QTest::newRow("test: no time limit")
        << Schema::TestDefinition << mutate(validTestDefinition(), "/timeLimitSeconds", 0);
}

void tst_ContractValidator::validDocuments()
{
    QFETCH(Schema, schema);
    QFETCH(QJsonValue, document);
    const auto result = m_validator.validate(schema, document);
    QVERIFY2(result.has_value(),
             qPrintable(result ? QString()
                               : result.error().pointer + QStringLiteral(": ") + result.error().message));
}

void tst_ContractValidator::invalidDocuments_data()
{
    QTest::addColumn<Schema>("schema");
    QTest::addColumn<QJsonValue>("document");
    QTest::addColumn<QString>("pointer");

    auto row = [](const char *name, Schema schema, const QJsonValue &document, const QString &pointer) {
        QTest::newRow(name) << schema << document << pointer;
    };
    // Valid document of `schema` with `value` put at `at`; the error must name `pointer` (default `at`).
    auto change = [&row](const char *name, Schema schema, const QString &at, const QJsonValue &value,
                         const QString &pointer = QString()) {
        row(name, schema, mutate(validDocument(schema), at, value), pointer.isNull() ? at : pointer);
    };

    for (const Schema schema :
         {Schema::SessionStart, Schema::EventBatch, Schema::ResultSubmission, Schema::TestDefinition}) {
        const QByteArray prefix = schemaFile(schema).section(QLatin1Char('.'), 0, 0).toLatin1();
        QTest::newRow((prefix + ": not an object (array)").constData())
            << schema << QJsonValue(QJsonArray{}) << QString();
        QTest::newRow((prefix + ": not an object (string)").constData())
            << schema << QJsonValue("{}") << QString();
        QTest::newRow((prefix + ": empty object").constData())
            << schema << QJsonValue(QJsonObject{})
            << QString(schema == Schema::SessionStart       ? "/fingerprint"
                       : schema == Schema::EventBatch       ? "/events"
                       : schema == Schema::ResultSubmission ? "/answers"
                                                            : "/id");
        QTest::newRow((prefix + ": unknown top-level field").constData())
            << schema << mutate(validDocument(schema), "/extra", 1) << QStringLiteral("/extra");
        QTest::newRow((prefix + ": unknown field needing escapes").constData())
            << schema << mutate(validDocument(schema), "/a~1b~0c", 1) << QStringLiteral("/a~1b~0c");
    }

    const Schema S = Schema::SessionStart;
    change("session: missing testId", S, "/testId", kRemove);
    change("session: testId with a space", S, "/testId", "infosec basics");
    change("session: testId of 65 chars", S, "/testId", QString(65, 'x'));
    change("session: testId of 200k chars", S, "/testId", QString(200000, 'x'));
    change("session: empty testId", S, "/testId", "");
    change("session: testId is a number", S, "/testId", 17);
    change("session: unknown kind", S, "/kind", "exam");
    change("session: unknown locale", S, "/locale", "de");
    change("session: candidate is a string", S, "/candidate", "Иванов");
    change("session: missing last name", S, "/candidate/lastName", kRemove);
    change("session: empty last name", S, "/candidate/lastName", "");
    change("session: blank first name", S, "/candidate/firstName", "   ");
    change("session: last name of 101 chars", S, "/candidate/lastName", QString(101, QChar(0x0416)));
    change("session: last name of 300k chars", S, "/candidate/lastName", QString(300000, QChar(0x0416)));
    change("session: middle name is null", S, "/candidate/middleName", QJsonValue::Null);
    change("session: unknown candidate field", S, "/candidate/age", 30);
    change("session: bad email", S, "/candidate/email", "ivanov.example.org");
    change("session: position of 201 chars", S, "/candidate/position", QString(201, 'p'));
    change("session: persistentId not a uuid", S, "/persistentId", "0b5c4f7e6a1d4c1b9a432f4f1c0b9d11");
    change("session: persistentId with a bad digit", S, "/persistentId",
           "0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d1g");
    change("session: missing fingerprint", S, "/fingerprint", kRemove);
    change("session: upper-case hash", S, "/fingerprint/privacySafeHash", QString(64, 'A'));
    change("session: short hash", S, "/fingerprint/privacySafeHash", QString(63, 'a'));
    change("session: negative cores", S, "/fingerprint/attributes/hardwareConcurrency", -1);
    change("session: cores as string", S, "/fingerprint/attributes/hardwareConcurrency", "8");
    change("session: fractional cores", S, "/fingerprint/attributes/hardwareConcurrency", 2.5);
    change("session: bad screen", S, "/fingerprint/attributes/screen", "big");
    change("session: unknown attribute", S, "/fingerprint/attributes/canvas", "hash");
    change("session: user agent of 513 chars", S, "/fingerprint/attributes/userAgent", QString(513, 'u'));
    {
        QJsonArray languages;
        for (int i = 0; i < 33; ++i) {
            languages.append("ru-RU");
        }
        change("session: 33 languages", S, "/fingerprint/attributes/languages", languages);
    }
    change("session: language not a string", S, "/fingerprint/attributes/languages/1", 5);

    const Schema E = Schema::EventBatch;
    row("events: none", E, eventBatch(0), "/events");
    row("events: 501", E, eventBatch(501), "/events");
    row("events: bad type at index 250 of 300", E, mutate(eventBatch(300), "/events/250/type", "nope"),
        "/events/250/type");
    change("events: missing sessionId", E, "/sessionId", kRemove);
    change("events: bad sessionId", E, "/sessionId", "7d3c");
    change("events: events not an array", E, "/events", QJsonObject{});
    change("events: unknown event field", E, "/events/3/extra", true);
    change("events: unknown event type", E, "/events/1/type", "mouse_teleport");
    change("events: event type of wrong case", E, "/events/1/type", "FOCUS_LOSS");
    change("events: unknown field in empty details", E, ev("focus_loss", "/details/foo"), 1);
    change("events: unknown field in typed details", E, ev("test_started", "/details/foo"), 1);
    change("events: unknown field in study_started", E, ev("study_started", "/details/page"), "study-152");
    change("events: test_started missing count", E, ev("test_started", "/details/questionCount"), kRemove);
    change("events: test_finished total as string", E, ev("test_finished", "/details/total"), "20");
    change("events: test_finished unknown reason", E, ev("test_finished", "/details/reason"), "gave_up");
    change("events: negative durationMs", E, ev("focus_gain", "/details/durationMs"), -1);
    change("events: fractional durationMs", E, ev("focus_gain", "/details/durationMs"), 1.5);
    change("events: durationMs over a day", E, ev("visibility_visible", "/details/durationMs"), 86400001);
    change("events: durationMs as string", E, ev("network_online", "/details/durationMs"), "100");
    change("events: missing durationMs", E, ev("focus_gain", "/details/durationMs"), kRemove);
    change("events: question_shown bad questionId", E, ev("question_shown", "/details/questionId"), "q 7");
    change("events: question_shown negative index", E, ev("question_shown", "/details/index"), -1);
    change("events: answer_changed duplicate options", E, ev("answer_changed", "/details/to"),
           QJsonArray{"a", "a"});
    change("events: answer_changed option id not a string", E, ev("answer_changed", "/details/from/0"), 1);
    change("events: paste_attempt with text", E, ev("paste_attempt", "/details/text"), "secret");
    change("events: print_attempt unknown method", E, ev("print_attempt", "/details/method"), "menu");
    change("events: screenshot_attempt missing key", E, ev("screenshot_attempt", "/details/key"), kRemove);
    change("events: screenshot_attempt key too long", E, ev("screenshot_attempt", "/details/key"),
           QString(33, 'k'));
    change("events: negative module seconds", E, ev("module_view_time", "/details/seconds"), -0.5);
    change("events: scroll percent 30", E, ev("scroll_depth_milestone", "/details/percent"), 30);
    change("events: scroll percent as string", E, ev("scroll_depth_milestone", "/details/percent"), "25");
    change("events: self-check correct as string", E, ev("self_check_answered", "/details/correct"), "yes");
    change("events: details missing", E, "/events/0/details", kRemove);
    change("events: details is an array", E, ev("focus_loss", "/details"), QJsonArray{});
    change("events: details is null", E, ev("focus_loss", "/details"), QJsonValue::Null);
    change("events: missing type", E, "/events/0/type", kRemove);
    change("events: negative seq", E, "/events/0/seq", -1);
    change("events: fractional seq", E, "/events/0/seq", 0.5);
    change("events: seq above int32", E, "/events/0/seq", 2147483648.0);
    change("events: bad eventId", E, "/events/2/eventId", "not-a-uuid");
    change("events: eventId with braces", E, "/events/2/eventId", "{" + kUuid + "}");
    change("events: clientTs with a space", E, "/events/0/clientTs", "2026-11-25 10:00:01Z");
    change("events: clientTs without zone", E, "/events/0/clientTs", "2026-11-25T10:00:01.250");
    change("events: clientTs month 13", E, "/events/0/clientTs", "2026-13-25T10:00:01Z");
    change("events: clientTs hour 24", E, "/events/0/clientTs", "2026-11-25T24:00:01Z");
    change("events: clientTs as words", E, "/events/0/clientTs", "yesterday");
    change("events: clientTs as epoch ms", E, "/events/0/clientTs", 1764064801250.0);
    change("events: clientTs with trailing text", E, "/events/0/clientTs", "2026-11-25T10:00:01Z; drop");

    const Schema R = Schema::ResultSubmission;
    change("result: forged score", R, "/score", 100);
    change("result: forged passed", R, "/passed", true);
    change("result: forged grade", R, "/grade", QJsonObject{{"number", 5}, {"key", "excellent"}});
    change("result: forged certificate", R, "/certificate", "26/11-0001");
    change("result: missing answers", R, "/answers", kRemove);
    change("result: missing telemetry", R, "/telemetry", kRemove);
    {
        QJsonArray answers;
        for (int i = 0; i < 201; ++i) {
            answers.append(
                QJsonObject{{"questionId", QStringLiteral("q%1").arg(i)}, {"optionIds", QJsonArray{"a"}}});
        }
        change("result: 201 answers", R, "/answers", answers);
    }
    change("result: answer claims correct", R, "/answers/1/correct", true);
    change("result: answer without optionIds", R, "/answers/0/optionIds", kRemove);
    change("result: duplicate optionIds", R, "/answers/1/optionIds", QJsonArray{"a", "a"});
    change("result: 11 optionIds", R, "/answers/0/optionIds",
           QJsonArray{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"});
    change("result: bad questionId", R, "/answers/2/questionId", "../q1");
    change("result: score inside telemetry", R, "/telemetry/score", 100);
    change("result: negative latency", R, "/telemetry/questions/0/latencyMs", -5);
    change("result: negative blur", R, "/telemetry/blurMs", -1);
    change("result: focus losses as string", R, "/telemetry/focusLossCount", "2");
    change("result: mouse point with two numbers", R, "/telemetry/mouse/0/points/1", QJsonArray{1, 2});
    change("result: mouse point with four numbers", R, "/telemetry/mouse/0/points/1", QJsonArray{1, 2, 3, 4});
    change("result: mouse x as string", R, "/telemetry/mouse/0/points/0/0", "512");
    change("result: mouse t negative", R, "/telemetry/mouse/0/points/0/2", -16);
    change("result: mouse t fractional", R, "/telemetry/mouse/0/points/1/2", 16.5);
    change("result: 20001 mouse points", R, "/telemetry/mouse/0/points", manyPoints(20001));
    {
        QJsonArray dwell;
        for (int i = 0; i < 51; ++i)
            dwell.append(80);
        change("result: 51 dwell times of one key", R, "/telemetry/keystrokes/dwell/KeyA", dwell);
    }
    // Timing features only: the ordered key list of earlier pages (which spells out the text) is refused.
    change("result: the ordered key list", R, "/telemetry/keystrokes",
           QJsonArray{QJsonObject{{"code", "KeyA"}, {"downMs", 1}, {"upMs", 2}}});
    change("result: keystroke code with a space", R, "/telemetry/keystrokes/dwell/Key A", QJsonArray{80});
    change("result: a pair without '>'", R, "/telemetry/keystrokes/digraph/KeyAKeyB", QJsonArray{80});
    change("result: keystroke with the typed key", R, "/telemetry/keystrokes/key", "a");
    change("result: a dwell over a second", R, "/telemetry/keystrokes/dwell/KeyA/0", 1001);
    change("result: a digraph over the pause", R, "/telemetry/keystrokes/digraph/KeyA>KeyB/0", 1501);
    change("result: an empty timing list", R, "/telemetry/keystrokes/flight/KeyA>KeyB", QJsonArray{});
    change("result: keystrokes without digraphs", R, "/telemetry/keystrokes/digraph", kRemove);
    change("result: viewport without height", R, "/telemetry/viewport/height", kRemove);
    change("result: bad clientFinishedAt", R, "/clientFinishedAt", "25.11.2026 10:20");

    const Schema T = Schema::TestDefinition;
    change("test: bad id", T, "/id", "a/b");
    change("test: missing title", T, "/title", kRemove);
    change("test: unknown locale", T, "/locale", "de");
    change("test: threshold 101", T, "/passThreshold", 101);
    change("test: threshold -1", T, "/passThreshold", -1);
    change("test: zero questions per attempt", T, "/questionsPerAttempt", 0);
    change("test: negative time limit", T, "/timeLimitSeconds", -1);
    change("test: no questions", T, "/questions", QJsonArray{});
    change("test: one option", T, "/questions/0/options", QJsonArray{option("a", "Один")});
    {
        QJsonArray options;
        for (int i = 0; i < 11; ++i) {
            options.append(option(QStringLiteral("o%1").arg(i), "x"));
        }
        change("test: eleven options", T, "/questions/0/options", options);
    }
    change("test: empty correct", T, "/questions/0/correct", QJsonArray{});
    change("test: correct as string", T, "/questions/0/correct", "a");
    change("test: unknown question field", T, "/questions/1/answer", "b");
    change("test: unknown option field", T, "/questions/0/options/0/correct", true);
    change("test: empty question text", T, "/questions/1/text", "");
    change("test: study without modules", T, "/study/modules", kRemove);
    change("test: module without paragraphs", T, "/study/modules/0/paragraphs", QJsonArray{});
    change("test: unknown self-check field", T, "/study/modules/0/selfCheck/0/hint", "c");
    change("test: self-check without correct", T, "/study/modules/0/selfCheck/0/correct", kRemove);
}

void tst_ContractValidator::invalidDocuments()
{
    QFETCH(Schema, schema);
    QFETCH(QJsonValue, document);
    QFETCH(QString, pointer);
    const auto result = m_validator.validate(schema, document);
    QVERIFY2(!result.has_value(), "an invalid document passed validation");
    QCOMPARE(result.error().pointer, pointer);
    QCOMPARE(result.error().code, ContractError::Code::ValidationFailed);
    QVERIFY(!result.error().message.isEmpty());
}

void tst_ContractValidator::pointerFromContext_data()
{
    QTest::addColumn<QStringList>("context");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("root") << QStringList{"<root>"} << QString();
    QTest::newRow("nested") << QStringList{"<root>", "[events]", "[3]", "[details]", "[durationMs]"}
                            << QStringLiteral("/events/3/details/durationMs");
    QTest::newRow("slash and tilde") << QStringList{"<root>", "[a/b]", "[m~n]"}
                                     << QStringLiteral("/a~1b/m~0n");
    QTest::newRow("tilde then one") << QStringList{"<root>", "[~1]"} << QStringLiteral("/~01");
    QTest::newRow("brackets inside a name") << QStringList{"<root>", "[[x]]"} << QStringLiteral("/[x]");
    QTest::newRow("unicode name") << QStringList{"<root>", "[имя]"} << QStringLiteral("/имя");
    QTest::newRow("empty name") << QStringList{"<root>", "[]"} << QStringLiteral("/");
}

void tst_ContractValidator::pointerFromContext()
{
    QFETCH(QStringList, context);
    QFETCH(QString, pointer);
    std::vector<std::string> path;
    for (const QString &element : context) {
        path.push_back(element.toStdString());
    }
    QCOMPARE(jsonPointerFromContext(path), pointer);
}

void tst_ContractValidator::parseJsonObject_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<ContractError::Code>("code");
    QTest::addColumn<QString>("messageContains");

    const auto ok = ContractError::Code::ValidationFailed; // unused for successful rows
    QTest::newRow("object") << QByteArray(R"({"a": [1, {"b": "}]"}]})") << true << ok << QString();
    QTest::newRow("64 levels") << QByteArray("{\"a\":" + QByteArray(63, '[') + QByteArray(63, ']') + "}")
                               << true << ok << QString();
    QTest::newRow("65 levels") << QByteArray("{\"a\":" + QByteArray(64, '[') + QByteArray(64, ']') + "}")
                               << false << ContractError::Code::TooDeep << QStringLiteral("offset 68");
    QTest::newRow("100000 levels, unterminated")
        << QByteArray(100000, '[') << false << ContractError::Code::TooDeep << QStringLiteral("64 levels");
    QTest::newRow("brackets inside strings do not count")
        << QByteArray("{\"a\":\"" + QByteArray(1000, '[') + "\"}") << true << ok << QString();
    QTest::newRow("escaped quote keeps the string open")
        << QByteArray("{\"a\":\"\\\"" + QByteArray(1000, '{') + "\"}") << true << ok << QString();
    QTest::newRow("escaped backslash closes the string")
        << QByteArray("{\"a\":\"\\\\\"," + QByteArray(65, '[')) << false << ContractError::Code::TooDeep
        << QStringLiteral("offset");
    QTest::newRow("syntax error") << QByteArray(R"({"a": 1,})") << false << ContractError::Code::BadJson
                                  << QStringLiteral("offset");
    QTest::newRow("empty body") << QByteArray() << false << ContractError::Code::BadJson
                                << QStringLiteral("offset");
    QTest::newRow("truncated") << QByteArray(R"({"a": "b)") << false << ContractError::Code::BadJson
                               << QStringLiteral("offset");
    QTest::newRow("array") << QByteArray("[1, 2]") << false << ContractError::Code::NotAnObject
                           << QStringLiteral("object");
    QTest::newRow("number") << QByteArray("42") << false << ContractError::Code::NotAnObject
                            << QStringLiteral("object");
    QTest::newRow("string") << QByteArray(R"("{}")") << false << ContractError::Code::NotAnObject
                            << QStringLiteral("object");
}

void tst_ContractValidator::parseJsonObject()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(ContractError::Code, code);
    QFETCH(QString, messageContains);
    const auto result = Proctor::Contract::parseJsonObject(json);
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        return;
    }
    // A scalar that Qt refuses as a top-level value is a syntax error to it; either answer is a rejection.
    if (code == ContractError::Code::NotAnObject && result.error().code == ContractError::Code::BadJson) {
        return;
    }
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().pointer, QString());
    QVERIFY2(result.error().message.contains(messageContains), qPrintable(result.error().message));
}

void tst_ContractValidator::concurrentValidation()
{
    // Several threads share one validator; each must get exactly the verdicts a single thread gets.
    const QJsonValue good = validEventBatch();
    const QJsonValue bad = mutate(validEventBatch(), ev("focus_gain", "/details/durationMs"), -1);
    const QJsonValue result = validResult();
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 300; ++i) {
                if (!m_validator.validate(Schema::EventBatch, good)) {
                    ++failures;
                }
                const auto error = m_validator.validate(Schema::EventBatch, bad);
                if (error || error.error().pointer != ev("focus_gain", "/details/durationMs")) {
                    ++failures;
                }
                if (!m_validator.validate(Schema::ResultSubmission, result)) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(tst_ContractValidator)
#include "tst_contractvalidator.moc"
