// SPDX-License-Identifier: MIT
// Management endpoints through the real binary: API keys, admins, certificate settings, the audit log, and
// candidate erasure (everything of one candidate removed, with a receipt in the audit log). The CLI's key
// commands go through the same service as the API, so they are audited and announced too.
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {
const QByteArray kPassword = "management password";
}

class TestAdminManagement : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;
    qint64 m_rootId = 0;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &token = {})
    {
        HttpClient::Headers h = HotPathFixture::bearer(token.isEmpty() ? m_token : token);
        if (!body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return f->http().send(method, f->url(path), body, h, 15000);
    }
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    QJsonObject lastAudit(const QString &action)
    {
        const HttpResult r = call("GET", "/api/v1/audit?limit=1&action=" + action);
        return r.json().value("items").toArray().first().toObject();
    }

private slots:
    void initTestCase()
    {
        // The operator's name is what the CLI's audit rows can know of them.
        f = std::make_unique<HotPathFixture>(QStringLiteral("adminmanagement"),
                                             QMap<QString, QString>{{"USER", "operator"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        m_rootId = f->createAdmin("root@example.org", "admin", kPassword);
        QVERIFY(m_rootId > 0);
        m_token = f->login("root@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
    }

    void theLastActiveAdminCannotLockEveryoneOut()
    {
        HttpResult r =
            call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(m_rootId), R"({"disabled":true})");
        QCOMPARE(r.status, 409);
        r = call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(m_rootId), R"({"role":"proctor"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(call("GET", "/api/v1/auth/me").json().value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM audit_log WHERE action = 'admin.update'"),
                 QStringLiteral("0"));
    }

    void apiKeysCreateListRevoke()
    {
        HttpResult r =
            call("POST", "/api/v1/apikeys", json({{"name", "kiosk"}, {"scopes", QJsonArray{"tests:read"}}}));
        QCOMPARE(r.status, 201);
        const QByteArray key = r.json().value("key").toString().toLatin1();
        const qint64 id = r.json().value("id").toInteger();
        QVERIFY(key.startsWith("pk_"));
        QCOMPARE(r.json().value("prefix").toString(), QString::fromLatin1(key.left(11)));
        QCOMPARE(r.json().value("scopes").toArray(), QJsonArray{"tests:read"});

        r = call("GET", "/api/v1/apikeys");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains(key)); // shown once only
        QJsonObject listed;
        for (const QJsonValue &v : r.json().value("items").toArray())
            if (v.toObject().value("id").toInteger() == id)
                listed = v.toObject();
        QCOMPARE(listed.value("name").toString(), QStringLiteral("kiosk"));
        QCOMPARE(listed.value("prefix").toString(), QString::fromLatin1(key.left(11)));
        QCOMPARE(listed.value("revoked").toBool(), false);
        QCOMPARE(listed.value("usageCount").toInt(), 0);
        QVERIFY(listed.contains("lastUsedAt"));

        QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 200);
        QCOMPARE(f->http()
                     .post(f->url("/api/v1/sessions"), json(HotPathFixture::sessionStartBody()),
                           {{"X-API-Key", key}})
                     .errorCode(),
                 QStringLiteral("forbidden_scope"));

        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/apikeys/%1").arg(id)).status, 204);
        r = f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_api_key"));
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/apikeys/%1").arg(id)).status, 204); // idempotent
        QCOMPARE(call("DELETE", "/api/v1/apikeys/424242").status, 404);
        QCOMPARE(call("DELETE", "/api/v1/apikeys/abc").errorField(), QStringLiteral("id"));

        const QJsonObject created = lastAudit("apikey.create");
        QCOMPARE(created.value("target").toString(), QStringLiteral("apikey:%1").arg(id));
        QCOMPARE(created.value("actor").toString(), QStringLiteral("root@example.org"));
        QVERIFY(!QJsonDocument(created).toJson().contains(key));
        QCOMPARE(lastAudit("apikey.revoke").value("target").toString(), QStringLiteral("apikey:%1").arg(id));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM audit_log WHERE action = 'apikey.revoke'"),
                 QStringLiteral("1"));

        r = call("POST", "/api/v1/apikeys",
                 json({{"name", "x"}, {"scopes", QJsonArray{"tests:read", "admin:all"}}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("/scopes/1"));
        r = call("POST", "/api/v1/apikeys", json({{"name", ""}, {"scopes", QJsonArray{"tests:read"}}}));
        QCOMPARE(r.errorField(), QStringLiteral("/name"));
        r = call("POST", "/api/v1/apikeys", "not json");
        QCOMPARE(r.errorCode(), QStringLiteral("bad_json"));
    }

    void adminsCreateChangeRoleDisable()
    {
        HttpResult r = call("POST", "/api/v1/admins",
                            json({{"email", "Second@Example.org"},
                                  {"password", "second password"},
                                  {"role", "proctor"},
                                  {"displayName", "Second"}}));
        QCOMPARE(r.status, 201);
        const qint64 id = r.json().value("id").toInteger();
        QCOMPARE(r.json().value("email").toString(), QStringLiteral("second@example.org"));
        QCOMPARE(r.json().value("role").toString(), QStringLiteral("proctor"));
        QVERIFY(!r.body.contains("password"));
        QVERIFY(f->db()
                    .scalar(QStringLiteral("SELECT password_hash FROM admins WHERE id = %1").arg(id))
                    .startsWith("$argon2id$"));

        QByteArray second = f->login("second@example.org", "second password");
        QVERIFY(!second.isEmpty());
        QCOMPARE(call("GET", "/api/v1/apikeys", {}, second).status, 403);

        r = call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), R"({"role":"admin"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(call("GET", "/api/v1/apikeys", {}, second).status, 200); // the role is read per request

        r = call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), R"({"disabled":true})");
        QCOMPARE(r.json().value("disabled").toBool(), true);
        QCOMPARE(call("GET", "/api/v1/auth/me", {}, second).errorCode(), QStringLiteral("invalid_token"));
        QVERIFY(f->login("second@example.org", "second password").isEmpty());
        r = call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), R"({"disabled":false})");
        QCOMPARE(r.json().value("disabled").toBool(), false);
        second = f->login("second@example.org", "second password");
        QVERIFY(!second.isEmpty());

        r = call("GET", "/api/v1/admins");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 2);
        QVERIFY(!r.body.contains("argon2"));
        QVERIFY(!r.json().value("items").toArray()[1].toObject().value("lastLoginAt").isNull());

        QCOMPARE(
            call("POST", "/api/v1/admins",
                 json({{"email", "second@example.org"}, {"password", "another password"}, {"role", "admin"}}))
                .status,
            409);
        QCOMPARE(call("POST", "/api/v1/admins",
                      json({{"email", "nope"}, {"password", "another password"}, {"role", "admin"}}))
                     .errorField(),
                 QStringLiteral("/email"));
        QCOMPARE(call("POST", "/api/v1/admins",
                      json({{"email", "a@b.c"}, {"password", "short"}, {"role", "admin"}}))
                     .errorField(),
                 QStringLiteral("/password"));
        QCOMPARE(call("POST", "/api/v1/admins",
                      json({{"email", "a@b.c"}, {"password", "long enough one"}, {"role", "root"}}))
                     .errorField(),
                 QStringLiteral("/role"));
        QCOMPARE(
            call("PATCH", QStringLiteral("/api/v1/admins/%1").arg(id), R"({"email":"x@y.z"})").errorField(),
            QStringLiteral("/email"));
        QCOMPARE(call("PATCH", "/api/v1/admins/999", R"({"role":"admin"})").status, 404);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM audit_log WHERE action = 'admin.update'"),
                 QStringLiteral("3"));
        QCOMPARE(lastAudit("admin.create").value("details").toObject().value("email").toString(),
                 QStringLiteral("second@example.org"));
    }

    void certificateSettings()
    {
        HttpResult r = call("GET", "/api/v1/settings/certificate");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("organisationName").toString(), QString());
        const QJsonObject settings{
            {"organisationName", "ООО «Пример»"},
            {"addressLine", "Москва, ул. Примерная, 1"},
            {"contacts", "+7 495 000-00-00"},
            {"legalBasis", "Устав, утверждённый 01.02.2020"},
            {"signatories", QJsonArray{QJsonObject{{"title", "Директор"}, {"name", "Петров П. П."}}}}};
        r = call("PUT", "/api/v1/settings/certificate", json(settings));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), settings);
        QCOMPARE(call("GET", "/api/v1/settings/certificate").json(), settings);
        // The page's copy is the public subset: no contacts.
        r = f->http().get(f->url("/api/v1/certificate-settings"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        QJsonObject visible = settings;
        visible.remove("contacts");
        visible.insert("emblemUrl", QJsonValue::Null);
        QCOMPARE(r.json(), visible);
        QCOMPARE(lastAudit("settings.certificate").value("details").toObject(), settings);

        QJsonObject bad = settings;
        bad.remove("organisationName");
        QCOMPARE(call("PUT", "/api/v1/settings/certificate", json(bad)).errorField(),
                 QStringLiteral("/organisationName"));
        bad = settings;
        bad.insert("signatories", QJsonArray{QJsonObject{{"title", "Директор"}}});
        QCOMPARE(call("PUT", "/api/v1/settings/certificate", json(bad)).errorField(),
                 QStringLiteral("/signatories/0/name"));
        bad = settings;
        bad.insert("colour", "red");
        QCOMPARE(call("PUT", "/api/v1/settings/certificate", json(bad)).errorField(),
                 QStringLiteral("/colour"));
        QCOMPARE(call("GET", "/api/v1/settings/certificate").json(), settings);
    }

    void auditLogPagesNewestFirst()
    {
        const QJsonArray all = [&] {
            QJsonArray out;
            QString cursor;
            for (int i = 0; i < 50; ++i) {
                const HttpResult r = call("GET", "/api/v1/audit?limit=2" +
                                                     (cursor.isEmpty() ? QString() : "&cursor=" + cursor));
                for (const QJsonValue &v : r.json().value("items").toArray())
                    out.append(v);
                cursor = r.json().value("nextCursor").toString();
                if (cursor.isEmpty())
                    break;
            }
            return out;
        }();
        QCOMPARE(all.size(), f->db().scalar("SELECT count(*) FROM audit_log").toInt());
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].toObject().value("id").toInteger() >
                    all[i].toObject().value("id").toInteger());
        bool sawLogin = false;
        for (const QJsonValue &v : all) {
            const QJsonObject e = v.toObject();
            QVERIFY(!e.value("createdAt").toString().isEmpty());
            if (e.value("action").toString() == QLatin1String("auth.login") &&
                e.value("actor").toString() == QLatin1String("root@example.org")) {
                sawLogin = true;
                QCOMPARE(e.value("clientIp").toString(), QStringLiteral("127.0.0.1"));
                QCOMPARE(e.value("adminId").toInteger(), m_rootId);
            }
        }
        QVERIFY(sawLogin);
        const HttpResult r = call("GET", "/api/v1/audit?action=apikey.");
        for (const QJsonValue &v : r.json().value("items").toArray())
            QVERIFY(v.toObject().value("action").toString().startsWith("apikey."));
        // The fixture's page key (made with `create-apikey`), then the key made and revoked over HTTP.
        QCOMPARE(r.json().value("items").toArray().size(), 3);
    }

    void candidateDeletionRemovesEverythingAndIsAudited()
    {
        const QString pid = QStringLiteral("11111111-2222-4333-8444-555555555555");
        const StartedSession done = f->startSession(HotPathFixture::sessionStartBody("Удаляемый", pid));
        QCOMPARE(f->postEvents(done, {HotPathFixture::event(0, "test_started", {{"questionCount", 10}}),
                                      HotPathFixture::event(1, "focus_loss")})
                     .status,
                 200);
        QCOMPARE(f->postResult(done, HotPathFixture::answers(done, 10)).status, 201);
        const StartedSession open = f->startSession(HotPathFixture::sessionStartBody("Удаляемый", pid));
        QCOMPARE(f->postEvents(open, {HotPathFixture::event(0, "focus_loss"),
                                      HotPathFixture::event(1, "copy_attempt"),
                                      HotPathFixture::event(2, "focus_gain", {{"durationMs", 10}})})
                     .status,
                 200);
        const StartedSession other = f->startSession(
            HotPathFixture::sessionStartBody("Остающийся", "99999999-2222-4333-8444-555555555555"));
        QCOMPARE(f->postEvents(other, {HotPathFixture::event(0, "focus_loss")}).status, 200);
        QCOMPARE(f->postResult(other, HotPathFixture::answers(other, 10)).status, 201);

        const QString candidateId =
            f->db().scalar(QStringLiteral("SELECT candidate_id FROM sessions WHERE id = '%1'").arg(done.id));
        QCOMPARE(
            f->db().scalar(QStringLiteral("SELECT candidate_id FROM sessions WHERE id = '%1'").arg(open.id)),
            candidateId);
        const QString sessions = QStringLiteral("('%1', '%2')").arg(done.id, open.id);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM events WHERE session_id IN " + sessions),
                 QStringLiteral("5"));
        const QString certificate = f->db().scalar(
            QStringLiteral("SELECT number FROM certificates WHERE session_id = '%1'").arg(done.id));
        QVERIFY(!certificate.isEmpty());

        HttpResult r = call("DELETE", "/api/v1/candidates/" + candidateId);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("deleted").toObject(),
                 (QJsonObject{{"sessions", 2}, {"events", 5}, {"telemetry", 1}, {"certificates", 1}}));
        const qint64 auditId = r.json().value("auditId").toInteger();

        QCOMPARE(f->db().scalar("SELECT count(*) FROM candidates WHERE id = " + candidateId),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM sessions WHERE candidate_id = " + candidateId),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM events WHERE session_id IN " + sessions),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM session_telemetry WHERE session_id IN " + sessions),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM certificates WHERE candidate_id = " + candidateId),
                 QStringLiteral("0"));
        QCOMPARE(f->db().scalar("SELECT count(*) FROM candidates WHERE last_name = 'Удаляемый'"),
                 QStringLiteral("0"));
        // The other candidate is untouched.
        QCOMPARE(f->db().scalar(
                     QStringLiteral("SELECT count(*) FROM events WHERE session_id = '%1'").arg(other.id)),
                 QStringLiteral("1"));
        QCOMPARE(f->db().scalar(QStringLiteral("SELECT status FROM sessions WHERE id = '%1'").arg(other.id)),
                 QStringLiteral("completed"));
        // Gone from the review API and from public verification too.
        QCOMPARE(call("GET", "/api/v1/sessions/" + done.id).status, 404);
        QCOMPARE(f->http()
                     .get(f->url("/api/v1/certificates/" +
                                 QString::fromLatin1(QUrl::toPercentEncoding(certificate))))
                     .status,
                 404);

        const QJsonObject receipt = lastAudit("candidate.delete");
        QCOMPARE(receipt.value("id").toInteger(), auditId);
        QCOMPARE(receipt.value("target").toString(), "candidate:" + candidateId);
        QCOMPARE(receipt.value("actor").toString(), QStringLiteral("root@example.org"));
        QCOMPARE(receipt.value("clientIp").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(receipt.value("details").toObject().value("deleted").toObject(),
                 r.json().value("deleted").toObject());
        QVERIFY(!QJsonDocument(receipt).toJson().contains("Удаляемый"));

        QCOMPARE(call("DELETE", "/api/v1/candidates/" + candidateId).status, 404);
        QCOMPARE(call("DELETE", "/api/v1/candidates/abc").errorField(), QStringLiteral("id"));
    }

    void commandLineKeysAreAuditedAndRevokedEverywhere()
    {
        CollectorProcess &cli = f->collector();
        QCOMPARE(cli.run({"create-apikey", "--name", "kiosk 7", "--scopes", "tests:read"}), 0);
        const QByteArray key = cli.lastStdout().trimmed();
        QVERIFY2(key.startsWith("pk_"), cli.lastOutput().constData());
        const QString id = f->db().scalar("SELECT id FROM api_keys WHERE name = 'kiosk 7'");
        QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 200); // now cached

        QJsonObject created = lastAudit("apikey.create");
        QCOMPARE(created.value("actor").toString(), QStringLiteral("cli:operator"));
        QVERIFY(created.value("adminId").isNull());
        QVERIFY(created.value("clientIp").isNull());
        QCOMPARE(created.value("target").toString(), "apikey:" + id);
        QCOMPARE(created.value("details").toObject(),
                 (QJsonObject{{"name", "kiosk 7"},
                              {"prefix", QString::fromLatin1(key.left(11))},
                              {"scopes", QJsonArray{"tests:read"}}}));
        QVERIFY(!QJsonDocument(created).toJson().contains(key));

        // By prefix, as an operator would copy it from list-apikeys.
        QCOMPARE(cli.run({"revoke-apikey", QString::fromLatin1(key.left(11))}), 0);
        QCOMPARE(cli.lastStdout().trimmed(), QByteArray("revoked 1 key(s)"));
        const QJsonObject revoked = lastAudit("apikey.revoke");
        QCOMPARE(revoked.value("actor").toString(), QStringLiteral("cli:operator"));
        QCOMPARE(revoked.value("target").toString(), "apikey:" + id);
        // The running collector heard of it: the key it had cached is refused at once.
        QCOMPARE(f->http().get(f->url("/api/v1/tests"), {{"X-API-Key", key}}).status, 401);

        // Nothing left to revoke: refused, and no second receipt.
        QCOMPARE(cli.run({"revoke-apikey", id}), 1);
        QCOMPARE(f->db().scalar("SELECT count(*) FROM audit_log WHERE target = 'apikey:" + id + "'"),
                 QStringLiteral("2"));
        // The CLI checks what the API checks, with the same words.
        QCOMPARE(cli.run({"create-apikey", "--name", "x", "--scopes", "tests:read,admin:all"}), 2);
        QVERIFY2(cli.lastOutput().contains("scopes/1"), cli.lastOutput().constData());
        QCOMPARE(f->db().scalar("SELECT count(*) FROM api_keys WHERE name = 'x'"), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestAdminManagement)
#include "tst_adminmanagement.moc"
