// SPDX-License-Identifier: MIT
// Session tokens and keys through the real binary: what a token replayed after the result still does, a
// result submitted many times at once, tokens forged with the collector's own signer (expired, re-dated,
// re-targeted, wrong key), and every credential used where another kind belongs (page key or session token
// on admin endpoints, admin token as a page key or session token). Nothing refused leaves a trace.
#include <sodium.h>

#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtEndian>
#include <QtTest>

#include "auth/sessiontoken.h"
#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;
using Proctor::Collector::Auth::SessionClaims;
using Proctor::Collector::Auth::SessionTokenSigner;

namespace {

const QByteArray kPassword = "tokens password 1";
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomSecretHex()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 8);
    return secret.toHex();
}

// The token's payload with `bytes` written at `offset`, the original signature kept.
QByteArray repayload(const QByteArray &token, int offset, const QByteArray &bytes)
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray payload = QByteArray::fromBase64(parts.value(1), kB64);
    payload.replace(offset, bytes.size(), bytes);
    return parts.value(0) + '.' + payload.toBase64(kB64) + '.' + parts.value(2);
}

QByteArray bigEndian(qint64 v)
{
    QByteArray out(8, Qt::Uninitialized);
    qToBigEndian<qint64>(v, out.data());
    return out;
}

struct AdminEndpoint
{
    const char *method;
    const char *path;
    const char *body;
};

// Every admin endpoint of docs/api.md; {sid} is a real session.
const AdminEndpoint kAdminEndpoints[] = {
    {"GET", "/api/v1/auth/me", ""},
    {"POST", "/api/v1/auth/logout", ""},
    {"GET", "/api/v1/results", ""},
    {"GET", "/api/v1/sessions/abandoned", ""},
    {"GET", "/api/v1/sessions/{sid}", ""},
    {"GET", "/api/v1/sessions/{sid}/events", ""},
    {"GET", "/api/v1/sessions/{sid}/telemetry", ""},
    {"GET", "/api/v1/sessions/{sid}/risk", ""},
    {"GET", "/api/v1/certificates", ""},
    {"GET", "/api/v1/dashboard", ""},
    {"GET", "/api/v1/search?q=Ivan", ""},
    {"GET", "/api/v1/live", ""},
    {"POST", "/api/v1/analysis/mouse", R"({"sessionA":"{sid}","sessionB":"{sid}"})"},
    {"POST", "/api/v1/analysis/mouse/similar", R"({"sessionId":"{sid}","k":3})"},
    {"POST", "/api/v1/analysis/keyboard", R"({"sessionA":"{sid}","sessionB":"{sid}"})"},
    {"GET", "/api/v1/fingerprints/groups", ""},
    {"GET", "/api/v1/apikeys", ""},
    {"POST", "/api/v1/apikeys", R"({"name":"escalated","scopes":["tests:read","sessions:write"]})"},
    {"DELETE", "/api/v1/apikeys/1", ""},
    {"GET", "/api/v1/admins", ""},
    {"POST", "/api/v1/admins",
     R"({"email":"evil@example.org","password":"long enough password","role":"admin","displayName":"x"})"},
    {"PATCH", "/api/v1/admins/1", R"({"role":"proctor","disabled":true})"},
    {"GET", "/api/v1/settings/certificate", ""},
    {"PUT", "/api/v1/settings/certificate",
     R"({"organisationName":"Evil","addressLine":"","contacts":"","signatories":[]})"},
    {"GET", "/api/v1/audit", ""},
    {"DELETE", "/api/v1/candidates/1", ""},
    {"GET", "/api/v1/candidates/1/export", ""},
};

} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_secretHex = randomSecretHex();
    std::unique_ptr<SessionTokenSigner> m_signer;
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_adminToken;
    StartedSession m_session; // has a result: the {sid} of admin endpoints

    HttpResult postEventsWith(const StartedSession &s, const QByteArray &header, const QByteArray &value)
    {
        const QJsonObject body{{"sessionId", s.id}, {"events", QJsonArray{HotPathFixture::event(0)}}};
        return f->http().post(f->url("/api/v1/events"), QJsonDocument(body).toJson(), {{header, value}});
    }

    HttpResult postResultWith(const StartedSession &s, const QByteArray &header, const QByteArray &value)
    {
        const QJsonObject body{{"answers", HotPathFixture::answers(s, 10)},
                               {"telemetry", HotPathFixture::telemetry()}};
        return f->http().post(f->url(QStringLiteral("/api/v1/sessions/%1/result").arg(s.id)),
                              QJsonDocument(body).toJson(), {{header, value}});
    }

    // "head.signature" for any head, the way sessiontoken.cpp signs (its public API signs claims only).
    QByteArray signed_(const QByteArray &head) const
    {
        const QByteArray secret = QByteArray::fromHex(m_secretHex);
        unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
        crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char *>(secret.constData()),
                           size_t(secret.size()),
                           reinterpret_cast<const unsigned char *>("proctor-session-token-v1"), 24);
        QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
        crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(mac.data()),
                               reinterpret_cast<const unsigned char *>(head.constData()),
                               quint64(head.size()), key);
        return head + '.' + mac.toBase64(kB64);
    }

    SessionClaims claimsOf(const QByteArray &token) const
    {
        const auto c = m_signer->verify(token, 0);
        return c ? *c : SessionClaims{};
    }

