// SPDX-License-Identifier: MIT
// The admin surface under attack, beyond the authorization matrix and sequential throttling of
// tst_adminauth and the handshake basics of tst_live: guesses fired in parallel, one account spelled many
// ways, an unknown account (no enumeration through the throttle), a botnet that must not lock the owner out,
// throttling audited without flooding the audit log and announced to administrators, absurd credentials;
// WebSocket upgrades with every wrong kind of credential and in every wrong place; role and scope escalation
// by a proctor and by an admin; hostile text in what admins type. The collector keeps serving and refused
// requests change nothing.
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QWebSocket>
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

const QByteArray kPassword = "admin abuse password 1";
constexpr int kAccountLimit = 5;
constexpr int kAddressLimit = 10;

QHostAddress randomLoopback()
{
    auto *rng = QRandomGenerator::global();
    return QHostAddress(QStringLiteral("127.%1.%2.%3")
                            .arg(rng->bounded(1, 255))
                            .arg(rng->bounded(0, 256))
                            .arg(rng->bounded(2, 255)));
}

QString uniqueEmail(const char *who)
{
    return QStringLiteral("%1-%2@example.org")
        .arg(QLatin1String(who))
        .arg(QRandomGenerator::global()->generate());
}

// The admin live feed: every message it receives, kept.
class LiveClient
{
public:
    bool open(quint16 port, const QByteArray &token)
    {
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live").arg(port)));
        request.setRawHeader("Authorization", "Bearer " + token);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &m) {
            m_messages.append(QJsonDocument::fromJson(m.toUtf8()).object());
        });
        m_socket.open(request);
        QElapsedTimer t;
        t.start();
        while (m_socket.state() != QAbstractSocket::ConnectedState && t.elapsed() < 5000)
            QTest::qWait(10);
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        do {
            for (const QJsonObject &m : std::as_const(m_messages))
                if (match(m))
                    return m;
            QTest::qWait(10);
        } while (t.elapsed() < timeoutMs);
        return {};
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
};

