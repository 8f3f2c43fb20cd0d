// SPDX-License-Identifier: MIT
// SQL metacharacters and HTML/script in every text field a candidate can send: stored byte for byte as data
// (read back with SQL), returned unchanged (JSON-escaped) by the admin API, searchable as plain text, and the
// tables intact. Fields with a strict format (ids, UUIDs) refuse such text with a 400 naming the field.
// Admin query parameters get the same treatment, including LIKE wildcards.
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

const QByteArray kPassword = "injection password 1";

struct Payload
{
    const char *name;
    const char *text;
};

// Each fits the shortest free text field (32 characters) and survives the whitespace normalisation of names.
const Payload kPayloads[] = {
    {"sql drop", "'; DROP TABLE sessions; --"},
    {"sql or", "\" OR 1=1 --"},
    {"sql backslashes", "\\'; \\\\x27 C:\\temp\\ \\N"},
    {"sql placeholders", "$1 $$ $q$ %s %n {0} ?"},
    {"script tag", "<script>alert(1)</script>"},
    {"img onerror", "<img src=x onerror=alert(1)>"},
    {"svg onload & entities", "\"><svg/onload=alert(1)>&amp;"},
    {"json and line separators", "}\",\"x\":\"\u2028\u2029\\u0041"},
};

// An e-mail address must look like one; these do, and carry the same kind of payload.
const Payload kEmails[] = {
    {"sql quote", "x'or'1'='1@example.org"},
    {"script", "<script>alert(1)</script>@example.org"},
    {"backslash dollar", "a\\\"b$1@example.org"},
};

struct Field
{
    const char *path; // in the session start body
    const char *sql;  // reads it back, %1 = session id
    const char *json; // where GET /api/v1/sessions/{id} returns it, '/'-separated
};

const Field kFields[] = {
    {"candidate/lastName",
     "SELECT c.last_name FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = '%1'",
     "candidate/lastName"},
    {"candidate/firstName",
     "SELECT c.first_name FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = '%1'",
     "candidate/firstName"},
    {"candidate/middleName",
     "SELECT c.middle_name FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = '%1'",
     "candidate/middleName"},
    {"candidate/position",
     "SELECT c.position FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = '%1'",
     "candidate/position"},
    {"fingerprint/attributes/userAgent", "SELECT fingerprint->>'userAgent' FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/userAgent"},
    {"fingerprint/attributes/platform", "SELECT fingerprint->>'platform' FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/platform"},
    {"fingerprint/attributes/webglVendor", "SELECT fingerprint->>'webglVendor' FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/webglVendor"},
    {"fingerprint/attributes/webglRenderer",
     "SELECT fingerprint->>'webglRenderer' FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/webglRenderer"},
    {"fingerprint/attributes/timezone", "SELECT fingerprint->>'timezone' FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/timezone"},
    {"fingerprint/attributes/languages/0",
     "SELECT fingerprint->'languages'->>0 FROM sessions WHERE id = '%1'",
     "fingerprint/attributes/languages/0"},
    {"User-Agent header", "SELECT user_agent FROM sessions WHERE id = '%1'", "userAgent"},
    {"candidate/email",
     "SELECT c.email FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.id = '%1'",
     "candidate/email"},
};

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

