// SPDX-License-Identifier: MIT
// Certificates through the real binary: public verification needs the number and its code and tells an
// enumerator nothing (the same 404 as an unknown number), shows the day only and never the score; admins
// revoke with a reason (audited; the verification then says revoked); the certificate settings' public subset
// and the emblem upload (type from the bytes, size and dimensions checked).
#include <QRegularExpression>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {
const QByteArray kPassword = "certificates password";
// A real 4x4 RGB PNG.
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGNQcFgARwzEcQCYQxAB1MgmWgAAAABJRU5ErkJggg==");

QString path(const QString &number)
{
    return QStringLiteral("/api/v1/certificates/") + QString::fromLatin1(QUrl::toPercentEncoding(number));
}

// The error body without the parts that differ per request by design.
QJsonObject errorShape(const HttpResult &r)
{
    QJsonObject o = r.json();
    o.remove(QStringLiteral("requestId"));
    return o;
}
} // namespace

class TestCertificates : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_admin;
    QByteArray m_proctor;

    HttpResult call(const QByteArray &method, const QString &p, const QByteArray &body = {},
                    const QByteArray &token = {}, const QByteArray &type = "application/json")
    {
        HttpClient::Headers h = HotPathFixture::bearer(token.isEmpty() ? m_admin : token);
        if (!body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), type));
        return f->http().send(method, f->url(p), body, h, 15000);
    }
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

    // A passed attempt: {number, code}.
    QPair<QString, QString> issue(const QString &lastName)
    {
        const StartedSession s = f->startSession(
            HotPathFixture::sessionStartBody(lastName, QUuid::createUuid().toString(QUuid::WithoutBraces)));
        const HttpResult r = f->postResult(s, HotPathFixture::answers(s, 10));
        const QJsonObject c = r.json().value("certificate").toObject();
        return {c.value("number").toString(), c.value("code").toString()};
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(
            QStringLiteral("certificates"),
            QMap<QString, QString>{{"PROCTOR_PUBLIC_URL", "https://exam.example"}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY(f->createAdmin("root@example.org", "admin", kPassword) > 0);
        QVERIFY(f->createAdmin("watch@example.org", "proctor", kPassword) > 0);
        m_admin = f->login("root@example.org", kPassword);
        m_proctor = f->login("watch@example.org", kPassword);
        QVERIFY(!m_admin.isEmpty() && !m_proctor.isEmpty());
    }

    void theRightCodeVerifiesWithTheDayOnly()
    {
        const StartedSession s = f->startSession();
        const HttpResult r = f->postResult(s, HotPathFixture::answers(s, 10));
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.json().value("certificate").toObject();
        const QString number = c.value("number").toString();
        const QString code = c.value("code").toString();
        QVERIFY(QRegularExpression("^\\d{2}/\\d{2}-\\d{4}$").match(number).hasMatch());
        QVERIFY2(QRegularExpression("^[0-9A-HJKMNP-TV-Z]{12}$").match(code).hasMatch(), qPrintable(code));
        QCOMPARE(c.value("verifyUrl").toString(), "https://exam.example/verify.html?number=" +
                                                      QString::fromLatin1(QUrl::toPercentEncoding(number)) +
                                                      "&code=" + code);

        const HttpResult v = f->http().get(f->url(path(number) + "?code=" + code));
        QCOMPARE(v.status, 200);
        const QJsonObject o = v.json();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{"holder", "issuedOn", "number", "revoked", "revokedOn", "status",
                                    "testTitle", "valid"}));
        QCOMPARE(o.value("status").toString(), QStringLiteral("valid"));
        QCOMPARE(o.value("holder").toString(), QStringLiteral("И****в И. И."));
        QCOMPARE(o.value("issuedOn").toString(),
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QVERIFY(o.value("revokedOn").isNull());
        // No score and no time of day anywhere in the answer.
        QVERIFY2(!v.body.contains("score") && !v.body.contains("percent") &&
                     !QRegularExpression("\\d{2}:\\d{2}").match(QString::fromUtf8(v.body)).hasMatch(),
                 v.body.constData());
    }

    void enumerationRevealsNothing()
    {
        const auto [number, code] = issue(QStringLiteral("Перебираемый"));
        const auto [otherNumber, otherCode] = issue(QStringLiteral("Другой"));
        QVERIFY(!number.isEmpty() && !otherNumber.isEmpty());
        const HttpResult unknown = f->http().get(f->url(path("99/01-9999") + "?code=" + code));
        QCOMPARE(unknown.status, 404);
        const QJsonObject expected = errorShape(unknown);

        // Sequential neighbours, with no code, a wrong code, another certificate's code or a prefix of the
        // right one: each answers exactly like an unknown number.
        const QStringList probes{path(number),
                                 path(number) + "?code=",
                                 path(number) + "?code=0000000000",
                                 path(number) + "?code=" + otherCode,
                                 path(number) + "?code=" + code.left(11),
                                 path(number) + "?code=" + code + "0",
                                 path(otherNumber) + "?code=" + code,
                                 path(otherNumber)};
        for (const QString &p : probes) {
            const HttpResult r = f->http().get(f->url(p));
            QCOMPARE(r.status, 404);
            QCOMPARE(errorShape(r), expected);
            QVERIFY2(!r.body.contains("Перебираемый") && !r.body.contains("П**********й"),
                     r.body.constData());
        }
        QCOMPARE(f->http().get(f->url(path(number) + "?code=" + code)).status, 200);
    }

    void revocationNeedsAnAdminAndIsAudited()
    {
        const auto [number, code] = issue(QStringLiteral("Отзываемый"));
        const QString revoke = path(number) + "/revoke";
        QCOMPARE(f->http()
                     .send("POST", f->url(revoke), json({{"reason", "x"}}),
                           {{"Content-Type", "application/json"}}, 15000)
                     .status,
                 401);
        QCOMPARE(call("POST", revoke, json({{"reason", "x"}}), m_proctor).status, 403);
        HttpResult r = call("POST", revoke, json({{"reason", "   "}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("/reason"));
        r = call("POST", revoke, json({{"reason", QString(501, QLatin1Char('x'))}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("/reason"));
        QCOMPARE(call("POST", revoke, "{}").errorField(), QStringLiteral("/reason"));
        QCOMPARE(call("POST", path("99/01-9999") + "/revoke", json({{"reason", "x"}})).status, 404);
        QCOMPARE(f->http().get(f->url(path(number) + "?code=" + code)).json().value("status").toString(),
                 QStringLiteral("valid"));

        r = call("POST", revoke, json({{"reason", "Подложный документ"}}));
        QCOMPARE(r.status, 200);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(r.json().value("revokedOn").toString(), today);
        QCOMPARE(call("POST", revoke, json({{"reason", "again"}})).status, 409);

        const HttpResult v = f->http().get(f->url(path(number) + "?code=" + code));
        QCOMPARE(v.status, 200);
        QCOMPARE(v.json().value("status").toString(), QStringLiteral("revoked"));
        QCOMPARE(v.json().value("valid").toBool(), false);
        QCOMPARE(v.json().value("revokedOn").toString(), today);
        QVERIFY2(!v.body.contains("Подложный"), v.body.constData()); // the reason is the organisation's

        const QJsonObject audit = call("GET", "/api/v1/audit?limit=1&action=certificate.revoke")
                                      .json()
                                      .value("items")
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(audit.value("target").toString(), "certificate:" + number);
        QCOMPARE(audit.value("actor").toString(), QStringLiteral("root@example.org"));
        QCOMPARE(audit.value("details").toObject().value("reason").toString(),
                 QStringLiteral("Подложный документ"));

        // The admin list shows it revoked.
        bool listed = false;
        for (const QJsonValue &item :
             call("GET", "/api/v1/certificates?limit=500").json().value("items").toArray())
            if (item.toObject().value("number").toString() == number) {
                listed = true;
                QCOMPARE(item.toObject().value("revoked").toBool(), true);
            }
        QVERIFY(listed);
    }

    void publicSettingsExposeOnlyTheSubset()
    {
        const QJsonObject settings{
            {"organisationName", "АНО «Центр оценки»"},
            {"addressLine", "г. Москва, ул. Примерная, д. 1"},
            {"contacts", "secret-phone +7 999 000-00-00"},
            {"legalBasis", "Лицензия № 123 от 01.01.2026"},
            {"signatories", QJsonArray{QJsonObject{{"title", "Директор"}, {"name", "Петров П. П."}}}}};
        QCOMPARE(call("PUT", "/api/v1/settings/certificate", json(settings)).status, 200);
        QCOMPARE(call("PUT", "/api/v1/settings/certificate",
                      json({{"organisationName", "x"}, {"legalBasis", QString(1001, QLatin1Char('x'))}}))
                     .errorField(),
                 QStringLiteral("/legalBasis"));

        QCOMPARE(f->http().get(f->url("/api/v1/certificate-settings/public")).status, 401);
        const HttpResult r =
            f->http().get(f->url("/api/v1/certificate-settings/public"), {{"X-API-Key", f->apiKey()}});
        QCOMPARE(r.status, 200);
        QStringList keys = r.json().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{"addressLine", "emblemUrl", "legalBasis", "organisationName", "signatories"}));
        QCOMPARE(r.json().value("organisationName").toString(),
                 settings.value("organisationName").toString());
        QCOMPARE(r.json().value("legalBasis").toString(), settings.value("legalBasis").toString());
        QCOMPARE(r.json().value("signatories").toArray(), settings.value("signatories").toArray());
        QVERIFY(r.json().value("emblemUrl").isNull());
        QVERIFY(!r.body.contains("secret-phone"));
    }

    void emblemUploadIsChecked()
    {
        const QString emblem = QStringLiteral("/api/v1/certificate-settings/emblem");
        QCOMPARE(call("PUT", emblem, kPng, m_proctor, "image/png").status, 403);
        // Declared as an image, but it is not one.
        QCOMPARE(call("PUT", emblem, "<svg xmlns='http://www.w3.org/2000/svg'/>", {}, "image/png").status,
                 415);
        QCOMPARE(call("PUT", emblem, kPng, {}, "image/gif").status, 415);
        // Over 256 KiB.
        QCOMPARE(call("PUT", emblem, kPng + QByteArray(256 * 1024, '\0'), {}, "image/png").status, 413);
        // A header that claims 2000x10 pixels.
        QByteArray wide = kPng;
        wide.replace(16, 4, QByteArray::fromHex("000007d0"));
        HttpResult r = call("PUT", emblem, wide, {}, "image/png");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("/image"));
        QCOMPARE(f->http().get(f->url(emblem)).status, 404);

        // Declared JPEG, read as what it is.
        r = call("PUT", emblem, kPng, {}, "image/jpeg");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("contentType").toString(), QStringLiteral("image/png"));
        QCOMPARE(r.json().value("width").toInt(), 4);
        QCOMPARE(r.json().value("height").toInt(), 4);
        const QJsonObject audit = call("GET", "/api/v1/audit?limit=1&action=settings.emblem")
                                      .json()
                                      .value("items")
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(audit.value("details").toObject().value("bytes").toInt(), int(kPng.size()));

        const HttpResult got = f->http().get(f->url(emblem));
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, kPng);
        QCOMPARE(got.header("content-type"), QByteArray("image/png"));
        QVERIFY(got.header("cache-control").contains("max-age"));
        const QString url =
            f->http()
                .get(f->url("/api/v1/certificate-settings/public"), {{"X-API-Key", f->apiKey()}})
                .json()
                .value("emblemUrl")
                .toString();
        QVERIFY2(url.startsWith(emblem), qPrintable(url));

        QCOMPARE(call("DELETE", emblem).status, 204);
        QCOMPARE(f->http().get(f->url(emblem)).status, 404);
        QCOMPARE(call("DELETE", emblem).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestCertificates)
#include "tst_certificates.moc"
