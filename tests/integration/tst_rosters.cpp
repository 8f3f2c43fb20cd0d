// SPDX-License-Identifier: MIT
// Rosters through the real binary: a test with access "roster" opens only with a personal access code from
// an imported roster (missing, wrong, expired and another test's codes get the same 403 and no session), the
// session and the certificate carry the roster's name, CSV errors name the line, re-imports update, the list
// never shows a code, the CLI prints codes that work, and every change is audited.
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUuid>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {

const QByteArray kPassword = "roster password";
const QRegularExpression kCodePattern(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$"));

QJsonObject rosterTest(const QString &id)
{
    QJsonArray questions;
    for (int i = 1; i <= 12; ++i)
        questions.append(QJsonObject{{"id", QStringLiteral("q%1").arg(i)},
                                     {"text", QStringLiteral("Question %1").arg(i)},
                                     {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "right"}},
                                                            QJsonObject{{"id", "b"}, {"text", "wrong"}}}},
                                     {"correct", QJsonArray{"a"}}});
    return QJsonObject{{"id", id},
                       {"title", "Roster only " + id},
                       {"locale", "ru"},
                       {"passThreshold", 80},
                       {"questionsPerAttempt", HotPathFixture::kQuestionsPerAttempt},
                       {"access", "roster"},
                       {"questions", questions}};
}

} // namespace