QJsonValue valueAt(QJsonValue root, const QString &path)
{
    for (const QString &part : path.split(QLatin1Char('/'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        root = isIndex && root.isArray() ? root.toArray().at(index) : root.toObject().value(part);
    }
    return root;
}

// How QJsonDocument writes `text` inside a JSON string: what an unchanged, escaped value looks like on the
// wire.
QByteArray jsonEscaped(const QString &text)
{
    const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return a.mid(2, a.size() - 4);
}

} // namespace

class TestInjection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;
    QString m_schema; // the tables and their columns, to prove they are intact

    HttpResult admin(const QString &pathAndQuery)
    {
        return f->http().get(f->url(pathAndQuery), HotPathFixture::bearer(m_token), 15000);
    }

    QString schema() const
    {
        return f->db().scalar(
            "SELECT md5(string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name)) "
            "FROM information_schema.columns WHERE table_schema = 'public'");
    }

    void expectIntact()
    {
        QCOMPARE(schema(), m_schema);
        QVERIFY2(collectorServes(*f), f->collector().log().right(2000).constData());
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("injection"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY2(f->createAdmin("reviewer@example.org", "proctor", kPassword) > 0,
                 f->collector().lastOutput().constData());
        m_token = f->login("reviewer@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
        m_schema = schema();
        QVERIFY(!m_schema.isEmpty());
        // The payloads go into the position as free text: a deployment that allows other positions (else
        // only the listed ones open a session, tst_positions).
        f->db().scalar("UPDATE settings SET value = jsonb_set(value, '{allowOther}', 'true') WHERE key = "
                       "'positions'");
        QCOMPARE(f->db().scalar("SELECT value->>'allowOther' FROM settings WHERE key = 'positions'"),
                 QStringLiteral("true"));
    }

    void candidateTextIsStoredAsData_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("payload");
        for (const Field &field : kFields) {
            const bool email = QLatin1String(field.path) == QLatin1String("candidate/email");
            for (const Payload &p : email ? QList<Payload>(std::begin(kEmails), std::end(kEmails))
                                          : QList<Payload>(std::begin(kPayloads), std::end(kPayloads)))
                QTest::addRow("%s: %s", field.path, p.name)
                    << QString::fromLatin1(field.path) << QString::fromLatin1(field.sql)
                    << QString::fromLatin1(field.json) << QString::fromUtf8(p.text);
        }
    }
    void candidateTextIsStoredAsData()
    {
        QFETCH(QString, field);
        QFETCH(QString, sql);
        QFETCH(QString, json);
        QFETCH(QString, payload);
        QJsonObject body = HotPathFixture::sessionStartBody();
        HttpClient::Headers headers{{"X-API-Key", f->apiKey()}};
        if (field == QLatin1String("User-Agent header"))
            headers.append({"User-Agent", payload.toUtf8()});
        else
            body = setAt(body, field.split(QLatin1Char('/')), payload).toObject();
        // Names are part of the candidate identity: a fresh browser id keeps every row a candidate of its
        // own.
        body.insert("persistentId", QUuid::createUuid().toString(QUuid::WithoutBraces));
        const HttpResult started =
            f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(), headers);
        QVERIFY2(
            started.status == 201,
            qPrintable(
                QStringLiteral("%1: %2").arg(started.status).arg(QString::fromUtf8(started.body.left(300)))));
        const QString id = started.json().value("sessionId").toString();

        // Byte for byte in PostgreSQL. Names and e-mail are whitespace-normalised on purpose (identity); that
        // is the only change any text gets.
        const QString expected = field.startsWith(QLatin1String("candidate/email")) ? payload.trimmed()
                                 : field.startsWith(QLatin1String("candidate/"))    ? payload.simplified()
                                                                                    : payload;
        QCOMPARE(f->db().scalar(sql.arg(id)), expected);

        // Unchanged through the admin API, escaped as JSON text and nothing else.
        const HttpResult detail = admin(QStringLiteral("/api/v1/sessions/") + id);
        QCOMPARE(detail.status, 200);
        QVERIFY(detail.header("Content-Type").startsWith("application/json"));
        QCOMPARE(valueAt(detail.json(), json).toString(), expected);
        QVERIFY2(detail.body.contains(jsonEscaped(expected)), detail.body.left(400).constData());
        expectIntact();
    }

    void namesReachCertificatesAndSearchAsText_data()
    {
        QTest::addColumn<QString>("payload");
        for (const Payload &p : kPayloads)
            QTest::newRow(p.name) << QString::fromUtf8(p.text);
    }
    void namesReachCertificatesAndSearchAsText()
    {
        QFETCH(QString, payload);
        // A distinct marker in the first name makes this candidate the only match of its own search.
        const QString marker = QStringLiteral("Mk%1").arg(QRandomGenerator::global()->generate() % 1000000);
        QJsonObject body =
            HotPathFixture::sessionStartBody(payload, QUuid::createUuid().toString(QUuid::WithoutBraces));
        body = setAt(body, {"candidate", "firstName"}, marker).toObject();
        const StartedSession s = f->startSession(body);
        QVERIFY(!s.id.isEmpty());
        const HttpResult result = f->postResult(s, HotPathFixture::answers(s, 10));
        QCOMPARE(result.status, 201);
        const QString number = result.json().value("certificate").toObject().value("number").toString();
        QVERIFY(!number.isEmpty());
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT holder_name FROM certificates WHERE number = '%1'").arg(number)),
                 QString(payload + QLatin1Char(' ') + marker + QStringLiteral(" Иванович")).simplified());

        // The public verification masks the name whatever it holds.
        const HttpResult verify = f->http().get(f->url(
            QStringLiteral("/api/v1/certificates/") + QString::fromLatin1(QUrl::toPercentEncoding(number)) +
            "?code=" + result.json().value("certificate").toObject().value("code").toString()));
        QCOMPARE(verify.status, 200);
        QVERIFY(
            verify.json().value("holder").toString().endsWith(QStringLiteral(" %1. И.").arg(marker.left(1))));

        // The payload is a search term like any other text: it finds this candidate, exactly.
        for (const QString &path : {QStringLiteral("/api/v1/search"), QStringLiteral("/api/v1/results")}) {
            const QString url = f->url(path) + QStringLiteral("?q=") +
                                QString::fromLatin1(QUrl::toPercentEncoding(payload.simplified() +
                                                                            QLatin1Char(' ') + marker));
            const HttpResult found = f->http().get(url, HotPathFixture::bearer(m_token), 15000);
            QVERIFY2(found.status == 200, qPrintable(QStringLiteral("%1 %2: %3")
                                                         .arg(path)
                                                         .arg(found.status)
                                                         .arg(QString::fromUtf8(found.body.left(300)))));
            const QJsonArray items = path.endsWith("search") ? found.json().value("sessions").toArray()
                                                             : found.json().value("items").toArray();
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.at(0).toObject().value("sessionId").toString(), s.id);
            QCOMPARE(items.at(0).toObject().value("candidate").toObject().value("lastName").toString(),
                     payload.simplified());
        }
        expectIntact();
    }

    void eventTextIsStoredAsData_data()
    {
        QTest::addColumn<QString>("payload");
        for (const Payload &p : kPayloads)
            QTest::newRow(p.name) << QString::fromUtf8(p.text);
    }
    void eventTextIsStoredAsData()
    {
        QFETCH(QString, payload);
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        const QJsonObject event =
            HotPathFixture::event(0, "screenshot_attempt", {{"key", payload}, {"method", "keydown"}});
        const HttpResult r = f->postEvents(s, {event});
        QCOMPARE(r.status, 200);
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT details->>'key' FROM events WHERE session_id = '%1'").arg(s.id)),
                 payload);
        const HttpResult events = admin(QStringLiteral("/api/v1/sessions/%1/events").arg(s.id));
        QCOMPARE(events.status, 200);
        QCOMPARE(events.json()
                     .value("items")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("details")
                     .toObject()
                     .value("key")
                     .toString(),
                 payload);
        QVERIFY(events.body.contains(jsonEscaped(payload)));
        expectIntact();
    }

    void formattedFieldsRefuseText_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("path");  // where the payload goes
        QTest::addColumn<QString>("field"); // the pointer the 400 names
        QTest::addColumn<QString>("payload");
        for (const Payload &p : kPayloads) {
            QTest::addRow("session persistentId: %s", p.name) << "sessions"
                                                              << "persistentId"
                                                              << "/persistentId" << QString::fromUtf8(p.text);
            QTest::addRow("session testId: %s", p.name) << "sessions"
                                                        << "testId"
                                                        << "/testId" << QString::fromUtf8(p.text);
            QTest::addRow("session fingerprint hash: %s", p.name)
                << "sessions"
                << "fingerprint/privacySafeHash"
                << "/fingerprint/privacySafeHash" << QString::fromUtf8(p.text);
            QTest::addRow("answer option id: %s", p.name)
                << "result"
                << "answers/0/optionIds/0"
                << "/answers/0/optionIds/0" << QString::fromUtf8(p.text);
            QTest::addRow("answer question id: %s", p.name)
                << "result"
                << "answers/0/questionId"
                << "/answers/0/questionId" << QString::fromUtf8(p.text);
            QTest::addRow("event question id: %s", p.name)
                << "events"
                << "events/0/details/questionId"
                << "/events/0/details/questionId" << QString::fromUtf8(p.text);
            QTest::addRow("event type: %s", p.name) << "events"
                                                    << "events/0/type"
                                                    << "/events/0/type" << QString::fromUtf8(p.text);
        }
    }
    void formattedFieldsRefuseText()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, path);
        QFETCH(QString, field);
        QFETCH(QString, payload);
        HttpResult r;
        StartedSession s;
        const QString before = databaseFingerprint(f->db());
        if (endpoint == QLatin1String("sessions")) {
            const QJsonObject body =
                setAt(HotPathFixture::sessionStartBody(), path.split(QLatin1Char('/')), payload).toObject();
            r = f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(),
                               {{"X-API-Key", f->apiKey()}});
        } else {
            s = f->startSession();
            QVERIFY(!s.id.isEmpty());
            if (endpoint == QLatin1String("events")) {
                QJsonObject batch{
                    {"sessionId", s.id},
                    {"events", QJsonArray{HotPathFixture::event(0, "copy_attempt", {{"questionId", "q1"}})}}};
                batch = setAt(batch, path.split(QLatin1Char('/')), payload).toObject();
                r = f->http().post(f->url("/api/v1/events"), QJsonDocument(batch).toJson(),
                                   {{"X-Session-Token", s.token}});
            } else {
                QJsonObject body{{"answers", HotPathFixture::answers(s, 10)},
                                 {"telemetry", HotPathFixture::telemetry()}};
                body = setAt(body, path.split(QLatin1Char('/')), payload).toObject();
                r = f->http().post(f->url(QStringLiteral("/api/v1/sessions/%1/result").arg(s.id)),
                                   QJsonDocument(body).toJson(), {{"X-Session-Token", s.token}});
            }
        }
        QVERIFY2(r.status == 400,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
        QCOMPARE(r.errorField(), field);
        if (s.id.isEmpty()) {
            QCOMPARE(databaseFingerprint(f->db()), before);
        } else {
            QCOMPARE(f->db().scalar(
                         QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
                     QStringLiteral("0"));
            QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(s.id)),
                     QStringLiteral("in_progress"));
        }
        expectIntact();
    }

    void adminQueryParametersAreData_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<int>("status");
        for (const Payload &p : kPayloads) {
            const QString text = QString::fromUtf8(p.text);
            QTest::addRow("results q: %s", p.name) << "/api/v1/results"
                                                   << "q" << text << 200;
            QTest::addRow("search q: %s", p.name) << "/api/v1/search"
                                                  << "q" << text << 200;
            QTest::addRow("results test: %s", p.name) << "/api/v1/results"
                                                      << "test" << text << 400;
            QTest::addRow("results fingerprint: %s", p.name) << "/api/v1/results"
                                                             << "fingerprint" << text << 400;
            QTest::addRow("results sort: %s", p.name) << "/api/v1/results"
                                                      << "sort" << text << 400;
            QTest::addRow("results cursor: %s", p.name) << "/api/v1/results"
                                                        << "cursor" << text << 400;
            QTest::addRow("certificates order: %s", p.name) << "/api/v1/certificates"
                                                            << "order" << text << 400;
            QTest::addRow("session id in the path: %s", p.name) << "/api/v1/sessions/{}"
                                                                << "" << text << 400;
        }
    }
    void adminQueryParametersAreData()
    {
        QFETCH(QString, path);
        QFETCH(QString, parameter);
        QFETCH(QString, payload);
        QFETCH(int, status);
        const QString before = databaseFingerprint(f->db());
        QString url = f->url(path);
        if (parameter.isEmpty())
            url.replace(QStringLiteral("{}"), QString::fromLatin1(QUrl::toPercentEncoding(payload)));
        else
            url += QLatin1Char('?') + parameter + QLatin1Char('=') +
                   QString::fromLatin1(QUrl::toPercentEncoding(payload));
        const HttpResult r = f->http().get(url, HotPathFixture::bearer(m_token), 15000);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        if (status == 400)
            QCOMPARE(r.errorCode(), QStringLiteral("bad_parameter"));
        QCOMPARE(databaseFingerprint(f->db()), before);
        expectIntact();
    }

    void likeWildcardsMatchOnlyThemselves_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("listKey");
        QTest::addColumn<QString>("query");
        for (const char *q : {"%%", "__", "%_", "\\%"}) {
            QTest::addRow("search sessions %s", q) << "/api/v1/search"
                                                   << "sessions" << QString::fromLatin1(q);
            QTest::addRow("search candidates %s", q) << "/api/v1/search"
                                                     << "candidates" << QString::fromLatin1(q);
            QTest::addRow("search certificates %s", q) << "/api/v1/search"
                                                       << "certificates" << QString::fromLatin1(q);
            QTest::addRow("results %s", q) << "/api/v1/results"
                                           << "items" << QString::fromLatin1(q);
        }
    }
    void likeWildcardsMatchOnlyThemselves()
    {
        QFETCH(QString, path);
        QFETCH(QString, listKey);
        QFETCH(QString, query);
        // Finished, certified sessions exist (earlier slots); no name, e-mail, number or id contains the
        // query.
        const QString literal = QString(query).replace(QLatin1Char('\''), QStringLiteral("''"));
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM candidates c WHERE strpos(concat_ws(' ', "
                                          "c.last_name, c.first_name, "
                                          "c.middle_name, c.first_name, c.last_name, c.email), '%1') > 0")
                               .arg(literal)),
            QStringLiteral("0"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM certificates WHERE strpos(number || holder_name, '%1') > 0")
                         .arg(literal)),
                 QStringLiteral("0"));
        QVERIFY(f->db().scalar("SELECT count(*) FROM certificates").toInt() > 0);
        const HttpResult r =
            admin(path + QStringLiteral("?q=") + QString::fromLatin1(QUrl::toPercentEncoding(query)));
        QCOMPARE(r.status, 200);
        const QJsonArray list = r.json().value(listKey).toArray();
        QVERIFY2(list.isEmpty(),
                 qPrintable(QStringLiteral("'%1' matched %2 rows, e.g. %3")
                                .arg(query)
                                .arg(list.size())
                                .arg(QString::fromUtf8(
                                    QJsonDocument(list.at(0).toObject()).toJson(QJsonDocument::Compact)))));
        expectIntact();
    }
};

QTEST_GUILESS_MAIN(TestInjection)
#include "tst_injection.moc"
