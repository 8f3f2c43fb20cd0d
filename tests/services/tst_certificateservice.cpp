// SPDX-License-Identifier: MIT
// Services::CertificateService against the real PostgreSQL, without HTTP: public verification reveals the
// holder masked, the day only and never the score; nothing for an unknown number or a missing or wrong code;
// revocation is audited and announced.
#include <QJsonDocument>
#include <QtTest>

#include "auth/sessiontoken.h"
#include "http/json/certificatejson.h"
#include "observability/metrics.h"
#include "pagetestdata.h"
#include "servicefixture.h"
#include "services/certificateservice.h"
#include "services/resultservice.h"
#include "services/sessionservice.h"
#include "services/testservice.h"
#include "storage/testcatalog.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;
namespace PageData = Testing::PageData;

class TestCertificateService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_certificate"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_catalog = std::make_unique<Storage::TestCatalog>(m_fixture->pool());
        m_service = std::make_unique<Services::CertificateService>(m_fixture->pool(), m_fixture->announcer());
        Services::TestService tests(m_fixture->pool(), *m_catalog);
        QVERIFY(ServiceFixture::wait(tests.importDefinition(
            PageData::bytes(PageData::knownTest(QStringLiteral("known"), QStringLiteral("Основы ИБ"))))));

        // One passed attempt: the certificate the rows below verify.
        Services::SessionService sessions(m_fixture->pool(), *m_catalog, m_tokens, m_fixture->announcer(),
                                          3600);
        Services::ResultService results(m_fixture->pool(), *m_catalog, m_fixture->announcer(), m_metrics,
                                        QStringLiteral("https://exam.example"));
        const auto started = ServiceFixture::wait(sessions.start(PageData::sessionStart()));
        QVERIFY(started);
        QList<Contract::Answer> right;
        for (const auto &q : started->questions)
            right.append(Contract::Answer{q.id, {QStringLiteral("a")}});
        const auto outcome = ServiceFixture::wait(results.submit({started->id, right, {}, {}}));
        QVERIFY(outcome && outcome->certificate);
        m_issued = *outcome->certificate;
    }

    void verifyMasksTheHolder()
    {
        QCOMPARE(m_issued.code.size(), Services::CertificateService::kCodeLength);
        QVERIFY(m_issued.verifyUrl.endsWith(QStringLiteral("&code=") + m_issued.code));
        const auto check = ServiceFixture::wait(m_service->verify(m_issued.number, m_issued.code));
        QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
        QCOMPARE(check->number, m_issued.number);
        QCOMPARE(check->holder, QStringLiteral("И****в И. И."));
        QCOMPARE(check->testTitle, QStringLiteral("Основы ИБ"));
        QCOMPARE(check->issuedOn, m_issued.issuedAt.date());
        QVERIFY(!check->revoked);
        // Typed in lower case, it still matches (Crockford codes are case-insensitive).
        QVERIFY(ServiceFixture::wait(m_service->verify(m_issued.number, m_issued.code.toLower())));
        // The full name appears nowhere in what the public endpoint sends.
        const QByteArray wire = QJsonDocument(Http::Json::toJson(*check)).toJson(QJsonDocument::Compact);
        QVERIFY2(!wire.contains(QStringLiteral("Иванов").toUtf8()), wire.constData());
        QVERIFY2(!wire.contains(QStringLiteral("Иван ").toUtf8()), wire.constData());
        QCOMPARE(Http::Json::toJson(*check).value("valid").toBool(), true);
    }

    void revokedIsNotValid()
    {
        m_fixture->scalar(
            QStringLiteral("UPDATE certificates SET revoked_at = now() WHERE number = '%1' RETURNING 1")
                .arg(m_issued.number));
        const auto check = ServiceFixture::wait(m_service->verify(m_issued.number, m_issued.code));
        QVERIFY(check);
        QVERIFY(check->revoked);
        QCOMPARE(check->revokedOn, QDateTime::currentDateTimeUtc().date());
        QCOMPARE(Http::Json::toJson(*check).value("valid").toBool(), false);
        m_fixture->scalar(
            QStringLiteral("UPDATE certificates SET revoked_at = NULL WHERE number = '%1' RETURNING 1")
                .arg(m_issued.number));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("given");
        QTest::addColumn<int>("code");
        QTest::newRow("unknown") << "01/01-9999"
                                 << "0123456789AB" << int(ErrorCode::NotFound);
        QTest::newRow("known, no code") << ""
                                        << "" << int(ErrorCode::NotFound);
        QTest::newRow("known, wrong code") << ""
                                           << "0123456789AB" << int(ErrorCode::NotFound);
        QTest::newRow("known, code prefix") << ""
                                            << "prefix" << int(ErrorCode::NotFound);
        QTest::newRow("malformed") << "01/01-1"
                                   << "" << int(ErrorCode::BadParameter);
        QTest::newRow("injection") << "01/01-0001' OR '1'='1"
                                   << "" << int(ErrorCode::BadParameter);
        QTest::newRow("empty") << "-"
                               << "" << int(ErrorCode::BadParameter);
    }
    void refusals()
    {
        QFETCH(QString, number);
        QFETCH(QString, given);
        QFETCH(int, code);
        // Rows with an empty number use the issued one; "-" stands for the empty number.
        if (number.isEmpty())
            number = m_issued.number;
        else if (number == QLatin1String("-"))
            number.clear();
        if (given == QLatin1String("prefix"))
            given = m_issued.code.left(6);
        const auto check = ServiceFixture::wait(m_service->verify(number, given));
        QVERIFY(!check);
        QCOMPARE(int(check.error().code), code);
        QCOMPARE(check.error().field, QStringLiteral("number"));
    }

    void revokeIsAuditedAndAnnounced()
    {
        const Services::Actor cli = Services::Actor::commandLine();
        QCOMPARE(
            ServiceFixture::wait(m_service->revoke(cli, m_issued.number, QStringLiteral("  "))).error().field,
            QStringLiteral("/reason"));
        QCOMPARE(ServiceFixture::wait(m_service->revoke(cli, m_issued.number, QString(501, QLatin1Char('x'))))
                     .error()
                     .field,
                 QStringLiteral("/reason"));
        QCOMPARE(int(ServiceFixture::wait(
                         m_service->revoke(cli, QStringLiteral("01/01-9999"), QStringLiteral("x")))
                         .error()
                         .code),
                 int(ErrorCode::NotFound));
        const auto done =
            ServiceFixture::wait(m_service->revoke(cli, m_issued.number, QStringLiteral("Подлог")));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->reason, QStringLiteral("Подлог"));
        QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT details->>'reason' FROM audit_log WHERE action = "
                                                  "'certificate.revoke' AND target = 'certificate:%1'")
                                       .arg(m_issued.number)),
                 QStringLiteral("Подлог"));
        QCOMPARE(int(ServiceFixture::wait(m_service->revoke(cli, m_issued.number, QStringLiteral("again")))
                         .error()
                         .code),
                 int(ErrorCode::Conflict));
        m_fixture->scalar(
            QStringLiteral("UPDATE certificates SET revoked_at = NULL WHERE number = '%1' RETURNING 1")
                .arg(m_issued.number));
    }

    void maskHolderName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("three parts") << "Иванов Иван Иванович"
                                     << "И****в И. И.";
        QTest::newRow("short last name") << "Ли Ян"
                                         << "Л* Я.";
        QTest::newRow("extra spaces") << "  Петров   Пётр "
                                      << "П****в П.";
        QTest::newRow("one letter") << "Ю"
                                    << "Ю*";
        QTest::newRow("empty") << ""
                               << "";
    }
    void maskHolderName()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(Services::CertificateService::maskHolderName(name), masked);
    }

private:
    Metrics m_metrics;
    const Auth::SessionTokenSigner m_tokens{QByteArray("service-test-secret-of-enough-length")};
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<Storage::TestCatalog> m_catalog;
    std::unique_ptr<Services::CertificateService> m_service;
    Services::IssuedCertificate m_issued;
};

QTEST_GUILESS_MAIN(TestCertificateService)
#include "tst_certificateservice.moc"
