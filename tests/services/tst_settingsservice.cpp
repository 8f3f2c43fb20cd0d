// SPDX-License-Identifier: MIT
// SettingsService against the real PostgreSQL: certificate settings start empty, are stored trimmed with an
// audit row holding what was stored, and each rule refuses its field without storing anything.
#include <QtTest>

#include "servicefixture.h"
#include "services/settingsservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;
using Storage::CertificateSettings;
using Storage::Signatory;

Q_DECLARE_METATYPE(Proctor::Collector::Storage::CertificateSettings)

namespace {

CertificateSettings valid()
{
    return CertificateSettings{QStringLiteral("ООО «Пример»"),
                               QStringLiteral("Москва, ул. Примерная, 1"),
                               QStringLiteral("+7 495 000-00-00"),
                               {Signatory{QStringLiteral("Директор"), QStringLiteral("Петров П. П.")}},
                               QString()};
}

QJsonObject stored(const ServiceFixture &f, const QString &sql)
{
    return QJsonDocument::fromJson(f.scalar(sql).toUtf8()).object();
}

} // namespace

class TestSettingsService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::SettingsService> settings;
    Services::Actor root;

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("settingsservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        settings = std::make_unique<Services::SettingsService>(f->pool());
        root = f->rootAdmin(QHostAddress::LocalHost);
    }

    void theyStartEmpty()
    {
        const auto s = ServiceFixture::wait(settings->certificate());
        QVERIFY(s);
        QVERIFY(s->organisationName.isEmpty() && s->addressLine.isEmpty() && s->contacts.isEmpty());
        QVERIFY(s->signatories.isEmpty());
    }

    void theyAreStoredTrimmedAndAudited()
    {
        CertificateSettings padded = valid();
        padded.organisationName = "  " + padded.organisationName + " ";
        padded.signatories.append(
            Signatory{QStringLiteral(" Главный бухгалтер "), QStringLiteral(" Сидорова ")});
        const auto saved = ServiceFixture::wait(settings->setCertificate(root, padded));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->organisationName, valid().organisationName);
        QCOMPARE(saved->signatories.size(), 2);
        QCOMPARE(saved->signatories[1].title, QStringLiteral("Главный бухгалтер"));
        QCOMPARE(saved->signatories[1].name, QStringLiteral("Сидорова"));

        const auto read = ServiceFixture::wait(settings->certificate());
        QVERIFY(read);
        QCOMPARE(read->organisationName, saved->organisationName);
        QCOMPARE(read->addressLine, saved->addressLine);
        QCOMPARE(read->contacts, saved->contacts);
        QCOMPARE(read->signatories.size(), 2);
        QCOMPARE(read->signatories[1].name, QStringLiteral("Сидорова"));

        const QJsonObject document = Storage::SettingsRepository::certificateDocument(*saved);
        QCOMPARE(stored(*f, "SELECT value::text FROM settings WHERE key = 'certificate'"), document);
        QCOMPARE(f->scalar("SELECT updated_by FROM settings WHERE key = 'certificate'"),
                 QString::number(root.admin->id));
        QCOMPARE(
            f->scalar("SELECT actor || ' ' || target FROM audit_log WHERE action = 'settings.certificate'"),
            QStringLiteral("root@example.org settings:certificate"));
        QCOMPARE(stored(*f, "SELECT details::text FROM audit_log WHERE action = 'settings.certificate'"),
                 document);
    }

    void eachRuleRefusesItsField_data()
    {
        QTest::addColumn<CertificateSettings>("settings");
        QTest::addColumn<QString>("field");
        CertificateSettings s = valid();
        s.organisationName = QStringLiteral("   ");
        QTest::newRow("blank organisation") << s << "/organisationName";
        s = valid();
        s.organisationName = QString(201, QLatin1Char('o'));
        QTest::newRow("organisation of 201 characters") << s << "/organisationName";
        s = valid();
        s.addressLine = QString(301, QLatin1Char('a'));
        QTest::newRow("address of 301 characters") << s << "/addressLine";
        s = valid();
        s.contacts = QString(301, QLatin1Char('c'));
        QTest::newRow("contacts of 301 characters") << s << "/contacts";
        s = valid();
        s.legalBasis = QString(1001, QLatin1Char('l'));
        QTest::newRow("legal basis of 1001 characters") << s << "/legalBasis";
        s = valid();
        for (int i = 0; i < 5; ++i)
            s.signatories.append(Signatory{QStringLiteral("t"), QStringLiteral("n")});
        QTest::newRow("six signatories") << s << "/signatories";
        s = valid();
        s.signatories[0].name.clear();
        QTest::newRow("signatory without a name") << s << "/signatories/0/name";
        s = valid();
        s.signatories.append(Signatory{QStringLiteral("  "), QStringLiteral("n")});
        QTest::newRow("second signatory with a blank title") << s << "/signatories/1/title";
        s = valid();
        s.signatories[0].title = QString(121, QLatin1Char('t'));
        QTest::newRow("title of 121 characters") << s << "/signatories/0/title";
    }
    void eachRuleRefusesItsField()
    {
        QFETCH(CertificateSettings, settings);
        QFETCH(QString, field);
        const QString before = f->scalar("SELECT value::text FROM settings WHERE key = 'certificate'");
        const QString audit = f->scalar("SELECT count(*) FROM audit_log");
        const auto saved = ServiceFixture::wait(this->settings->setCertificate(root, settings));
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(saved.error().field, field);
        QCOMPARE(f->scalar("SELECT value::text FROM settings WHERE key = 'certificate'"), before);
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log"), audit);
    }

    void emblemTypeAndSizeComeFromTheBytes_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("width");
        const QByteArray png =
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGNQcFgAR"
                                   "wzEcQCYQxAB1MgmWgAAAABJRU5ErkJggg==");
        // A baseline JPEG's start: SOI, an APP0 segment, then SOF0 with 16x1025 (height 1025).
        const QByteArray jpegHead = QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000");
        QTest::newRow("png") << png << -1 << 4;
        QTest::newRow("jpeg 32x16") << jpegHead + QByteArray::fromHex("ffc0000b080010002001011100ffd9") << -1
                                    << 32;
        QTest::newRow("jpeg too tall") << jpegHead + QByteArray::fromHex("ffc0000b080401001001011100ffd9")
                                       << int(ErrorCode::ValidationFailed) << 0;
        QTest::newRow("svg") << QByteArray("<svg/>") << int(ErrorCode::UnsupportedMediaType) << 0;
        QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00") << int(ErrorCode::UnsupportedMediaType)
                             << 0;
        QTest::newRow("png without IHDR") << png.left(12) << int(ErrorCode::ValidationFailed) << 0;
        QTest::newRow("over 256 KiB")
            << png + QByteArray(256 * 1024, '\0') << int(ErrorCode::PayloadTooLarge) << 0;
    }
    void emblemTypeAndSizeComeFromTheBytes()
    {
        QFETCH(QByteArray, image);
        QFETCH(int, code);
        QFETCH(int, width);
        const auto info = Collector::Services::SettingsService::checkEmblem(image);
        if (code < 0) {
            QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
            QCOMPARE(info->width, width);
        } else {
            QVERIFY(!info);
            QCOMPARE(int(info.error().code), code);
        }
    }

    void theLongestValuesFit()
    {
        CertificateSettings s = valid();
        s.organisationName = QString(200, QLatin1Char('o'));
        s.addressLine = QString(300, QLatin1Char('a'));
        s.contacts = QString(300, QLatin1Char('c'));
        s.legalBasis = QString(1000, QLatin1Char('l'));
        s.signatories.clear();
        for (int i = 0; i < 5; ++i)
            s.signatories.append(Signatory{QString(120, QLatin1Char('t')), QString(120, QLatin1Char('n'))});
        QVERIFY(ServiceFixture::wait(settings->setCertificate(root, s)));
    }
};

QTEST_GUILESS_MAIN(TestSettingsService)
#include "tst_settingsservice.moc"