private slots:
    void initTestCase()
    {
        m_signer = std::make_unique<SessionTokenSigner>(QByteArray::fromHex(m_secretHex));
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("tokens"),
            QMap<QString, QString>{{"PROCTOR_SESSION_SECRET", QString::fromLatin1(m_secretHex)}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY(f->createAdmin("chief@example.org", "admin", kPassword) > 0);
        m_adminToken = f->login("chief@example.org", kPassword);
        QVERIFY(!m_adminToken.isEmpty());
        m_session = f->startSession();
        QVERIFY(!m_session.id.isEmpty());
        QCOMPARE(f->postResult(m_session, HotPathFixture::answers(m_session, 9)).status, 201);
        // The test signs exactly as the collector does: its own token verifies here.
        QCOMPARE(claimsOf(m_session.token).sessionId, QUuid::fromString(m_session.id));
        QCOMPARE(signed_(m_session.token.left(m_session.token.lastIndexOf('.'))), m_session.token);
    }

    void tokenReplayedAfterTheResult()
    {
        // What the product does: the token stays valid until it expires. Events after the result are still
        // stored (a page may flush its outbox late) and the review API flags them afterFinish; the result
        // itself cannot change.
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        const QJsonObject before = HotPathFixture::event(0, "focus_loss");
        QCOMPARE(f->postEvents(s, {before}).status, 200);
        const HttpResult first = f->postResult(s, HotPathFixture::answers(s, 6));
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value("passed").toBool(), false);

        const QJsonObject late = HotPathFixture::event(1, "print_attempt", {{"method", "shortcut"}});
        HttpResult r = f->postEvents(s, {late});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("accepted").toInt(), 1);
        r = f->postEvents(s, {before, late}); // the same events once more: nothing new
        QCOMPARE(r.json().value("accepted").toInt(), 0);
        QCOMPARE(r.json().value("duplicates").toInt(), 2);

        const HttpResult events =
            f->http().get(f->url(QStringLiteral("/api/v1/sessions/%1/events").arg(s.id)),
                          HotPathFixture::bearer(m_adminToken));
        QCOMPARE(events.status, 200);
        const QJsonArray items = events.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value("afterFinish").toBool(), false);
        QCOMPARE(items.at(1).toObject().value("afterFinish").toBool(), true);

        // A better resubmission with the replayed token gets the first outcome, unchanged.
        const HttpResult again = f->postResult(s, HotPathFixture::answers(s, 10));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json(), first.json());
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT score || ' ' || passed FROM sessions WHERE id = '%1'").arg(s.id)),
                 QStringLiteral("60 false"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM certificates WHERE session_id = '%1'").arg(s.id)),
                 QStringLiteral("0"));
        QVERIFY(collectorServes(*f));
    }

    void tokenReplayedAfterTheCandidateWasErased_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("events") << "events";
        QTest::newRow("result") << "result";
    }
    void tokenReplayedAfterTheCandidateWasErased()
    {
        // DELETE /api/v1/candidates/{id} erases a person; a page still holding a session token (valid for
        // hours, verified without a lookup) must not write that person's data back.
        QFETCH(QString, endpoint);
        const StartedSession s = f->startSession(HotPathFixture::sessionStartBody(
            QStringLiteral("Стёртый"), QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QVERIFY(!s.id.isEmpty());
        QCOMPARE(f->postEvents(s, {HotPathFixture::event(0)}).status, 200);
        const QString candidate =
            f->db().scalar(QStringLiteral("SELECT candidate_id FROM sessions WHERE id = '%1'").arg(s.id));
        const HttpResult erased =
            f->http().send("DELETE", f->url(QStringLiteral("/api/v1/candidates/") + candidate), {},
                           HotPathFixture::bearer(m_adminToken), 15000);
        QCOMPARE(erased.status, 200);
        QCOMPARE(erased.json().value("deleted").toObject().value("events").toInt(), 1);

        // What the product does: the token still verifies, but nothing lands. Events are acknowledged as not
        // new (so the page's outbox lets go of them), a result finds no session.
        if (endpoint == QLatin1String("events")) {
            const HttpResult r = f->postEvents(s, {HotPathFixture::event(1), HotPathFixture::event(2)});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value("accepted").toInt(), 0);
        } else {
            const HttpResult r = f->postResult(s, HotPathFixture::answers(s, 10));
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        }
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("0"));
        QCOMPARE(
            f->db().scalar(
                QStringLiteral("SELECT count(*) FROM session_telemetry WHERE session_id = '%1'").arg(s.id)),
            QStringLiteral("0"));
        QVERIFY(collectorServes(*f));
    }

    void concurrentResultsHaveOneOutcome()
    {
        // A replay race: the same token submits different answers many times at once.
        constexpr int kRacers = 12;
        const StartedSession s = f->startSession();
        QVERIFY(!s.id.isEmpty());
        QList<QNetworkAccessManager *> nams;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < kRacers; ++i) {
            nams.append(new QNetworkAccessManager(this));
            QNetworkRequest req(QUrl(f->url(QStringLiteral("/api/v1/sessions/%1/result").arg(s.id))));
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            req.setRawHeader("X-Session-Token", s.token);
            const QJsonObject body{{"answers", HotPathFixture::answers(s, i % 11)},
                                   {"telemetry", HotPathFixture::telemetry()}};
            replies.append(nams.last()->post(req, QJsonDocument(body).toJson()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
            30000);
        int created = 0;
        QSet<QByteArray> bodies;
        for (QNetworkReply *r : replies) {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QVERIFY2(status == 201 || status == 200, qPrintable(QString::number(status)));
            created += status == 201 ? 1 : 0;
            bodies.insert(QJsonDocument::fromJson(r->readAll()).toJson(QJsonDocument::Compact));
        }
        qDeleteAll(nams);
        QCOMPARE(created, 1);
        QCOMPARE(bodies.size(), 1);
        const QJsonObject outcome = QJsonDocument::fromJson(*bodies.begin()).object();
        // The answer discloses pass/fail only (the default attempt policy); the stored outcome must be that
        // one.
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT passed FROM sessions WHERE id = '%1'").arg(s.id)),
                 outcome.value("passed").toBool() ? QStringLiteral("t") : QStringLiteral("f"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM certificates WHERE session_id = '%1'").arg(s.id)),
                 outcome.value("passed").toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        QVERIFY(collectorServes(*f));
    }

    void forgedSessionTokensAreRefused_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const struct
        {
            const char *forgery;
            int status;
            const char *code;
        } rows[] = {
            {"expired, correctly signed", 401, "expired_token"},
            {"expiring this second, correctly signed", 401, "expired_token"},
            {"expiry extended, old signature", 401, "invalid_token"},
            {"session id of another session, old signature", 401, "invalid_token"},
            {"page key id changed, old signature", 401, "invalid_token"},
            {"start time changed, old signature", 401, "invalid_token"},
            {"signed with another secret", 401, "invalid_token"},
            {"signature of another token", 401, "invalid_token"},
            {"signature removed", 401, "invalid_token"},
            {"empty signature", 401, "invalid_token"},
            {"version v2", 401, "invalid_token"},
            {"payload one byte short, re-signed", 401, "invalid_token"},
            {"payload padded, re-signed", 401, "invalid_token"},
            {"201 characters", 401, "invalid_token"},
            {"page API key", 401, "invalid_token"},
            {"admin bearer token", 401, "invalid_token"},
            {"Bearer prefix", 401, "invalid_token"},
        };
        for (const auto &row : rows)
            for (const char *endpoint : {"events", "result"})
                QTest::addRow("%s: %s", endpoint, row.forgery)
                    << QString::fromLatin1(row.forgery) << QString::fromLatin1(endpoint) << row.status
                    << QString::fromLatin1(row.code);
    }
    void forgedSessionTokensAreRefused()
    {
        QFETCH(QString, forgery);
        QFETCH(QString, endpoint);
        QFETCH(int, status);
        QFETCH(QString, code);
        const StartedSession s = f->startSession();
        const StartedSession other =
            f->startSession(HotPathFixture::sessionStartBody(QStringLiteral("Другой")));
        QVERIFY(!s.id.isEmpty() && !other.id.isEmpty());
        const SessionClaims claims = claimsOf(s.token);
        QVERIFY(!claims.sessionId.isNull());
        const qint64 now = QDateTime::currentSecsSinceEpoch();

        QByteArray token;
        SessionClaims c = claims;
        if (forgery.startsWith("expired")) {
            c.expiresAtSec = now - 60;
            token = m_signer->issue(c);
        } else if (forgery.startsWith("expiring")) {
            c.expiresAtSec = now;
            token = m_signer->issue(c);
        } else if (forgery.startsWith("expiry extended")) {
            token = repayload(s.token, 24, bigEndian(claims.expiresAtSec + 30 * 24 * 3600));
        } else if (forgery.startsWith("session id")) {
            token = repayload(s.token, 0, QUuid::fromString(other.id).toRfc4122());
        } else if (forgery.startsWith("page key id")) {
            token = repayload(s.token, 32, bigEndian(claims.apiKeyId + 1));
        } else if (forgery.startsWith("start time")) {
            token = repayload(s.token, 16, bigEndian(claims.startedAtMs - 86400000));
        } else if (forgery.startsWith("signed with another")) {
            token = SessionTokenSigner(QByteArray(32, 'x')).issue(claims);
        } else if (forgery.startsWith("signature of another")) {
            token = s.token.left(s.token.lastIndexOf('.')) + other.token.mid(other.token.lastIndexOf('.'));
        } else if (forgery.startsWith("signature removed")) {
            token = s.token.left(s.token.lastIndexOf('.'));
        } else if (forgery.startsWith("empty signature")) {
            token = s.token.left(s.token.lastIndexOf('.') + 1);
        } else if (forgery.startsWith("version")) {
            token = "v2" + s.token.mid(2);
        } else if (forgery.startsWith("payload one byte short") || forgery.startsWith("payload padded")) {
            // Correctly signed, so only the payload length check can refuse it.
            QByteArray payload = QByteArray::fromBase64(s.token.split('.').value(1), kB64);
            payload = forgery.contains("short") ? payload.left(payload.size() - 1) : payload + '\0';
            token = signed_("v1." + payload.toBase64(kB64));
        } else if (forgery.startsWith("201")) {
            token = s.token + QByteArray(201 - s.token.size(), 'A');
        } else if (forgery.startsWith("page API key")) {
            token = f->apiKey();
        } else if (forgery.startsWith("admin bearer")) {
            token = m_adminToken;
        } else if (forgery.startsWith("Bearer")) {
            token = "Bearer " + s.token;
        }
        QVERIFY(!token.isEmpty());
        QVERIFY(token != s.token);

        const HttpResult r = endpoint == QLatin1String("events")
                                 ? postEventsWith(s, "X-Session-Token", token)
                                 : postResultWith(s, "X-Session-Token", token);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT count(*) FROM events WHERE session_id IN ('%1', '%2')")
                                    .arg(s.id, other.id)),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT string_agg(status, ',') FROM sessions WHERE id IN ('%1', '%2')")
                         .arg(s.id, other.id)),
                 QStringLiteral("in_progress,in_progress"));
        // The genuine token still works: the refusal was about the forgery, not the session.
        QCOMPARE(f->postEvents(s, {HotPathFixture::event(0)}).status, 200);
        QVERIFY(collectorServes(*f));
    }

    void candidateCredentialsOnAdminEndpoints_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("credential");
        QTest::addColumn<QString>("code");
        const struct
        {
            const char *credential;
            const char *code;
        } credentials[] = {
            {"page key as X-API-Key", "missing_token"},
            {"page key as bearer", "invalid_token"},
            {"session token as X-Session-Token", "missing_token"},
            {"session token as bearer", "invalid_token"},
        };
        for (const AdminEndpoint &e : kAdminEndpoints)
            for (const auto &c : credentials)
                QTest::addRow("%s %s with %s", e.method, e.path, c.credential)
                    << QByteArray(e.method) << QString::fromLatin1(e.path) << QByteArray(e.body)
                    << QString::fromLatin1(c.credential) << QString::fromLatin1(c.code);
    }
    void candidateCredentialsOnAdminEndpoints()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, credential);
        QFETCH(QString, code);
        path.replace("{sid}", m_session.id);
        body.replace("{sid}", m_session.id.toLatin1());
        HttpClient::Headers h;
        if (!body.isEmpty())
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
        const QByteArray secret = credential.startsWith("page key") ? f->apiKey() : m_session.token;
        if (credential.endsWith("bearer"))
            h.append({"Authorization", "Bearer " + secret});
        else
            h.append(
                {credential.endsWith("X-API-Key") ? QByteArray("X-API-Key") : QByteArray("X-Session-Token"),
                 secret});
        const QString before = databaseFingerprint(f->db());
        const HttpResult r = f->http().send(method, f->url(path), body, h, 15000);
        QVERIFY2(r.status == 401,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(databaseFingerprint(f->db()), before);
        QVERIFY(collectorServes(*f));
    }

    void adminTokenOnCandidateEndpoints_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("code");
        for (const char *path : {"/api/v1/tests", "/api/v1/tests/known", "/api/v1/sessions"}) {
            const QByteArray method = QByteArray(path) == "/api/v1/sessions" ? "POST" : "GET";
            QTest::addRow("%s %s, admin token as X-API-Key", method.constData(), path)
                << method << QString::fromLatin1(path) << "X-API-Key"
                << "invalid_api_key";
            // GET /api/v1/tests is also the signed-in staff's list of tests (with each policy): a bearer
            // token is an admin's credential there, tested in tst_rosters.
            if (QByteArray(path) != "/api/v1/tests")
                QTest::addRow("%s %s, admin token as bearer only", method.constData(), path)
                    << method << QString::fromLatin1(path) << "bearer"
                    << "missing_api_key";
        }
        QTest::newRow("POST /api/v1/events, admin token as X-Session-Token")
            << QByteArray("POST") << "/api/v1/events"
            << "X-Session-Token"
            << "invalid_token";
        QTest::newRow("POST /api/v1/events, admin token as bearer only")
            << QByteArray("POST") << "/api/v1/events"
            << "bearer"
            << "missing_token";
    }
    void adminTokenOnCandidateEndpoints()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, how);
        QFETCH(QString, code);
        QByteArray body;
        if (path == QLatin1String("/api/v1/sessions"))
            body = QJsonDocument(HotPathFixture::sessionStartBody()).toJson();
        else if (path == QLatin1String("/api/v1/events"))
            body = QJsonDocument(QJsonObject{{"sessionId", m_session.id},
                                             {"events", QJsonArray{HotPathFixture::event(0)}}})
                       .toJson();
        HttpClient::Headers h{{"Content-Type", "application/json"}};
        if (how == QLatin1String("bearer"))
            h.append({"Authorization", "Bearer " + m_adminToken});
        else
            h.append({how.toLatin1(), m_adminToken});
        const QString before = databaseFingerprint(f->db());
        const HttpResult r = f->http().send(method, f->url(path), body, h, 15000);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(databaseFingerprint(f->db()), before);
        QVERIFY(collectorServes(*f));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