class TestRosters : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;
    QTemporaryDir m_dir;
    QMap<QString, QString> m_codes; // e-mail -> code of test "rostered"

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "text/csv")
    {
        HttpClient::Headers h = HotPathFixture::bearer(m_token);
        if (!body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), contentType));
        return f->http().send(method, f->url(path), body, h, 15000);
    }

    HttpResult start(const QString &testId, const QString &code, const QString &persistentId = {})
    {
        QJsonObject body = HotPathFixture::sessionStartBody(QStringLiteral("Самозванцев"));
        body.insert("testId", testId);
        if (!persistentId.isEmpty())
            body.insert("persistentId", persistentId);
        if (!code.isNull())
            body.insert("accessCode", code);
        return f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(),
                              {{"X-API-Key", f->apiKey()}});
    }

    int sessionCount() { return f->db().scalar("SELECT count(*) FROM sessions").toInt(); }

    void importTest(const QString &id)
    {
        QFile file(m_dir.filePath(id + ".json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(rosterTest(id)).toJson());
        file.close();
        QCOMPARE(f->collector().run({"import-test", file.fileName()}), 0);
    }

    void expectRefused(const HttpResult &r)
    {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_access_code"));
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("rosters"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY(f->createAdmin("root@example.org", "admin", kPassword) > 0);
        m_token = f->login("root@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
        importTest("rostered");
        importTest("other");
    }

    void thePageLearnsTheAccessMode()
    {
        HttpResult r = f->http().get(f->url("/api/v1/tests/rostered"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("access").toString(), QStringLiteral("roster"));
        r = f->http().get(f->url("/api/v1/tests/known"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.json().value("access").toString(), QStringLiteral("open"));
        r = f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", f->apiKey()}});
        bool seen = false;
        for (const auto &t : QJsonDocument::fromJson(r.body).array())
            if (t.toObject().value("id") == QStringLiteral("rostered")) {
                QCOMPARE(t.toObject().value("access").toString(), QStringLiteral("roster"));
                seen = true;
            }
        QVERIFY(seen);
    }

    void importGivesEachPersonACode()
    {
        // Russian Excel: BOM, ';', a Russian header, a quoted field holding the separator.
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Фамилия;Имя;Отчество;Должность;E-mail;Табельный номер\r\n"
                               "Петрова;Анна;Сергеевна;Бухгалтер;anna@example.org;T-1\r\n"
                               "Сидоров;Пётр;;\"Инженер; отдел 2\";petr@example.org;T-2\r\n"
                               "\r\n"
                               "Кузнецова;Мария;Ивановна;Юрист;maria@example.org;\r\n";
        const HttpResult r = call("POST", "/api/v1/tests/rostered/roster", csv);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value("created").toInt(), 3);
        QCOMPARE(o.value("updated").toInt(), 0);
        const QJsonArray codes = o.value("codes").toArray();
        QCOMPARE(codes.size(), 3);
        QSet<QString> distinct;
        for (const auto &c : codes) {
            const QString code = c.toObject().value("code").toString();
            QVERIFY2(kCodePattern.match(code).hasMatch(), qPrintable(code));
            distinct.insert(code);
            m_codes.insert(c.toObject().value("email").toString(), code);
        }
        QCOMPARE(distinct.size(), 3);
        QCOMPARE(codes.at(1).toObject().value("position").toString(), QStringLiteral("Инженер; отдел 2"));
        // Only the hash is stored.
        QCOMPARE(f->db().scalar("SELECT count(*) FROM roster_entries WHERE code_hash ~ '^[0-9a-f]{64}$'"),
                 QStringLiteral("3"));

        // The other test gets its own roster (English header, ',').
        const HttpResult other = call("POST", "/api/v1/tests/other/roster",
                                      "last name,first name,middle name,position,email\n"
                                      "Other,Olga,,Clerk,olga@example.org\n");
        QCOMPARE(other.status, 200);
        m_codes.insert("other",
                       other.json().value("codes").toArray().first().toObject().value("code").toString());
    }

    // The desktop has no page key: GET /api/v1/tests with its sign-in token is the admins' view, which adds
    // each test's attempt policy and roster size to what the page sees; without any credential it is 401.
    void adminsSeeEachTestsPolicyAndRoster()
    {
        HttpResult r = call("GET", "/api/v1/tests");
        QCOMPARE(r.status, 200);
        QJsonObject rostered;
        QJsonObject known;
        for (const auto &t : QJsonDocument::fromJson(r.body).array()) {
            if (t.toObject().value("id") == QStringLiteral("rostered"))
                rostered = t.toObject();
            if (t.toObject().value("id") == QStringLiteral("known"))
                known = t.toObject();
        }
        QCOMPARE(rostered.value("access").toString(), QStringLiteral("roster"));
        QCOMPARE(rostered.value("rosterEntries").toInt(), 3);
        QCOMPARE(
            rostered.value("attemptPolicy").toObject(),
            (QJsonObject{{"maxAttempts", 3}, {"minSecondsBetweenAttempts", 0}, {"disclosure", "passFail"}}));
        QCOMPARE(known.value("access").toString(), QStringLiteral("open"));
        QCOMPARE(known.value("rosterEntries").toInt(), 0);
        // A changed policy shows at once on this instance.
        QCOMPARE(call("PUT", "/api/v1/tests/rostered/attempt-policy",
                      R"({"maxAttempts": 2, "minSecondsBetweenAttempts": 600, "disclosure": "review"})",
                      "application/json")
                     .status,
                 200);
        r = call("GET", "/api/v1/tests");
        for (const auto &t : QJsonDocument::fromJson(r.body).array())
            if (t.toObject().value("id") == QStringLiteral("rostered"))
                QCOMPARE(t.toObject().value("attemptPolicy").toObject(),
                         (QJsonObject{{"maxAttempts", 2},
                                      {"minSecondsBetweenAttempts", 600},
                                      {"disclosure", "review"}}));
        QCOMPARE(call("PUT", "/api/v1/tests/rostered/attempt-policy", "{}", "application/json").status, 200);
        // The page's view is unchanged: no policy, no roster size.
        r = f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        for (const auto &t : QJsonDocument::fromJson(r.body).array()) {
            QVERIFY(!t.toObject().contains("attemptPolicy"));
            QVERIFY(!t.toObject().contains("rosterEntries"));
        }
        QCOMPARE(f->http().get(f->url("/api/v1/tests")).status, 401);
        QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"Authorization", "Bearer not-a-token"}}).status,
                 401);
    }

    void badCsvNamesTheLineAndColumn()
    {
        HttpResult r = call("POST", "/api/v1/tests/rostered/roster",
                            "Фамилия;Имя;Должность\nИванов;Иван;Инженер\nПетров;;Техник\n");
        QCOMPARE(r.status, 400);
        const QJsonObject error = r.json().value("error").toObject();
        QVERIFY2(error.value("message").toString().contains("line 3, column 2"), r.body.constData());
        QCOMPARE(error.value("field").toString(), QStringLiteral("line 3, column 2"));

        r = call("POST", "/api/v1/tests/rostered/roster", "Иванов;Иван;;Инженер;not-an-email\n");
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value("error").toObject().value("message").toString().contains("line 1, column 5"),
                 r.body.constData());

        r = call("POST", "/api/v1/tests/rostered/roster", "Фамилия;Имя;Возраст\nИванов;Иван;30\n");
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value("error").toObject().value("message").toString().contains("line 1, column 3"));

        QCOMPARE(call("POST", "/api/v1/tests/rostered/roster", "a;b\n", "text/plain").status, 415);
        QCOMPARE(call("POST", "/api/v1/tests/nosuch/roster", "Иванов;Иван\n").status, 404);
        r = call("POST", "/api/v1/tests/rostered/roster?expiresAt=2001-01-01", "Иванов;Иван\n");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("field").toString(), QStringLiteral("expiresAt"));
        // Nothing of the refused files was stored.
        QCOMPARE(f->db().scalar("SELECT count(*) FROM roster_entries WHERE test_id = 'rostered'"),
                 QStringLiteral("3"));
    }

    void theListNeverShowsACode()
    {
        const HttpResult r = call("GET", "/api/v1/tests/rostered/roster");
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 3);
        for (const auto &i : items) {
            QVERIFY(!i.toObject().contains("code"));
            QVERIFY(i.toObject().value("hasCode").toBool());
        }
        for (const QString &code : std::as_const(m_codes))
            QVERIFY(!r.body.contains(code.toLatin1()));
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        // Same e-mail (other case) and same external id with a new e-mail: both update.
        const HttpResult r = call("POST", "/api/v1/tests/rostered/roster",
                                  "Петрова-Смирнова;Анна;Сергеевна;Главный бухгалтер;ANNA@example.org;\n"
                                  "Сидоров;Пётр;Ильич;Инженер;peter.s@example.org;T-2\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("created").toInt(), 0);
        QCOMPARE(r.json().value("updated").toInt(), 2);
        QCOMPARE(r.json().value("codes").toArray().size(), 0); // they keep the codes already sent
        QCOMPARE(r.json().value("unchanged").toArray().size(), 2);
        const QJsonArray items = call("GET", "/api/v1/tests/rostered/roster").json().value("items").toArray();
        QCOMPARE(items.size(), 3);
        QStringList names;
        for (const auto &i : items)
            names.append(i.toObject().value("lastName").toString() + "/" +
                         i.toObject().value("position").toString());
        QVERIFY2(names.contains(QStringLiteral("Петрова-Смирнова/Главный бухгалтер")),
                 qPrintable(names.join(',')));
        QCOMPARE(f->db().scalar(
                     "SELECT middle_name || ' ' || email FROM roster_entries WHERE external_id = 'T-2'"),
                 QStringLiteral("Ильич peter.s@example.org"));
    }

    void aRosterTestRefusesAStartWithoutAValidCode()
    {
        const int before = sessionCount();
        expectRefused(start("rostered", QString())); // missing (a typed name is not enough)
        expectRefused(start("rostered", QStringLiteral("ABCDE-FGHJK"))); // unknown
        expectRefused(start("rostered", m_codes.value("other")));        // another test's
        expectRefused(start("rostered", QStringLiteral("x")));
        // Expired: a fresh code that expires in a second.
        const QString entryId =
            f->db().scalar("SELECT id FROM roster_entries WHERE email = 'maria@example.org'");
        const QString soon = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODate);
        HttpResult r = call("POST", "/api/v1/tests/rostered/roster/" + entryId + "/code?expiresAt=" + soon);
        QCOMPARE(r.status, 200);
        const QString expiring = r.json().value("code").toString();
        QTest::qWait(2100);
        expectRefused(start("rostered", expiring));
        QCOMPARE(sessionCount(), before);
        // The old code of that entry stopped working when it was replaced.
        expectRefused(start("rostered", m_codes.value("maria@example.org")));
        r = call("POST", "/api/v1/tests/rostered/roster/" + entryId + "/code");
        QCOMPARE(r.status, 200);
        m_codes.insert("maria@example.org", r.json().value("code").toString());
        QVERIFY(start("rostered", m_codes.value("maria@example.org")).status == 201);
        // An open test still needs the typed identity.
        QJsonObject body = HotPathFixture::sessionStartBody();
        body.remove("candidate");
        r = f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(),
                           {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("field").toString(), QStringLiteral("/candidate"));
    }

    void theSessionAndCertificateUseTheRosterName()
    {
        // Typed in lower case with spaces and a look-alike letter O for 0: still the code.
        QString code = m_codes.value("anna@example.org").toLower();
        code.replace('-', ' ');
        const HttpResult r = start("rostered", code, QStringLiteral("11111111-2222-4333-8444-555555555555"));
        QCOMPARE(r.status, 201);
        // The page prints the roster's name, not the typed one.
        QCOMPARE(r.json().value("candidate").toObject().value("lastName").toString(),
                 QStringLiteral("Петрова-Смирнова"));
        StartedSession s;
        s.id = r.json().value("sessionId").toString();
        s.token = r.json().value("token").toString().toLatin1();
        s.questions = r.json().value("test").toObject().value("questions").toArray();

        const QJsonObject detail = call("GET", "/api/v1/sessions/" + s.id).json();
        const QJsonObject candidate = detail.value("candidate").toObject();
        QCOMPARE(candidate.value("lastName").toString(), QStringLiteral("Петрова-Смирнова"));
        QCOMPARE(candidate.value("firstName").toString(), QStringLiteral("Анна"));
        QCOMPARE(candidate.value("position").toString(), QStringLiteral("Главный бухгалтер"));

        const HttpResult result =
            f->postResult(s, HotPathFixture::answers(s, HotPathFixture::kQuestionsPerAttempt));
        QCOMPARE(result.status, 201);
        const QString number = result.json().value("certificate").toObject().value("number").toString();
        QVERIFY(!number.isEmpty());
        const QJsonArray certificates =
            call("GET", "/api/v1/certificates?limit=50").json().value("items").toArray();
        QString holder;
        for (const auto &c : certificates)
            if (c.toObject().value("number").toString() == number)
                holder = c.toObject().value("holderName").toString();
        QVERIFY2(holder.startsWith(QStringLiteral("Петрова-Смирнова Анна")), qPrintable(holder));
        QVERIFY(!holder.contains(QStringLiteral("Самозванцев")));
        QCOMPARE(f->db().scalar("SELECT starts FROM roster_entries WHERE lower(email) = 'anna@example.org'"),
                 QStringLiteral("1"));
    }

    void deletingAnEntryEndsItsCode()
    {
        const QString entryId = f->db().scalar("SELECT id FROM roster_entries WHERE external_id = 'T-2'");
        QCOMPARE(call("DELETE", "/api/v1/tests/rostered/roster/" + entryId).status, 204);
        QCOMPARE(call("DELETE", "/api/v1/tests/rostered/roster/" + entryId).status, 404);
        expectRefused(start("rostered", m_codes.value("petr@example.org")));
    }

    void theCliPrintsCodesThatWork()
    {
        QFile file(m_dir.filePath("roster.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Last name,First name,Position,Email\nCliman,Carl,Operator,carl@example.org\n");
        file.close();
        QCOMPARE(f->collector().run(
                     {"import-roster", "--test", "rostered", "--expires", "2099-12-31", file.fileName()}),
                 0);
        const QByteArray raw = f->collector().lastStdout();
        QVERIFY2(raw.startsWith("\xEF\xBB\xBF"), raw.constData()); // UTF-8 BOM: Excel reads Cyrillic right
        const QStringList lines = QString::fromUtf8(raw.mid(3)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].contains("code"));
        const QStringList cells = lines[1].split(';');
        QCOMPARE(cells.value(0), QStringLiteral("Climan"));
        QVERIFY2(kCodePattern.match(cells.value(6)).hasMatch(), qPrintable(lines[1]));
        QVERIFY(cells.value(7).startsWith("2099-12-31"));
        QCOMPARE(start("rostered", cells.value(6)).status, 201);

        // Bad input: exit 2 and the line on stderr.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("Фамилия;Имя\nОдин;\n");
        file.close();
        QCOMPARE(f->collector().run({"import-roster", "--test", "rostered", file.fileName()}), 2);
        QVERIFY(f->collector().lastOutput().contains("line 2, column 2"));
    }

    void everyChangeIsAudited()
    {
        for (const char *action : {"roster.import", "roster.code", "roster.delete"}) {
            const HttpResult r = call("GET", QStringLiteral("/api/v1/audit?limit=50&action=%1").arg(action));
            QCOMPARE(r.status, 200);
            QVERIFY2(!r.json().value("items").toArray().isEmpty(), action);
        }
        // The CLI import is there with its operator; no code ever reaches the log.
        const QString log = f->db().scalar("SELECT string_agg(details::text, ' ') FROM audit_log");
        for (const QString &code : std::as_const(m_codes))
            QVERIFY(!log.contains(code));
        QVERIFY(
            f->db()
                .scalar(
                    "SELECT count(*) FROM audit_log WHERE action = 'roster.import' AND actor LIKE 'cli:%'")
                .toInt() >= 1);
    }

    // Every start takes from the address's session-start limit before the code is looked at, so wrong codes
    // spend it like any start: guessing codes goes no faster than the limit, and fresh fingerprints do not
    // help (here: burst 5 per address, then 1 a minute).
    void wrongCodesSpendTheAddressStartLimit()
    {
        HotPathFixture g(QStringLiteral("rosters_limit"),
                         {{"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST", "5"},
                          {"PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE", "1"},
                          // 127.0.0.1 plays nginx and names a client address of this test's own: the
                          // tests share one Redis, and others start sessions from 127.0.0.1 meanwhile.
                          {"PROCTOR_TRUSTED_PROXIES", "127.0.0.1"}});
        QVERIFY2(g.error().isEmpty(), qPrintable(g.error()));
        QFile file(m_dir.filePath("limited.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(rosterTest("limited")).toJson());
        file.close();
        QCOMPARE(g.collector().run({"import-test", file.fileName()}), 0);
        QFile roster(m_dir.filePath("limited.csv"));
        QVERIFY(roster.open(QIODevice::WriteOnly));
        roster.write("Фамилия;Имя\nВерная;Вера\n");
        roster.close();
        QCOMPARE(g.collector().run({"import-roster", "--test", "limited", roster.fileName()}), 0);
        const QStringList lines =
            QString::fromUtf8(g.collector().lastStdout().mid(3)).split('\n', Qt::SkipEmptyParts);
        const QString code = lines.value(1).split(';').value(6);
        QVERIFY2(kCodePattern.match(code).hasMatch(), g.collector().lastStdout().constData());

        const auto attempt = [&g](const QString &accessCode, int i) {
            QJsonObject body = HotPathFixture::sessionStartBody(QStringLiteral("Перебор"));
            body.insert("testId", "limited");
            body.insert("accessCode", accessCode);
            // A fresh device every time: only the address can stop this.
            body.insert("persistentId", QUuid::createUuid().toString(QUuid::WithoutBraces));
            QJsonObject fp = body.value("fingerprint").toObject();
            fp.insert(
                "privacySafeHash",
                QString::fromLatin1(
                    QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex()));
            body.insert("fingerprint", fp);
            return g.http().post(g.url("/api/v1/sessions"), QJsonDocument(body).toJson(),
                                 {{"X-API-Key", g.apiKey()}, {"X-Forwarded-For", "192.0.2.213"}});
        };
        for (int i = 0; i < 5; ++i) {
            const HttpResult r = attempt(QStringLiteral("AAAAA-%1").arg(10000 + i), i);
            QCOMPARE(r.status, 403);
        }
        HttpResult r = attempt(QStringLiteral("AAAAA-20000"), 100);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("retry-after").toInt() >= 1);
        // The right code from the same address waits too: the wrong ones were counted.
        r = attempt(code, 101);
        QCOMPARE(r.status, 429);
        QCOMPARE(g.db().scalar("SELECT count(*) FROM sessions").toInt(), 0);
    }

    void cleanupTestCase() { f.reset(); }
};

QTEST_GUILESS_MAIN(TestRosters)
#include "tst_rosters.moc"
