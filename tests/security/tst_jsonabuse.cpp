// SPDX-License-Identifier: MIT
// Hostile JSON in the candidate endpoints: absurd nesting, huge values within the body limit, invalid
// UTF-8 and unpaired surrogates, NUL characters in every free text field, numbers JSON cannot or the
// contract must not hold, and duplicate keys. Every refusal is a 400 naming the field, never a 500 or a
// crash; the collector keeps serving and the database is unchanged.
#include <QElapsedTimer>
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

// A byte string literal that may hold NUL bytes or invalid UTF-8.
#define BYTES(literal) QByteArray(literal, sizeof(literal) - 1)

const QString kMarker = QStringLiteral("@@raw@@");

// `root` with the value at `path` ("candidate/lastName", "events/0/details") replaced by `value`.
QJsonValue setAt(QJsonValue root, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (root.isArray()) {
        QJsonArray a = root.toArray();
        a[head.toInt()] = setAt(a.at(head.toInt()), path, value);
        return a;
    }
    QJsonObject o = root.toObject();
    o.insert(head, setAt(o.value(head), path, value));
    return o;
}

// The compact JSON of `root` with the raw JSON text `fragment` at `path`: for what QJsonDocument cannot
// produce (invalid UTF-8, 1e400, duplicate keys, 10 000 levels).
QByteArray withRaw(const QJsonObject &root, const QString &path, const QByteArray &fragment)
{
    const QJsonObject marked = setAt(root, path.split(QLatin1Char('/')), kMarker).toObject();
    QByteArray json = QJsonDocument(marked).toJson(QJsonDocument::Compact);
    json.replace('"' + kMarker.toLatin1() + '"', fragment);
    return json;
}

QByteArray nested(int depth, char open = '[', char close = ']')
{
    return QByteArray(depth, open) + QByteArray(depth, close);
}

QByteArray nestedObjects(int depth)
{
    return QByteArray("{\"a\":").repeated(depth) + "1" + QByteArray(depth, '}');
}

QJsonObject eventBatch(const QJsonObject &event)
{
    return QJsonObject{{"sessionId", "@@sid@@"}, {"events", QJsonArray{event}}};
}

QJsonObject screenshotBatch()
{
    return eventBatch(
        HotPathFixture::event(0, "screenshot_attempt", {{"key", "PrintScreen"}, {"method", "keydown"}}));
}

QJsonObject resultBody()
{
    return QJsonObject{{"answers", QJsonArray{}}, {"telemetry", HotPathFixture::telemetry()}};
}

} // namespace