QByteArray loginBody(const QString &email, const QByteArray &password)
{
    return QJsonDocument(QJsonObject{{"email", email}, {"password", QString::fromUtf8(password)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestAdminAbuse : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_adminToken;
    QByteArray m_proctorToken;
    qint64 m_proctorId = 0;
    StartedSession m_session;

    quint16 port() const { return f->collector().port(); }

    RawResponse loginFrom(const QHostAddress &from, const QString &email, const QByteArray &password)
    {
        RawConnection c;
        if (!c.connect(port(), from))
            return {};
        c.send(rawPost("/api/v1/auth/login", loginBody(email, password), "Connection: close\r\n"));
        return c.read(30000);
    }

    int auditRows(const QString &action, const QString &actor)
    {
        return f->db()
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1' AND actor = '%2'")
                        .arg(action, actor))
            .toInt();
    }

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &token,
                    const QByteArray &body = {})
    {
        HttpClient::Headers h = HotPathFixture::bearer(token);
        if (!body.isEmpty())
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
        return f->http().send(method, f->url(path), body, h, 15000);
    }

    // The WebSocket handshake by hand, reading byte by byte so nothing after the head is consumed.
    static int handshake(RawConnection &c, const QByteArray &method, const QByteArray &target,
                         const QByteArray &extraHeaders)
    {
        c.send(method + ' ' + target +
               " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
               extraHeaders + "\r\n");
        const RawResponse r = c.read(10000, method == "HEAD");
        return r.status;
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("adminabuse"),
            QMap<QString, QString>{{"PROCTOR_LOGIN_FAILURES_PER_ACCOUNT", QString::number(kAccountLimit)},
                                   {"PROCTOR_LOGIN_FAILURES_PER_ADDRESS", QString::number(kAddressLimit)}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY(f->createAdmin("root@example.org", "admin", kPassword) > 0);
        m_proctorId = f->createAdmin("watcher@example.org", "proctor", kPassword);
        QVERIFY(m_proctorId > 0);
        m_adminToken = f->login("root@example.org", kPassword);
        m_proctorToken = f->login("watcher@example.org", kPassword);
        QVERIFY(!m_adminToken.isEmpty() && !m_proctorToken.isEmpty());
        m_session = f->startSession();
        QVERIFY(!m_session.id.isEmpty());
    }

    void parallelGuessesAreThrottledLikeSequentialOnes_data()
    {
        QTest::addColumn<bool>("oneAccount"); // else thirty accounts
        QTest::addColumn<int>("limit");
        // Thirty wrong passwords at once from one address: the throttle must not let more guesses through
        // than its limit just because they all arrive before the first failure is counted.
        QTest::newRow("one account from one address") << true << kAccountLimit;
        QTest::newRow("thirty accounts from one address") << false << kAddressLimit;
    }
    void parallelGuessesAreThrottledLikeSequentialOnes()
    {
        QFETCH(bool, oneAccount);
        QFETCH(int, limit);
        constexpr int kGuesses = 30;
        const QString email = uniqueEmail("victim");
        QVERIFY(f->createAdmin(email, "proctor", kPassword) > 0);
        const QHostAddress address = randomLoopback();
        std::vector<std::unique_ptr<RawConnection>> connections;
        for (int i = 0; i < kGuesses; ++i) {
            auto c = std::make_unique<RawConnection>();
            QVERIFY(c->connect(port(), address));
            connections.push_back(std::move(c));
        }
        for (int i = 0; i < kGuesses; ++i)
            connections[size_t(i)]->send(rawPost(
                "/api/v1/auth/login",
                loginBody(oneAccount ? email : uniqueEmail("guess"), "wrong guess " + QByteArray::number(i)),
                "Connection: close\r\n"));
        int evaluated = 0, throttled = 0;
        for (auto &c : connections) {
            const RawResponse r = c->read(60000);
            if (r.status == 401)
                ++evaluated;
            else if (r.status == 429 && r.header("Retry-After").toInt() > 0)
                ++throttled;
            else
                QFAIL(qPrintable(QStringLiteral("unexpected answer %1: %2")
                                     .arg(r.status)
                                     .arg(QString::fromLatin1(r.head.left(200)))));
        }
        QVERIFY2(evaluated <= limit,
                 qPrintable(QStringLiteral(
                                "%1 of %2 parallel guesses were checked against a password; the limit is %3")
                                .arg(evaluated)
                                .arg(kGuesses)
                                .arg(limit)));
        QVERIFY(evaluated >= 1);
        QCOMPARE(evaluated + throttled, kGuesses);
        QVERIFY(auditRows("auth.login_failed", email) <= kAccountLimit);
        if (oneAccount) // refusals are audited once per failure count, not once per refusal
            QVERIFY(auditRows("auth.login_throttled", email) <= kAccountLimit + 1);
        // The right password from the attacking address waits (the account's delay or the address's block)...
        const RawResponse right = loginFrom(address, email, kPassword);
        QCOMPARE(right.status, 429);
        QVERIFY(right.header("Retry-After").toInt() > 0);
        QCOMPARE(auditRows("auth.login", email), 0);
        // ... but from anywhere else the account's owner signs in at once.
        QCOMPARE(loginFrom(randomLoopback(), email, kPassword).status, 200);
        QCOMPARE(auditRows("auth.login", email), 1);
        QVERIFY(collectorServes(*f));
    }

    void oneAccountSpelledManyWaysIsOneAccount()
    {
        const QString email = uniqueEmail("spelled");
        QVERIFY(f->createAdmin(email, "proctor", kPassword) > 0);
        const QStringList spellings{email.toUpper(), QLatin1Char(' ') + email + QLatin1Char(' '),
                                    QLatin1Char('\t') + email, email.left(1).toUpper() + email.mid(1),
                                    email + QStringLiteral("\n")};
        const QHostAddress from = randomLoopback();
        for (const QString &spelling : spellings)
            QCOMPARE(loginFrom(from, spelling, "wrong password").status, 401);
        const RawResponse r = loginFrom(from, email, kPassword);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 0);
        QVERIFY(collectorServes(*f));
    }

    void unknownAccountIsThrottledLikeAKnownOne()
    {
        // The throttle must not tell which e-mails exist: the same answers, in the same order.
        const QString unknown = uniqueEmail("nobody");
        const QString known = uniqueEmail("somebody");
        QVERIFY(f->createAdmin(known, "proctor", kPassword) > 0);
        for (const QString &email : {unknown, known}) {
            const QHostAddress from = randomLoopback();
            QList<int> statuses;
            for (int i = 0; i <= kAccountLimit; ++i)
                statuses.append(loginFrom(from, email, "wrong password").status);
            QList<int> expected(kAccountLimit, 401);
            expected.append(429);
            QCOMPARE(statuses, expected);
        }
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM admins WHERE email = '%1'").arg(unknown)),
            QStringLiteral("0"));
        QVERIFY(collectorServes(*f));
    }

    void guessesFromEverywhereNeverLockTheOwnerOut()
    {
        // A botnet guessing one account from many addresses, each below its own limit and then beyond it:
        // the owner, from an address that has not failed, signs in at once every time.
        const QString email = uniqueEmail("besieged");
        QVERIFY(f->createAdmin(email, "proctor", kPassword) > 0);
        for (int bot = 0; bot < 4; ++bot) {
            const QHostAddress from = randomLoopback();
            for (int i = 0; i <= kAccountLimit; ++i)
                loginFrom(from, email, "botnet guess " + QByteArray::number(i));
            QCOMPARE(loginFrom(randomLoopback(), email, kPassword).status, 200);
        }
        QCOMPARE(auditRows("auth.login_failed", email), 4 * kAccountLimit);
        QVERIFY(collectorServes(*f));
    }

    void throttlingIsAuditedBoundedlyAndAnnounced()
    {
        LiveClient live;
        QVERIFY(live.open(port(), m_adminToken));
        const QString email = uniqueEmail("alerted");
        QVERIFY(f->createAdmin(email, "proctor", kPassword) > 0);
        const QHostAddress attacker = randomLoopback();
        for (int i = 0; i < kAccountLimit; ++i)
            QCOMPARE(loginFrom(attacker, email, "wrong password").status, 401);
        // The administrators hear that this account is now throttled from there.
        const QJsonObject alert = live.waitFor(
            [&](const QJsonObject &m) {
                return m.value("type").toString() == "login_throttled" &&
                       m.value("email").toString() == email;
            },
            5000);
        QVERIFY2(!alert.isEmpty(), "no login_throttled message for the account");
        QCOMPARE(alert.value("address").toString(), attacker.toString());
        QCOMPARE(alert.value("failures").toInt(), kAccountLimit);
        QCOMPARE(alert.value("delaySeconds").toInt(), 1);
        // Two more failures, each after its delay, put the account four seconds apart from there.
        QTest::qWait(1100);
        QCOMPARE(loginFrom(attacker, email, "wrong password").status, 401);
        QTest::qWait(2100);
        QCOMPARE(loginFrom(attacker, email, "wrong password").status, 401);
        QCOMPARE(auditRows("auth.login_throttled", email), 0);
        // Fifty refused attempts in that delay (on one kept-alive connection, so all fall inside it): one
        // audit row says so, with the address, the reason and the wait.
        RawConnection hammer;
        QVERIFY(hammer.connect(port(), attacker));
        for (int i = 0; i < 50; ++i) {
            hammer.send(rawPost("/api/v1/auth/login", loginBody(email, kPassword)));
            QCOMPARE(hammer.read(10000).status, 429);
        }
        QCOMPARE(auditRows("auth.login_throttled", email), 1);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT concat_ws(' ', host(client_ip), details->>'scope', "
                                               "details->>'retryAfter', details->>'failures') FROM audit_log "
                                               "WHERE action = 'auth.login_throttled' AND actor = '%1'")
                                    .arg(email)),
                 QStringLiteral("%1 account 4 %2").arg(attacker.toString()).arg(kAccountLimit + 2));
        // After the delay another wrong guess doubles it: one more row, counting the refusals it did not
        // audit.
        QTest::qWait(4100);
        QCOMPARE(loginFrom(attacker, email, "wrong password").status, 401);
        const RawResponse longer = loginFrom(attacker, email, kPassword);
        QCOMPARE(longer.status, 429);
        QCOMPARE(longer.header("Retry-After"), QByteArray("8"));
        QCOMPARE(auditRows("auth.login_throttled", email), 2);
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT details->>'refusedBefore' FROM audit_log WHERE action = "
                                          "'auth.login_throttled' AND actor = '%1' ORDER BY id DESC LIMIT 1")
                               .arg(email)),
            QStringLiteral("49"));

        // Spraying many accounts from one address blocks the address, and that is announced too.
        const QHostAddress sprayer = randomLoopback();
        for (int i = 0; i < kAddressLimit; ++i)
            QCOMPARE(loginFrom(sprayer, uniqueEmail("sprayed"), "Password1").status, 401);
        const QJsonObject blocked = live.waitFor(
            [&](const QJsonObject &m) {
                return m.value("type").toString() == "login_throttled" &&
                       m.value("address").toString() == sprayer.toString();
            },
            5000);
        QVERIFY2(!blocked.isEmpty(), "no login_throttled message for the address");
        QCOMPARE(blocked.value("email").toString(), QString());
        QCOMPARE(blocked.value("failures").toInt(), kAddressLimit);
        QVERIFY(blocked.value("delaySeconds").toInt() > 60);
        const RawResponse r = loginFrom(sprayer, email, kPassword);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() > 60);
        QVERIFY(collectorServes(*f));
    }

    void absurdCredentials_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("1 MB password")
            << loginBody("root@example.org", QByteArray(1 << 20, 'p')) << 401 << "invalid_credentials";
        QTest::newRow("100 KB e-mail")
            << loginBody(QString(100000, QLatin1Char('e')) + "@example.org", "whatever it is") << 401
            << "invalid_credentials";
        QTest::newRow("SQL in the e-mail")
            << loginBody("root@example.org' OR '1'='1", "' OR '1'='1") << 401 << "invalid_credentials";
        QTest::newRow("SQL comment after the e-mail")
            << loginBody("root@example.org'--", "x") << 401 << "invalid_credentials";
        QTest::newRow("LIKE wildcard e-mail")
            << loginBody("%@example.org", kPassword) << 401 << "invalid_credentials";
        QTest::newRow("operator object as password")
            << QByteArray(R"({"email":"root@example.org","password":{"$ne":null}})") << 400
            << "validation_failed";
        QTest::newRow("array as e-mail")
            << QByteArray(R"({"email":["root@example.org"],"password":"x"})") << 400 << "validation_failed";
        QTest::newRow("NUL inside the e-mail")
            << QByteArray(R"({"email":"root@example.org\u0000x","password":"x"})") << 400
            << "validation_failed";
    }
    void absurdCredentials()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const int logins = auditRows("auth.login", "root@example.org");
        const QString tokens = f->db().scalar("SELECT count(*) FROM admin_tokens");
        RawConnection c;
        QVERIFY(c.connect(port(), randomLoopback()));
        c.send(rawPost("/api/v1/auth/login", body, "Connection: close\r\n"));
        const RawResponse r = c.read(30000);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        QCOMPARE(r.errorCode(), code);
        QVERIFY2(r.elapsedMs < 10000, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(auditRows("auth.login", "root@example.org"), logins);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM admin_tokens"), tokens);
        QVERIFY(collectorServes(*f));
    }

    void liveUpgradeNeedsAValidAdminToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("credential");
        QTest::addColumn<int>("status");
        QTest::newRow("no token at all") << QByteArray("GET") << QByteArray("/api/v1/live") << "none" << 401;
        QTest::newRow("expired admin token")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "expired" << 401;
        QTest::newRow("logged-out admin token")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "revoked" << 401;
        QTest::newRow("token of a disabled admin")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "disabled" << 401;
        QTest::newRow("page API key as bearer")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "page key" << 401;
        QTest::newRow("session token as bearer")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "session token" << 401;
        QTest::newRow("session token in the query")
            << QByteArray("GET") << QByteArray("/api/v1/live?token={session}") << "none" << 401;
        QTest::newRow("page API key as X-API-Key")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "X-API-Key" << 401;
        QTest::newRow("garbage bearer beside a valid token in the query")
            << QByteArray("GET") << QByteArray("/api/v1/live?token={valid}") << "garbage" << 401;
        QTest::newRow("valid token, POST")
            << QByteArray("POST") << QByteArray("/api/v1/live") << "valid" << 405;
        QTest::newRow("valid token, another path")
            << QByteArray("GET") << QByteArray("/api/v1/live/") << "valid" << 404;
        QTest::newRow("valid token, encoded path")
            << QByteArray("GET") << QByteArray("/api/v1/%6Cive") << "valid" << 404;
        QTest::newRow("valid token") << QByteArray("GET") << QByteArray("/api/v1/live") << "valid" << 101;
        // A token in the URL lands in proxy logs: refused even when valid; a subprotocol carries it instead.
        QTest::newRow("valid token in the query")
            << QByteArray("GET") << QByteArray("/api/v1/live?token={valid}") << "none" << 401;
        QTest::newRow("valid token as a subprotocol")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "subprotocol" << 101;
        QTest::newRow("session token as a subprotocol")
            << QByteArray("GET") << QByteArray("/api/v1/live") << "session subprotocol" << 401;
    }
    void liveUpgradeNeedsAValidAdminToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QString, credential);
        QFETCH(int, status);
        QByteArray token;
        if (credential == QLatin1String("valid")) {
            token = m_proctorToken;
        } else if (credential == QLatin1String("expired")) {
            token = f->login("watcher@example.org", kPassword);
            QVERIFY(!token.isEmpty());
            f->db().scalar(QStringLiteral("UPDATE admin_tokens SET expires_at = now() - interval '1 second' "
                                          "WHERE token_hash = sha256('%1'::bytea) RETURNING 1")
                               .arg(QString::fromLatin1(token)));
        } else if (credential == QLatin1String("revoked")) {
            token = f->login("watcher@example.org", kPassword);
            QCOMPARE(call("POST", "/api/v1/auth/logout", token).status, 204);
        } else if (credential == QLatin1String("disabled")) {
            const QString email = uniqueEmail("disabled");
            const qint64 id = f->createAdmin(email, "proctor", kPassword);
            token = f->login(email, kPassword);
            QCOMPARE(call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), m_adminToken,
                          R"({"disabled":true})")
                         .status,
                     200);
        } else if (credential == QLatin1String("page key")) {
            token = f->apiKey();
        } else if (credential == QLatin1String("session token")) {
            token = m_session.token;
        } else if (credential == QLatin1String("garbage")) {
            token = "garbage-token";
        }
        target.replace("{session}", QUrl::toPercentEncoding(QString::fromLatin1(m_session.token)));
        target.replace("{valid}", QUrl::toPercentEncoding(QString::fromLatin1(m_proctorToken)));
        QByteArray headers;
        if (credential == QLatin1String("X-API-Key"))
            headers = "X-API-Key: " + f->apiKey() + "\r\n";
        else if (credential == QLatin1String("subprotocol"))
            headers = "Sec-WebSocket-Protocol: proctor.v1, bearer." + m_proctorToken + "\r\n";
        else if (credential == QLatin1String("session subprotocol"))
            headers = "Sec-WebSocket-Protocol: proctor.v1, bearer." + m_session.token + "\r\n";
        else if (!token.isEmpty())
            headers = "Authorization: Bearer " + token + "\r\n";
        const QString before = databaseFingerprint(f->db());
        RawConnection c;
        QVERIFY(c.connect(port()));
        QCOMPARE(handshake(c, method, target, headers), status);
        if (status != 101)
            QVERIFY(c.waitClosed(5000));
        QCOMPARE(databaseFingerprint(f->db()), before);
        QVERIFY(collectorServes(*f));
    }

    void upgradeOnlyOnAFreshConnection()
    {
        // A kept-alive connection's second request asking for an upgrade goes to the router, never the hub.
        RawConnection c;
        QVERIFY(c.connect(port()));
        c.send(rawGet("/healthz"));
        QCOMPARE(c.read(5000).status, 200);
        QCOMPARE(handshake(c, "GET", "/api/v1/live", "Authorization: Bearer " + m_proctorToken + "\r\n"),
                 426);
        QVERIFY(collectorServes(*f));
    }

    void oversizedHandshakeIsNotUpgraded()
    {
        RawConnection c;
        QVERIFY(c.connect(port()));
        QCOMPARE(handshake(c, "GET", "/api/v1/live",
                           "Authorization: Bearer " + m_proctorToken +
                               "\r\nX-Pad: " + QByteArray(20000, 'p') + "\r\n"),
                 431);
        QVERIFY(c.waitClosed(5000));
        QVERIFY(collectorServes(*f));
    }

    void escalationIsRefused_data()
    {
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        // A proctor reaching for admin powers.
        QTest::newRow("proctor makes itself admin")
            << "proctor" << QByteArray("PATCH") << "/api/v1/admins/{self}"
            << QByteArray(R"({"role":"admin"})") << 403 << "";
        QTest::newRow("proctor creates an admin")
            << "proctor" << QByteArray("POST") << "/api/v1/admins"
            << QByteArray(R"({"email":"mine@example.org","password":"long enough password","role":"admin"})")
            << 403 << "";
        QTest::newRow("proctor mints a page key")
            << "proctor" << QByteArray("POST") << "/api/v1/apikeys"
            << QByteArray(R"({"name":"mine","scopes":["tests:read","sessions:write"]})") << 403 << "";
        QTest::newRow("proctor revokes the page key")
            << "proctor" << QByteArray("DELETE") << "/api/v1/apikeys/1" << QByteArray() << 403 << "";
        QTest::newRow("proctor deletes a candidate")
            << "proctor" << QByteArray("DELETE") << "/api/v1/candidates/{candidate}" << QByteArray() << 403
            << "";
        QTest::newRow("proctor rewrites the certificate")
            << "proctor" << QByteArray("PUT") << "/api/v1/settings/certificate"
            << QByteArray(R"({"organisationName":"Evil","addressLine":"","contacts":"","signatories":[]})")
            << 403 << "";
        // An admin reaching for powers that do not exist.
        QTest::newRow("admin mints a key with scope admin")
            << "admin" << QByteArray("POST") << "/api/v1/apikeys"
            << QByteArray(R"({"name":"k","scopes":["admin"]})") << 400 << "/scopes/0";
        QTest::newRow("admin mints a key with scope *")
            << "admin" << QByteArray("POST") << "/api/v1/apikeys"
            << QByteArray(R"({"name":"k","scopes":["tests:read","*"]})") << 400 << "/scopes/1";
        QTest::newRow("admin mints a key with a scope object")
            << "admin" << QByteArray("POST") << "/api/v1/apikeys"
            << QByteArray(R"({"name":"k","scopes":[{"all":true}]})") << 400 << "/scopes/0";
        QTest::newRow("admin creates a superadmin")
            << "admin" << QByteArray("POST") << "/api/v1/admins"
            << QByteArray(
                   R"({"email":"s@example.org","password":"long enough password","role":"superadmin"})")
            << 400 << "/role";
        QTest::newRow("admin sets role root") << "admin" << QByteArray("PATCH") << "/api/v1/admins/{self}"
                                              << QByteArray(R"({"role":"root"})") << 400 << "/role";
        QTest::newRow("admin sets a password hash")
            << "admin" << QByteArray("PATCH") << "/api/v1/admins/{self}"
            << QByteArray(R"({"passwordHash":"$argon2id$x"})") << 400 << "/passwordHash";
    }
    void escalationIsRefused()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        path.replace("{self}", QString::number(m_proctorId));
        path.replace(
            "{candidate}",
            f->db().scalar(
                QStringLiteral("SELECT candidate_id FROM sessions WHERE id = '%1'").arg(m_session.id)));
        const QString before = databaseFingerprint(f->db());
        const HttpResult r =
            call(method, path, caller == QLatin1String("admin") ? m_adminToken : m_proctorToken, body);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        if (!field.isEmpty())
            QCOMPARE(r.errorField(), field);
        QCOMPARE(databaseFingerprint(f->db()), before);
        QCOMPARE(call("GET", "/api/v1/auth/me", m_proctorToken).json().value("role").toString(),
                 QStringLiteral("proctor"));
        QVERIFY(collectorServes(*f));
    }

    void adminTextIsStoredAsDataOrRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key"); // the text field
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("sql"); // reads the stored text back
        const QString keyName = QStringLiteral("SELECT name FROM api_keys ORDER BY id DESC LIMIT 1");
        const QString displayName =
            QStringLiteral("SELECT display_name FROM admins ORDER BY id DESC LIMIT 1");
        const QString organisation =
            QStringLiteral("SELECT value->>'organisationName' FROM settings WHERE key = 'certificate'");
        for (const char *text :
             {"<script>alert(1)</script>", "'; DROP TABLE admins; --", "<img src=x onerror=alert(1)>"}) {
            QTest::addRow("api key name: %s", text) << QByteArray("POST") << "/api/v1/apikeys"
                                                    << "name" << QString::fromLatin1(text) << 201 << keyName;
            QTest::addRow("admin display name: %s", text)
                << QByteArray("POST") << "/api/v1/admins"
                << "displayName" << QString::fromLatin1(text) << 201 << displayName;
            QTest::addRow("certificate organisation: %s", text)
                << QByteArray("PUT") << "/api/v1/settings/certificate"
                << "organisationName" << QString::fromLatin1(text) << 200 << organisation;
        }
        const QString nul = QStringLiteral("a") + QChar(0) + QStringLiteral("b");
        QTest::newRow("api key name with NUL") << QByteArray("POST") << "/api/v1/apikeys"
                                               << "name" << nul << 400 << keyName;
        QTest::newRow("admin display name with NUL") << QByteArray("POST") << "/api/v1/admins"
                                                     << "displayName" << nul << 400 << displayName;
        QTest::newRow("certificate organisation with NUL")
            << QByteArray("PUT") << "/api/v1/settings/certificate"
            << "organisationName" << nul << 400 << organisation;
        QTest::newRow("admin e-mail with NUL")
            << QByteArray("POST") << "/api/v1/admins"
            << "email" << QStringLiteral("n\u0000@example.org") << 400 << displayName;
    }
    void adminTextIsStoredAsDataOrRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(QString, sql);
        QJsonObject body;
        if (path.endsWith("apikeys"))
            body = QJsonObject{{"name", "k"}, {"scopes", QJsonArray{"tests:read"}}};
        else if (path.endsWith("admins"))
            body = QJsonObject{{"email", uniqueEmail("typed")},
                               {"password", "long enough password"},
                               {"role", "proctor"},
                               {"displayName", "d"}};
        else
            body = QJsonObject{{"organisationName", "Org"},
                               {"addressLine", "a"},
                               {"contacts", "c"},
                               {"signatories", QJsonArray{}}};
        body.insert(key, text);
        const QString before = databaseFingerprint(f->db());
        const HttpResult r = call(method, path, m_adminToken, QJsonDocument(body).toJson());
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        if (status >= 400) {
            QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
            QCOMPARE(r.errorField(), QLatin1Char('/') + key);
            QCOMPARE(databaseFingerprint(f->db()), before);
        } else {
            QCOMPARE(f->db().scalar(sql), text);
        }
        QVERIFY(collectorServes(*f));
    }
};

QTEST_GUILESS_MAIN(TestAdminAbuse)
#include "tst_adminabuse.moc"
