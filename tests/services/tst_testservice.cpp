// SPDX-License-Identifier: MIT
// Services::TestService against the real PostgreSQL, without HTTP: importing definitions (the import-test
// command's work) and reading them back for the page.
#include <QTemporaryDir>
#include <QtTest>

#include "collectorprocess.h"
#include "pagetestdata.h"
#include "servicefixture.h"
#include "services/testservice.h"
#include "storage/testcatalog.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Testing::ServiceFixture;
namespace PageData = Testing::PageData;

class TestTestService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<ServiceFixture>(QStringLiteral("svc_test"));
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_catalog = std::make_unique<Storage::TestCatalog>(m_fixture->pool());
        m_service = std::make_unique<Services::TestService>(m_fixture->pool(), *m_catalog);
    }

    void reimportOfTheSameFileChangesNothing()
    {
        const QByteArray file = PageData::bytes(PageData::knownTest(QStringLiteral("reimport")));
        const auto created = ServiceFixture::wait(m_service->importDefinition(file));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(created->id, QStringLiteral("reimport"));
        QCOMPARE(created->result, Services::ImportResult::Created);
        QCOMPARE(created->questionCount, PageData::kBankSize);
        QCOMPARE(created->questionsPerAttempt, PageData::kPerAttempt);
        QCOMPARE(created->passThreshold, 80);
        const QString row =
            QStringLiteral("SELECT count(*) || ' ' || max(updated_at)::text || ' ' || max(checksum) "
                           "FROM tests WHERE id = 'reimport'");
        const QString before = m_fixture->scalar(row);
        const QString total = m_fixture->scalar("SELECT count(*) FROM tests");

        const auto again = ServiceFixture::wait(m_service->importDefinition(file));
        QVERIFY(again);
        QCOMPARE(again->result, Services::ImportResult::Unchanged);
        QCOMPARE(m_fixture->scalar(row), before);
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM tests"), total);

        // A changed file is an update of the same row.
        const auto changed = ServiceFixture::wait(m_service->importDefinition(
            PageData::bytes(PageData::knownTest(QStringLiteral("reimport"), QStringLiteral("New title")))));
        QVERIFY(changed);
        QCOMPARE(changed->result, Services::ImportResult::Updated);
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM tests"), total);
        QCOMPARE(m_fixture->scalar("SELECT title FROM tests WHERE id = 'reimport'"),
                 QStringLiteral("New title"));
        QVERIFY(m_fixture->scalar(row) != before);
    }

    // The import-test subcommand is this service behind a command line: same file twice, one row.
    void importTestCommandIsIdempotent()
    {
        if (Testing::CollectorProcess::binary().isEmpty())
            QSKIP("PROCTOR_COLLECTOR_BIN not set");
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("cli.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(PageData::bytes(PageData::knownTest(QStringLiteral("cli"))));
        f.close();
        Testing::CollectorProcess cli(
            {{QStringLiteral("PROCTOR_DATABASE_URL"), m_fixture->database().url()}});
        QCOMPARE(cli.run({QStringLiteral("import-test"), f.fileName()}), 0);
        QCOMPARE(cli.lastStdout().trimmed(),
                 QByteArray("cli: created (12 questions, 10 per attempt, pass at 80%)"));
        const QString row =
            QStringLiteral("SELECT count(*) || ' ' || max(updated_at)::text FROM tests WHERE id = 'cli'");
        const QString before = m_fixture->scalar(row);
        QCOMPARE(cli.run({QStringLiteral("import-test"), f.fileName()}), 0);
        QCOMPARE(cli.lastStdout().trimmed(),
                 QByteArray("cli: unchanged (12 questions, 10 per attempt, pass at 80%)"));
        QCOMPARE(m_fixture->scalar(row), before);

        // A broken file names the place at fault and stores nothing.
        QJsonObject broken = PageData::knownTest(QStringLiteral("broken"));
        broken.insert("questionsPerAttempt", 50);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(PageData::bytes(broken));
        f.close();
        QCOMPARE(cli.run({QStringLiteral("import-test"), f.fileName()}), 1);
        QVERIFY2(cli.lastOutput().contains("invalid at /questionsPerAttempt"), cli.lastOutput().constData());
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM tests WHERE id = 'broken'"), QStringLiteral("0"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QJsonObject tooMany = PageData::knownTest(QStringLiteral("refused"));
        tooMany.insert("questionsPerAttempt", 50);
        QJsonObject noTitle = PageData::knownTest(QStringLiteral("refused"));
        noTitle.remove("title");
        QTest::newRow("not JSON") << QByteArray("{\"id\": ") << int(ErrorCode::BadJson) << "";
        QTest::newRow("not an object") << QByteArray("[]") << int(ErrorCode::BadJson) << "";
        QTest::newRow("more per attempt than questions")
            << PageData::bytes(tooMany) << int(ErrorCode::ValidationFailed) << "/questionsPerAttempt";
        QTest::newRow("no title") << PageData::bytes(noTitle) << int(ErrorCode::ValidationFailed) << "";
    }
    void refusals()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, code);
        QFETCH(QString, field);
        const auto imported = ServiceFixture::wait(m_service->importDefinition(file));
        QVERIFY(!imported);
        QCOMPARE(int(imported.error().code), code);
        if (!field.isEmpty())
            QCOMPARE(imported.error().field, field);
        QCOMPARE(m_fixture->scalar("SELECT count(*) FROM tests WHERE id = 'refused'"), QStringLiteral("0"));
    }

    void listAndGet()
    {
        QVERIFY(ServiceFixture::wait(m_service->importDefinition(PageData::bytes(PageData::knownTest()))));
        const auto list = ServiceFixture::wait(m_service->list());
        QVERIFY(list);
        const auto known =
            std::find_if(list->cbegin(), list->cend(), [](const auto &t) { return t.id == "known"; });
        QVERIFY(known != list->cend());
        QCOMPARE(known->title, QStringLiteral("Known answers"));
        QCOMPARE(known->questionsPerAttempt, PageData::kPerAttempt);
        QCOMPARE(known->timeLimitSeconds, 600);
        QVERIFY(known->hasStudy);

        const auto test = ServiceFixture::wait(m_service->get(QStringLiteral("known")));
        QVERIFY(test);
        QCOMPARE((*test)->questions().size(), PageData::kBankSize);
        const auto missing = ServiceFixture::wait(m_service->get(QStringLiteral("nosuch")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().field, QStringLiteral("testId"));
    }

    // A re-import reaches this process's readers at once, not after the catalog's cache lifetime.
    void reimportRefreshesTheCatalog()
    {
        QVERIFY(ServiceFixture::wait(
            m_service->importDefinition(PageData::bytes(PageData::knownTest("cached")))));
        const auto first = ServiceFixture::wait(m_service->get(QStringLiteral("cached")));
        QVERIFY(first);
        QCOMPARE((*first)->title(), QStringLiteral("Known answers"));
        QVERIFY(ServiceFixture::wait(
            m_service->importDefinition(PageData::bytes(PageData::knownTest("cached", "Renamed")))));
        const auto second = ServiceFixture::wait(m_service->get(QStringLiteral("cached")));
        QVERIFY(second);
        QCOMPARE((*second)->title(), QStringLiteral("Renamed"));
    }

private:
    std::unique_ptr<ServiceFixture> m_fixture;
    std::unique_ptr<Storage::TestCatalog> m_catalog;
    std::unique_ptr<Services::TestService> m_service;
};

QTEST_GUILESS_MAIN(TestTestService)
#include "tst_testservice.moc"
