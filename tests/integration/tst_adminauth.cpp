// SPDX-License-Identifier: MIT
// Admin authentication through the real binary: create-admin (password on stdin, argon2id), login, logout,
// me, the authorization matrix over every admin endpoint, and failed-login throttling (per account and
// address, with growing delays, and per address).
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {

const QByteArray kAdminPassword = "correct horse battery";
const QByteArray kProctorPassword = "proctor password 1";

// A raw HTTP/1.1 request from a chosen loopback source address: the throttling tests need addresses of
// their own, so failures counted for 127.0.0.1 by other tests cannot mix in.
struct RawResult
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body).object().value("error").toObject().value("code").toString();
    }
};

RawResult rawPost(quint16 port, const QHostAddress &from, const QByteArray &path, const QByteArray &body)
{
    RawResult out;
    QTcpSocket s;
    if (!s.bind(from))
        return out;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return out;
    s.write("POST " + path +
            " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    QByteArray all;
    while (s.waitForReadyRead(15000))
        all += s.readAll();
    all += s.readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (end < 0)
        return out;
    out.head = all.left(end);
    out.body = all.mid(end + 4);
    out.status = out.head.split(' ').value(1).toInt();
    return out;
}

QHostAddress randomLoopback()
{
    auto *rng = QRandomGenerator::global();
    return QHostAddress(QStringLiteral("127.%1.%2.%3")
                            .arg(rng->bounded(1, 255))
                            .arg(rng->bounded(0, 256))
                            .arg(rng->bounded(2, 255)));
}

QByteArray loginBody(const QString &email, const QByteArray &password)
{
    return QJsonDocument(QJsonObject{{"email", email}, {"password", QString::fromUtf8(password)}}).toJson();
}

} // namespace

class TestAdminAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_adminToken;
    QByteArray m_proctorToken;
    QString m_sessionId;

    QString tokenHashHex(const QByteArray &token) const
    {
        return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
    }

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &token,
                    const QByteArray &body = {}, const QByteArray &authorization = {})
    {
        HttpClient::Headers h;
        if (!authorization.isEmpty())
            h.append(qMakePair(QByteArray("Authorization"), authorization));
        else if (!token.isEmpty())
            h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
        if (!body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return f->http().send(method, f->url(path), body, h, 15000);
    }

    QHash<QString, QByteArray> m_tokens;

    // A token in the state a matrix row asks for (made once per state: logins cost an argon2id each).
    QByteArray tokenFor(const QString &kind)
    {
        if (!m_tokens.contains(kind))
            m_tokens.insert(kind, makeToken(kind));
        return m_tokens.value(kind);
    }

    QByteArray makeToken(const QString &kind)
    {
        if (kind == QLatin1String("admin"))
            return m_adminToken;
        if (kind == QLatin1String("proctor"))
            return m_proctorToken;
        if (kind == QLatin1String("garbage"))
            return "not-a-token-we-issued";
        if (kind == QLatin1String("expired")) {
            const QByteArray t = f->login("proctor@example.org", kProctorPassword);
            f->db().scalar(QStringLiteral("UPDATE admin_tokens SET expires_at = now() - interval '1 minute' "
                                          "WHERE token_hash = decode('%1', 'hex') RETURNING 1")
                               .arg(tokenHashHex(t)));
            return t;
        }
        if (kind == QLatin1String("revoked")) {
            const QByteArray t = f->login("admin@example.org", kAdminPassword);
            const HttpResult r = call("POST", "/api/v1/auth/logout", t);
            return r.status == 204 ? t : QByteArray();
        }
        if (kind == QLatin1String("disabled")) {
            const QString email =
                QStringLiteral("disabled-%1@example.org").arg(QRandomGenerator::global()->generate());
            const qint64 id = f->createAdmin(email, "admin", kAdminPassword);
            const QByteArray t = f->login(email, kAdminPassword);
            const HttpResult r = call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), m_adminToken,
                                      R"({"disabled":true})");
            return r.status == 200 ? t : QByteArray();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("adminauth"), QMap<QString, QString>{{"PROCTOR_LOGIN_FAILURES_PER_ADDRESS", "8"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY2(f->createAdmin("Admin@Example.org", "admin", kAdminPassword) > 0,
                 f->collector().lastOutput().constData());
        QVERIFY2(f->createAdmin("proctor@example.org", "proctor", kProctorPassword) > 0,
                 f->collector().lastOutput().constData());
        m_adminToken = f->login("admin@example.org", kAdminPassword);
        m_proctorToken = f->login("proctor@example.org", kProctorPassword);
        QVERIFY(!m_adminToken.isEmpty());
        QVERIFY(!m_proctorToken.isEmpty());
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        QCOMPARE(f->postResult(s, HotPathFixture::answers(s, 9)).status, 201);
        m_sessionId = s.id;
    }

    void createAdminStoresArgon2idAndRefusesBadInput()
    {
        const QString hash =
            f->db().scalar("SELECT password_hash FROM admins WHERE email = 'admin@example.org'");
        QVERIFY2(hash.startsWith("$argon2id$"), qPrintable(hash));
        QVERIFY(!hash.contains(QString::fromLatin1(kAdminPassword)));
        // The password is never an argument.
        QCOMPARE(f->collector().run({"create-admin", "--email", "x@example.org", "--role", "admin",
                                     "--password", "secret-secret"}),
                 2);
        QCOMPARE(
            f->collector().run({"create-admin", "--email", "x@example.org", "--role", "admin"}, "short\n"),
            2);
        QCOMPARE(f->collector().run({"create-admin", "--email", "x@example.org", "--role", "root"},
                                    "long enough password\n"),
                 2);
        QCOMPARE(f->collector().run({"create-admin", "--email", "not-an-email", "--role", "admin"},
                                    "long enough password\n"),
                 2);
        QCOMPARE(f->collector().run({"create-admin", "--email", "admin@example.org", "--role", "admin"},
                                    "long enough password\n"),
                 1);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM admins WHERE email = 'x@example.org'"),
                 QStringLiteral("0"));
        // The command line's audit actor is "cli:<the operator's user name>".
        QCOMPARE(f->db().scalar(
                     "SELECT count(*) FROM audit_log WHERE action = 'admin.create' AND actor LIKE 'cli:%'"),
                 QStringLiteral("2"));
    }

    void loginMeLogout()
    {
        const HttpResult login =
            f->http().post(f->url("/api/v1/auth/login"), loginBody(" ADMIN@example.org ", kAdminPassword));
        QCOMPARE(login.status, 200);
        const QByteArray token = login.json().value("token").toString().toLatin1();
        QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
        QCOMPARE(login.json().value("admin").toObject().value("role").toString(), QStringLiteral("admin"));
        const QDateTime expires =
            QDateTime::fromString(login.json().value("expiresAt").toString(), Qt::ISODateWithMs);
        QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));
        QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(13 * 3600));
        // Only the hash is stored.
        QCOMPARE(
            f->db().scalar(
                QStringLiteral("SELECT count(*) FROM admin_tokens WHERE token_hash = decode('%1', 'hex')")
                    .arg(tokenHashHex(token))),
            QStringLiteral("1"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM admin_tokens WHERE encode(token_hash, 'escape') LIKE '%%1%'")
                         .arg(QString::fromLatin1(token.left(16)))),
                 QStringLiteral("0"));

        HttpResult me = call("GET", "/api/v1/auth/me", token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("email").toString(), QStringLiteral("admin@example.org"));
        QCOMPARE(call("POST", "/api/v1/auth/logout", token).status, 204);
        me = call("GET", "/api/v1/auth/me", token);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.errorCode(), QStringLiteral("invalid_token"));
        QCOMPARE(f->db().scalar("SELECT count(*) > 0 FROM audit_log WHERE action = 'auth.logout' AND actor = "
                                "'admin@example.org' "
                                "AND client_ip = '127.0.0.1'"),
                 QStringLiteral("t"));
    }

    void badLogins_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password")
            << loginBody("proctor@example.org", "wrong password") << 401 << "invalid_credentials";
        QTest::newRow("unknown e-mail")
            << loginBody("nobody@example.org", "whatever it is") << 401 << "invalid_credentials";
        QTest::newRow("password not a string")
            << QByteArray(R"({"email":"proctor@example.org","password":12})") << 400 << "validation_failed";
        QTest::newRow("not json") << QByteArray("{") << 400 << "bad_json";
    }
    void badLogins()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        // From an address of its own: these failures must not count against 127.0.0.1.
        const RawResult r = rawPost(f->collector().port(), randomLoopback(), "/api/v1/auth/login", body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
    }

    void authorizationMatrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("role");   // the least role the endpoint needs
        QTest::addColumn<int>("allowed");    // status when the caller may call it
        QTest::addColumn<QString>("caller"); // token state
        struct Endpoint
        {
            const char *method;
            const char *path;
            const char *body;
            const char *role;
            int allowed;
        };
        const Endpoint endpoints[] = {
            {"GET", "/api/v1/auth/me", "", "proctor", 200},
            {"POST", "/api/v1/auth/logout", "", "proctor", 204},
            {"GET", "/api/v1/results", "", "proctor", 200},
            {"GET", "/api/v1/results?sort=score&risk=high", "", "proctor", 200},
            {"GET", "/api/v1/sessions/abandoned?kind=study", "", "proctor", 200},
            {"GET", "/api/v1/sessions/{sid}", "", "proctor", 200},
            {"GET", "/api/v1/sessions/{sid}/events", "", "proctor", 200},
            {"GET", "/api/v1/sessions/{sid}/telemetry", "", "proctor", 200},
            {"GET", "/api/v1/certificates?year=2026", "", "proctor", 200},
            {"GET", "/api/v1/dashboard?days=7", "", "proctor", 200},
            {"GET", "/api/v1/search?q=%D0%98%D0%B2", "", "proctor", 200},
            {"GET", "/api/v1/live", "", "proctor", 426},
            {"POST", "/api/v1/analysis/mouse", "{}", "proctor", 400},
            {"POST", "/api/v1/analysis/mouse/similar", "{}", "proctor", 400},
            {"POST", "/api/v1/analysis/keyboard", "{}", "proctor", 400},
            {"GET", "/api/v1/sessions/{sid}/risk", "", "proctor", 200},
            {"GET", "/api/v1/fingerprints/groups?flagged=true", "", "proctor", 200},
            {"GET", "/api/v1/apikeys", "", "admin", 200},
            {"POST", "/api/v1/apikeys", "{}", "admin", 400},
            {"DELETE", "/api/v1/apikeys/999999", "", "admin", 404},
            {"GET", "/api/v1/admins", "", "admin", 200},
            {"POST", "/api/v1/admins", "{}", "admin", 400},
            {"PATCH", "/api/v1/admins/999999", R"({"role":"proctor"})", "admin", 404},
            {"GET", "/api/v1/settings/certificate", "", "admin", 200},
            {"PUT", "/api/v1/settings/certificate", "{}", "admin", 400},
            {"GET", "/api/v1/audit", "", "admin", 200},
            {"DELETE", "/api/v1/candidates/999999", "", "admin", 404},
            {"GET", "/api/v1/candidates/999999/export", "", "admin", 404},
        };
        const char *callers[] = {"none",    "basic",    "garbage", "expired",
                                 "revoked", "disabled", "proctor", "admin"};
        for (const Endpoint &e : endpoints)
            for (const char *caller : callers)
                QTest::addRow("%s %s as %s", e.method, e.path, caller)
                    << QByteArray(e.method) << QString::fromLatin1(e.path) << QByteArray(e.body)
                    << QString::fromLatin1(e.role) << e.allowed << QString::fromLatin1(caller);
    }
    void authorizationMatrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, role);
        QFETCH(int, allowed);
        QFETCH(QString, caller);
        path.replace("{sid}", m_sessionId);

        QByteArray token;
        QByteArray authorization;
        if (caller == QLatin1String("basic"))
            authorization = "Basic YWRtaW46YWRtaW4=";
        else if (caller != QLatin1String("none"))
            token = tokenFor(caller);
        // Logging out must not end the tokens the other rows share.
        if (path.endsWith("/logout") &&
            (caller == QLatin1String("admin") || caller == QLatin1String("proctor")))
            token = f->login(caller == QLatin1String("admin") ? "admin@example.org" : "proctor@example.org",
                             caller == QLatin1String("admin") ? kAdminPassword : kProctorPassword);
        QVERIFY(caller == QLatin1String("none") || caller == QLatin1String("basic") || !token.isEmpty());

        const HttpResult r = call(method, path, token, body, authorization);
        if (caller == QLatin1String("none") || caller == QLatin1String("basic")) {
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("missing_token"));
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
        } else if (caller == QLatin1String("garbage") || caller == QLatin1String("revoked") ||
                   caller == QLatin1String("disabled")) {
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_token"));
        } else if (caller == QLatin1String("expired")) {
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("expired_token"));
        } else if (caller == QLatin1String("proctor") && role == QLatin1String("admin")) {
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden_role"));
        } else {
            QVERIFY2(r.status == allowed, qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(
                                              QString::fromUtf8(r.body.left(300)))));
        }
    }

    void failedLoginsDelayTheAccountOnlyFromTheFailingAddress()
    {
        const QString email = QStringLiteral("throttled@example.org");
        QVERIFY(f->createAdmin(email, "proctor", kProctorPassword) > 0);
        const QHostAddress from = randomLoopback();
        const quint16 port = f->collector().port();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, "wrong password")).status,
                     401);
        // From the failing address the next attempt waits (the 1 s starts at the fifth failure), even with
        // the right password, and is not checked.
        RawResult r = rawPost(port, from, "/api/v1/auth/login", loginBody(email, kProctorPassword));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        // Somebody else's failures never stop the owner: the right password from another address works at
        // once.
        QCOMPARE(
            rawPost(port, randomLoopback(), "/api/v1/auth/login", loginBody(email, kProctorPassword)).status,
            200);
        // Each further failure from there doubles the wait: 1, 2, 4 s (never a 15-minute block).
        for (const QByteArray expected : {QByteArray("2"), QByteArray("4")}) {
            QTest::qWait(r.header("Retry-After").toInt() * 1000 + 100);
            QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, "wrong password")).status,
                     401);
            r = rawPost(port, from, "/api/v1/auth/login", loginBody(email, kProctorPassword));
            QCOMPARE(r.status, 429);
            QCOMPARE(r.header("Retry-After"), expected);
        }
        // Other accounts from the same address are unaffected.
        QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody("proctor@example.org", kProctorPassword))
                     .status,
                 200);
        // Every refused attempt is audited (one row per delay step), none was checked against the password.
        const QString rows =
            QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = '%1' AND action = '%2'");
        QCOMPARE(f->db().scalar(rows.arg(email, "auth.login_failed")), QStringLiteral("7"));
        QCOMPARE(f->db().scalar(rows.arg(email, "auth.login_throttled")), QStringLiteral("3"));
        QCOMPARE(f->db().scalar(rows.arg(email, "auth.login")), QStringLiteral("1"));
        // Once the wait is over, the right password from there works and clears the delay.
        QTest::qWait(4100);
        QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, kProctorPassword)).status, 200);
        QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, "wrong password")).status, 401);
    }

    void successfulLoginResetsTheAccountCounter()
    {
        const QString email = QStringLiteral("forgetful@example.org");
        QVERIFY(f->createAdmin(email, "proctor", kProctorPassword) > 0);
        const quint16 port = f->collector().port();
        // Two addresses, so the per-address limit (8 here) stays out of the way.
        for (const QHostAddress &from : {randomLoopback(), randomLoopback()}) {
            for (int i = 0; i < 4; ++i)
                QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, "wrong password")).status,
                         401);
            QCOMPARE(rawPost(port, from, "/api/v1/auth/login", loginBody(email, kProctorPassword)).status,
                     200);
        }
    }

    void failedLoginsAreThrottledPerAddress()
    {
        // This fixture allows 8 failures per address (PROCTOR_LOGIN_FAILURES_PER_ADDRESS): spread over
        // distinct e-mails, so only the address counter can trip.
        const QHostAddress from = randomLoopback();
        const quint16 port = f->collector().port();
        for (int i = 0; i < 8; ++i)
            QCOMPARE(rawPost(port, from, "/api/v1/auth/login",
                             loginBody(QStringLiteral("guess%1@example.org").arg(i), "wrong password"))
                         .status,
                     401);
        const RawResult r =
            rawPost(port, from, "/api/v1/auth/login", loginBody("proctor@example.org", kProctorPassword));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 0);
        // The same account from another address still logs in.
        QCOMPARE(rawPost(port, randomLoopback(), "/api/v1/auth/login",
                         loginBody("proctor@example.org", kProctorPassword))
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestAdminAuth)
#include "tst_adminauth.moc"