class TestJsonAbuse : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QString m_before;

    // Sends `body` to `endpoint` (sessions, events, result or login). Events and results go to a session of
    // their own, opened for the row, so that "nothing stored" is checkable per session.
    struct Sent
    {
        HttpResult result;
        StartedSession session;
        qint64 elapsedMs = 0;
    };
    Sent send(const QString &endpoint, QByteArray body)
    {
        Sent out;
        HttpClient::Headers h;
        QString path;
        if (endpoint == QLatin1String("sessions")) {
            path = QStringLiteral("/api/v1/sessions");
            h.append({"X-API-Key", f->apiKey()});
        } else if (endpoint == QLatin1String("login")) {
            path = QStringLiteral("/api/v1/auth/login");
        } else {
            out.session = f->startSession();
            if (out.session.id.isEmpty())
                return out;
            h.append({"X-Session-Token", out.session.token});
            body.replace("@@sid@@", out.session.id.toLatin1());
            path = endpoint == QLatin1String("events")
                       ? QStringLiteral("/api/v1/events")
                       : QStringLiteral("/api/v1/sessions/%1/result").arg(out.session.id);
        }
        QElapsedTimer clock;
        clock.start();
        out.result = f->http().post(f->url(path), body, h, 60000);
        out.elapsedMs = clock.elapsed();
        return out;
    }

    // The row's session (if any) has no events and no result; the rest of the database is as before.
    void expectNothingStored(const Sent &sent, const QString &before)
    {
        QVERIFY2(collectorServes(*f), f->collector().log().right(2000).constData());
        if (!sent.session.id.isEmpty()) {
            QCOMPARE(f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'")
                                        .arg(sent.session.id)),
                     QStringLiteral("0"));
            QCOMPARE(f->db().scalar(
                         QStringLiteral(
                             "SELECT status || coalesce(outcome::text, '') FROM sessions WHERE id = '%1'")
                             .arg(sent.session.id)),
                     QStringLiteral("in_progress"));
            QCOMPARE(f->db().scalar(
                         QStringLiteral("SELECT count(*) FROM session_telemetry WHERE session_id = '%1'")
                             .arg(sent.session.id)),
                     QStringLiteral("0"));
        } else {
            QCOMPARE(databaseFingerprint(f->db()), before);
        }
    }

    // The columns every refusal table has.
    static void refusalColumns()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
    }

    void expectRefused(int timeLimitMs)
    {
        QFETCH(QString, endpoint);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString before = databaseFingerprint(f->db());
        const Sent sent = send(endpoint, body);
        QVERIFY2(sent.result.status == 400,
                 qPrintable(QStringLiteral("%1: %2")
                                .arg(sent.result.status)
                                .arg(QString::fromUtf8(sent.result.body.left(300)))));
        QCOMPARE(sent.result.errorCode(), code);
        if (!field.isEmpty())
            QCOMPARE(sent.result.errorField(), field);
        QVERIFY2(sent.elapsedMs < timeLimitMs,
                 qPrintable(QStringLiteral("answered after %1 ms").arg(sent.elapsedMs)));
        expectNothingStored(sent, before);
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("jsonabuse"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        // Positive controls for the builders: a marker replaced by a plain string is still a valid request.
        QCOMPARE(
            send("sessions", withRaw(HotPathFixture::sessionStartBody(), "candidate/lastName", "\"Плейн\""))
                .result.status,
            201);
        QCOMPARE(send("events", withRaw(screenshotBatch(), "events/0/details/key", "\"F13\"")).result.status,
                 200);
        QCOMPARE(send("result", withRaw(resultBody(), "telemetry/focusLossCount", "3")).result.status, 201);
    }

    void absurdNestingIsRefused_data()
    {
        refusalColumns();
        const QJsonObject session = HotPathFixture::sessionStartBody();
        QTest::newRow("sessions: 10 000 nested arrays as the body")
            << "sessions" << nested(10000) << "bad_json"
            << "";
        QTest::newRow("sessions: 10 000 nested objects in the candidate")
            << "sessions" << withRaw(session, "candidate", nestedObjects(10000)) << "bad_json"
            << "";
        QTest::newRow("sessions: 100 000 unclosed brackets")
            << "sessions"
            << "{\"candidate\":" + QByteArray(100000, '[') << "bad_json"
            << "";
        // The body, fingerprint and attributes objects are three levels; the limit is 64.
        QTest::newRow("sessions: 65 levels, one over the limit")
            << "sessions" << withRaw(session, "fingerprint/attributes/languages", nested(62)) << "bad_json"
            << "";
        QTest::newRow("sessions: 64 levels reach the validator")
            << "sessions" << withRaw(session, "fingerprint/attributes/languages", nested(61))
            << "validation_failed"
            << "/fingerprint/attributes/languages/0";
        QTest::newRow("events: 10 000 nested arrays in details")
            << "events" << withRaw(screenshotBatch(), "events/0/details", nested(10000)) << "bad_json"
            << "";
        QTest::newRow("events: 10 000 nested objects in details")
            << "events" << withRaw(screenshotBatch(), "events/0/details", nestedObjects(10000)) << "bad_json"
            << "";
        QTest::newRow("result: 10 000 nested arrays in a mouse point")
            << "result" << withRaw(resultBody(), "telemetry/mouse/0/points/0", nested(10000)) << "bad_json"
            << "";
        QTest::newRow("login: 10 000 nested arrays as the password")
            << "login"
            << "{\"email\":\"a@example.org\",\"password\":" + nested(10000) + "}"
            << "bad_json"
            << "";
    }
    void absurdNestingIsRefused() { expectRefused(5000); }

    void bracketsInsideStringsAreText()
    {
        const QString name = QStringLiteral("[{").repeated(50);
        const Sent sent = send("sessions", QJsonDocument(HotPathFixture::sessionStartBody(name)).toJson());
        QCOMPARE(sent.result.status, 201);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT c.last_name FROM sessions s JOIN candidates c ON c.id "
                                               "= s.candidate_id WHERE s.id = '%1'")
                                    .arg(sent.result.json().value("sessionId").toString())),
                 name);
    }

    void hugeValuesWithinTheBodyLimit_data()
    {
        refusalColumns();
        const QJsonObject session = HotPathFixture::sessionStartBody();
        QTest::newRow("sessions: 7 MB last name")
            << "sessions" << withRaw(session, "candidate/lastName", '"' + QByteArray(7 << 20, 'A') + '"')
            << "validation_failed"
            << "/candidate/lastName";
        // Patterned fields: libstdc++'s std::regex recurses per character and would overflow the stack.
        QTest::newRow("sessions: 7 MB e-mail")
            << "sessions" << withRaw(session, "candidate/email", '"' + QByteArray(7 << 20, 'a') + '"')
            << "validation_failed"
            << "/candidate/email";
        QTest::newRow("sessions: 7 MB persistent id")
            << "sessions" << withRaw(session, "persistentId", '"' + QByteArray(7 << 20, 'a') + '"')
            << "validation_failed"
            << "/persistentId";
        QTest::newRow("sessions: 7 MB screen")
            << "sessions"
            << withRaw(session, "fingerprint/attributes/screen", '"' + QByteArray(7 << 20, '1') + '"')
            << "validation_failed"
            << "/fingerprint/attributes/screen";
        QByteArray numbers = "[" + QByteArray("1,").repeated(1000000);
        numbers.back() = ']';
        QTest::newRow("sessions: a million numbers in an unknown field")
            << "sessions" << withRaw(session, "huge", numbers) << "validation_failed"
            << "/huge";
        QByteArray languages = "[" + QByteArray("\"ru\",").repeated(1000000);
        languages.back() = ']';
        QTest::newRow("sessions: a million languages")
            << "sessions" << withRaw(session, "fingerprint/attributes/languages", languages)
            << "validation_failed"
            << "/fingerprint/attributes/languages";
        QByteArray keys = "{";
        for (int i = 0; i < 200000; ++i)
            keys += "\"k" + QByteArray::number(i) + "\":0,";
        keys.back() = '}';
        QTest::newRow("sessions: 200 000 keys in the fingerprint attributes")
            << "sessions" << withRaw(session, "fingerprint/attributes", keys) << "validation_failed"
            << "";
        QByteArray digraphs = "{";
        for (int i = 0; i < 200000; ++i)
            digraphs += "\"K" + QByteArray::number(i) + ">K\":[100],";
        digraphs.back() = '}';
        QTest::newRow("result: 200 000 key pairs (the contract allows 1 000)")
            << "result" << withRaw(resultBody(), "telemetry/keystrokes/digraph", digraphs)
            << "validation_failed"
            << "/telemetry/keystrokes/digraph";
        QTest::newRow("events: a 6 MB screenshot key")
            << "events"
            << withRaw(screenshotBatch(), "events/0/details/key", '"' + QByteArray(6 << 20, 'k') + '"')
            << "validation_failed"
            << "/events/0/details/key";
    }
    void hugeValuesWithinTheBodyLimit() { expectRefused(20000); }

    void largestValidBodiesAreStored()
    {
        // The contract's own maxima, at once: accepted, stored whole, in bounded time.
        QJsonArray timings;
        for (int i = 0; i < 50; ++i)
            timings.append(100 + i);
        QJsonObject dwell, flight, digraph;
        for (int i = 0; i < 200; ++i)
            dwell.insert(QStringLiteral("Key%1").arg(i), timings);
        for (int i = 0; i < 1000; ++i) {
            flight.insert(QStringLiteral("Key%1>Key%2").arg(i % 40).arg(i / 40), timings);
            digraph.insert(QStringLiteral("Key%1>Key%2").arg(i % 40).arg(i / 40), timings);
        }
        QJsonObject telemetry = HotPathFixture::telemetry();
        telemetry.insert("keystrokes",
                         QJsonObject{{"dwell", dwell}, {"flight", flight}, {"digraph", digraph}});
        Sent sent =
            send("result", QJsonDocument(QJsonObject{{"answers", QJsonArray{}}, {"telemetry", telemetry}})
                               .toJson(QJsonDocument::Compact));
        QCOMPARE(sent.result.status, 201);
        QVERIFY2(sent.elapsedMs < 20000, qPrintable(QString::number(sent.elapsedMs)));
        QCOMPARE(f->db().scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM session_telemetry, jsonb_object_keys(keystrokes->'digraph') "
                         "WHERE session_id = '%1'")
                         .arg(sent.session.id)),
                 QStringLiteral("1000"));

        QJsonArray events;
        for (int i = 0; i < 500; ++i)
            events.append(HotPathFixture::event(
                i, "screenshot_attempt", {{"key", QString(32, QLatin1Char('K'))}, {"method", "keyup"}}));
        sent = send("events", QJsonDocument(QJsonObject{{"sessionId", "@@sid@@"}, {"events", events}})
                                  .toJson(QJsonDocument::Compact));
        QCOMPARE(sent.result.status, 200);
        QCOMPARE(sent.result.json().value("accepted").toInt(), 500);
        QVERIFY(collectorServes(*f));
    }

    void invalidUnicodeIsRefused_data()
    {
        refusalColumns();
        const QJsonObject session = HotPathFixture::sessionStartBody();
        QTest::newRow("bytes FF FE") << "sessions"
                                     << withRaw(session, "candidate/lastName", BYTES("\"\xff\xfe\""))
                                     << "bad_json"
                                     << "";
        QTest::newRow("overlong slash C0 AF")
            << "sessions" << withRaw(session, "candidate/lastName", BYTES("\"\xc0\xaf\"")) << "bad_json"
            << "";
        QTest::newRow("UTF-8 encoded surrogate ED A0 80")
            << "sessions" << withRaw(session, "candidate/firstName", BYTES("\"\xed\xa0\x80\"")) << "bad_json"
            << "";
        QTest::newRow("truncated sequence D0")
            << "sessions" << withRaw(session, "candidate/position", BYTES("\"x\xd0\"")) << "bad_json"
            << "";
        QTest::newRow("invalid UTF-8 in event details")
            << "events"
            << withRaw(screenshotBatch(), "events/0/details/key", BYTES("\"\xf8\x88\x80\x80\x80\""))
            << "bad_json"
            << "";
        // Valid JSON escapes that are no Unicode text: they cannot be stored as they are (PostgreSQL refuses
        // them in jsonb, Qt turns them into '?' in text), so they are refused as such, naming the field.
        QTest::newRow("escaped lone high surrogate in a name")
            << "sessions" << withRaw(session, "candidate/lastName", "\"A\\ud800B\"") << "validation_failed"
            << "/candidate/lastName";
        QTest::newRow("escaped lone low surrogate in the user agent")
            << "sessions" << withRaw(session, "fingerprint/attributes/userAgent", "\"\\udc00\"")
            << "validation_failed"
            << "/fingerprint/attributes/userAgent";
        QTest::newRow("escaped surrogates in the wrong order in a language")
            << "sessions" << withRaw(session, "fingerprint/attributes/languages/0", "\"\\udc00\\ud800\"")
            << "validation_failed"
            << "/fingerprint/attributes/languages/0";
        QTest::newRow("escaped lone surrogate in event details")
            << "events" << withRaw(screenshotBatch(), "events/0/details/key", "\"\\ud800\"")
            << "validation_failed"
            << "/events/0/details/key";
    }
    void invalidUnicodeIsRefused() { expectRefused(5000); }

    void validSurrogatePairIsStored()
    {
        // The positive twin of the rows above: a correctly paired escape is text like any other.
        const Sent sent = send("sessions", withRaw(HotPathFixture::sessionStartBody(), "candidate/lastName",
                                                   "\"A\\ud83d\\ude00B\""));
        QCOMPARE(sent.result.status, 201);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT c.last_name FROM sessions s JOIN candidates c ON c.id "
                                               "= s.candidate_id WHERE s.id = '%1'")
                                    .arg(sent.result.json().value("sessionId").toString())),
                 QStringLiteral("A\U0001F600B"));
    }

    void nulInTextIsRefused_data()
    {
        refusalColumns();
        const QJsonObject session = HotPathFixture::sessionStartBody();
        const QByteArray nul = "\"a\\u0000b\"";
        for (const char *path :
             {"candidate/lastName", "candidate/firstName", "candidate/middleName", "candidate/position",
              "fingerprint/attributes/userAgent", "fingerprint/attributes/platform",
              "fingerprint/attributes/webglVendor", "fingerprint/attributes/webglRenderer",
              "fingerprint/attributes/timezone", "fingerprint/attributes/languages/0"})
            QTest::addRow("session %s", path)
                << "sessions" << withRaw(session, QString::fromLatin1(path), nul) << "validation_failed"
                << QLatin1Char('/') + QString::fromLatin1(path);
        QJsonObject withEmail = session;
        withEmail.insert("candidate", setAt(session.value("candidate"), {"email"}, "x@example.org"));
        QTest::newRow("session candidate/email")
            << "sessions" << withRaw(withEmail, "candidate/email", "\"a\\u0000b@example.org\"")
            << "validation_failed"
            << "/candidate/email";
        QTest::newRow("session: NUL alone as a name")
            << "sessions" << withRaw(session, "candidate/lastName", "\"\\u0000\"") << "validation_failed"
            << "/candidate/lastName";
        QTest::newRow("event details screenshot key")
            << "events" << withRaw(screenshotBatch(), "events/0/details/key", nul) << "validation_failed"
            << "/events/0/details/key";
        QTest::newRow("result answer option id")
            << "result"
            << withRaw(QJsonObject{{"answers", QJsonArray{QJsonObject{{"questionId", "q1"},
                                                                      {"optionIds", QJsonArray{"a"}}}}},
                                   {"telemetry", HotPathFixture::telemetry()}},
                       "answers/0/optionIds/0", nul)
            << "validation_failed"
            << "/answers/0/optionIds/0";
        QTest::newRow("result keystroke code")
            << "result" << withRaw(resultBody(), "telemetry/keystrokes/dwell", "{\"Key\\u0000A\":[80]}")
            << "validation_failed"
            << QStringLiteral("/telemetry/keystrokes/dwell/Key") + QChar(0) + QLatin1Char('A');
    }
    void nulInTextIsRefused() { expectRefused(5000); }

    void numbersOutOfRangeAreRefused_data()
    {
        refusalColumns();
        const QJsonObject batch = eventBatch(HotPathFixture::event(0, "focus_gain", {{"durationMs", 1}}));
        QTest::newRow("seq 1e400 (overflows a double)")
            << "events" << withRaw(batch, "events/0/seq", "1e400") << "bad_json"
            << "";
        QTest::newRow("seq -1e400") << "events" << withRaw(batch, "events/0/seq", "-1e400") << "bad_json"
                                    << "";
        QTest::newRow("seq NaN") << "events" << withRaw(batch, "events/0/seq", "NaN") << "bad_json"
                                 << "";
        QTest::newRow("seq Infinity") << "events" << withRaw(batch, "events/0/seq", "Infinity") << "bad_json"
                                      << "";
        QTest::newRow("seq hexadecimal") << "events" << withRaw(batch, "events/0/seq", "0x10") << "bad_json"
                                         << "";
        QTest::newRow("seq 2^31") << "events" << withRaw(batch, "events/0/seq", "2147483648")
                                  << "validation_failed"
                                  << "/events/0/seq";
        QTest::newRow("seq 2^53 + 1")
            << "events" << withRaw(batch, "events/0/seq", "9007199254740993") << "validation_failed"
            << "/events/0/seq";
        QTest::newRow("seq 1.5") << "events" << withRaw(batch, "events/0/seq", "1.5") << "validation_failed"
                                 << "/events/0/seq";
        QTest::newRow("seq as a string")
            << "events" << withRaw(batch, "events/0/seq", "\"1\"") << "validation_failed"
            << "/events/0/seq";
        QTest::newRow("seq true") << "events" << withRaw(batch, "events/0/seq", "true") << "validation_failed"
                                  << "/events/0/seq";
        QTest::newRow("durationMs 1e300")
            << "events" << withRaw(batch, "events/0/details/durationMs", "1e300") << "validation_failed"
            << "/events/0/details/durationMs";
        QTest::newRow("durationMs -1")
            << "events" << withRaw(batch, "events/0/details/durationMs", "-1") << "validation_failed"
            << "/events/0/details/durationMs";
        QTest::newRow("hardwareConcurrency 1e20")
            << "sessions"
            << withRaw(HotPathFixture::sessionStartBody(), "fingerprint/attributes/hardwareConcurrency",
                       "1e20")
            << "validation_failed"
            << "/fingerprint/attributes/hardwareConcurrency";
        QTest::newRow("mouse x 1e308")
            << "result" << withRaw(resultBody(), "telemetry/mouse/0/points/0/0", "1e308")
            << "validation_failed"
            << "/telemetry/mouse/0/points/0/0";
        QTest::newRow("focusLossCount -1e-5")
            << "result" << withRaw(resultBody(), "telemetry/focusLossCount", "-1e-5") << "validation_failed"
            << "/telemetry/focusLossCount";
        QTest::newRow("viewport width 1e400")
            << "result" << withRaw(resultBody(), "telemetry/viewport/width", "1e400") << "bad_json"
            << "";
    }
    void numbersOutOfRangeAreRefused() { expectRefused(5000); }

    void duplicateKeysMeanTheLastOne_data()
    {
        // QJsonDocument keeps the last of duplicate keys. What matters is that the validator and the handler
        // see the same value: a valid first copy must not smuggle an invalid last one past validation.
        QTest::addColumn<QByteArray>("fragment"); // replaces "kind"'s value, key included
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("storedKind");
        QTest::newRow("valid, then invalid")
            << QByteArray("\"kind\":\"test\",\"kind\":\"exam\"") << 400 << "";
        QTest::newRow("invalid, then valid")
            << QByteArray("\"kind\":\"exam\",\"kind\":\"study\"") << 201 << "study";
        QTest::newRow("a string, then an object")
            << QByteArray("\"kind\":\"test\",\"kind\":{\"$ne\":null}") << 400 << "";
    }
    void duplicateKeysMeanTheLastOne()
    {
        QFETCH(QByteArray, fragment);
        QFETCH(int, status);
        QFETCH(QString, storedKind);
        const QString before = databaseFingerprint(f->db());
        QByteArray body = QJsonDocument(HotPathFixture::sessionStartBody()).toJson(QJsonDocument::Compact);
        QVERIFY(body.contains("\"kind\":\"test\""));
        body.replace("\"kind\":\"test\"", fragment);
        const Sent sent = send("sessions", body);
        QCOMPARE(sent.result.status, status);
        if (status == 201) {
            QCOMPARE(sent.result.json().value("kind").toString(), storedKind);
            QCOMPARE(f->db().scalar(QStringLiteral("SELECT kind FROM sessions WHERE id = '%1'")
                                        .arg(sent.result.json().value("sessionId").toString())),
                     storedKind);
        } else {
            QCOMPARE(sent.result.errorField(), QStringLiteral("/kind"));
            QCOMPARE(databaseFingerprint(f->db()), before);
        }
        QVERIFY(collectorServes(*f));
    }

    void duplicateSessionIdCannotBorrowAnotherSession()
    {
        // The token is checked against the sessionId the handler uses, which is the one validated: the last.
        const StartedSession mine = f->startSession();
        const StartedSession other =
            f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Другой")));
        QVERIFY(!mine.id.isEmpty() && !other.id.isEmpty());
        const QByteArray events =
            QJsonDocument(QJsonArray{HotPathFixture::event(0)}).toJson(QJsonDocument::Compact);
        const QByteArray body = "{\"sessionId\":\"" + mine.id.toLatin1() + "\",\"sessionId\":\"" +
                                other.id.toLatin1() + "\",\"events\":" + events + "}";
        const HttpResult r =
            f->http().post(f->url("/api/v1/events"), body, {{"X-Session-Token", mine.token}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden_session"));
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id IN ('%1', '%2')")
                                    .arg(mine.id, other.id)),
                 QStringLiteral("0"));
        QVERIFY(collectorServes(*f));
    }
};

QTEST_GUILESS_MAIN(TestJsonAbuse)
#include "tst_jsonabuse.moc"
