// SPDX-License-Identifier: MIT
// PositionService against the real PostgreSQL: the migration seeds the original 17 positions, a change is
// stored trimmed with an audit row holding what was stored, and each rule refuses its field without storing;
// the rule a session start applies to the candidate's position.
#include <QtTest>

#include "servicefixture.h"
#include "services/positionservice.h"

using namespace Proctor;
using namespace Proctor::Collector;
using Proctor::Testing::ServiceFixture;
using Storage::PositionList;

class TestPositionService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<Services::PositionService> positions;
    Services::Actor root;

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("positionservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        positions = std::make_unique<Services::PositionService>(f->pool());
        root = f->rootAdmin(QHostAddress::LocalHost);
    }

    void theMigrationSeedsTheOriginal17()
    {
        const auto list = ServiceFixture::wait(positions->list());
        QVERIFY(list);
        QCOMPARE(list->positions.size(), 17);
        QCOMPARE(list->positions.first(), QStringLiteral("Министр природных ресурсов"));
        QCOMPARE(list->positions.last(), QStringLiteral("ГБУ"));
        QVERIFY(!list->allowOther);
    }

    void aChangeIsStoredTrimmedAndAudited()
    {
        const auto saved = ServiceFixture::wait(positions->set(
            root,
            PositionList{{QStringLiteral("  Инженер   по защите информации "), QStringLiteral("Бухгалтер")},
                         true}));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->positions,
                 (QStringList{QStringLiteral("Инженер по защите информации"), QStringLiteral("Бухгалтер")}));
        const auto read = ServiceFixture::wait(positions->list());
        QVERIFY(read);
        QCOMPARE(read->positions, saved->positions);
        QVERIFY(read->allowOther);
        QCOMPARE(f->scalar("SELECT count(*) FROM audit_log WHERE action = 'settings.positions' "
                           "AND target = 'settings:positions' AND actor = 'root@example.org' "
                           "AND details->'positions'->>1 = 'Бухгалтер'"),
                 QStringLiteral("1"));
    }

    void eachRuleNamesItsField_data()
    {
        QTest::addColumn<QStringList>("list");
        QTest::addColumn<bool>("allowOther");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty entry") << QStringList{QStringLiteral("A"), QStringLiteral("   ")} << false
                                     << QStringLiteral("/positions/1");
        QTest::newRow("too long") << QStringList{QString(201, QLatin1Char('x'))} << false
                                  << QStringLiteral("/positions/0");
        QTest::newRow("duplicate ignoring case")
            << QStringList{QStringLiteral("Инженер"), QStringLiteral(" инженер ")} << true
            << QStringLiteral("/positions/1");
        QStringList many;
        for (int i = 0; i <= Services::PositionService::kMaxPositions; ++i)
            many << QStringLiteral("P%1").arg(i);
        QTest::newRow("too many") << many << false << QStringLiteral("/positions");
        QTest::newRow("nothing to choose") << QStringList{} << false << QStringLiteral("/allowOther");
    }

    void eachRuleNamesItsField()
    {
        QFETCH(QStringList, list);
        QFETCH(bool, allowOther);
        QFETCH(QString, field);
        const QString before = f->scalar("SELECT value::text FROM settings WHERE key = 'positions'");
        const auto refused = ServiceFixture::wait(positions->set(root, PositionList{list, allowOther}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(refused.error().field, field);
        QCOMPARE(f->scalar("SELECT value::text FROM settings WHERE key = 'positions'"), before);
    }

    // What a session start accepts as the candidate's position (empty `stored`: refused, naming
    // /candidate/position).
    void candidatePosition_data()
    {
        QTest::addColumn<QStringList>("list");
        QTest::addColumn<bool>("allowOther");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("stored");
        const QStringList two{QStringLiteral("Главный консультант"), QStringLiteral("ГБУ")};
        QTest::newRow("listed") << two << false << QStringLiteral("ГБУ") << QStringLiteral("ГБУ");
        QTest::newRow("listed, other case and spaces")
            << two << false << QStringLiteral(" главный  консультант ")
            << QStringLiteral("Главный консультант");
        QTest::newRow("not listed") << two << false << QStringLiteral("Консультант") << QString();
        QTest::newRow("blank") << two << true << QStringLiteral("   ") << QString();
        QTest::newRow("other allowed")
            << two << true << QStringLiteral(" Архивариус  ") << QStringLiteral("Архивариус");
        QTest::newRow("other allowed, 200 characters")
            << two << true << QString(200, QLatin1Char('x')) << QString(200, QLatin1Char('x'));
        QTest::newRow("other allowed, too long")
            << two << true << QString(201, QLatin1Char('x')) << QString();
        QTest::newRow("nothing listed: free text")
            << QStringList{} << false << QStringLiteral("Архивариус") << QStringLiteral("Архивариус");
    }

    void candidatePosition()
    {
        QFETCH(QStringList, list);
        QFETCH(bool, allowOther);
        QFETCH(QString, position);
        QFETCH(QString, stored);
        const auto accepted =
            Services::PositionService::candidatePosition(PositionList{list, allowOther}, position);
        if (stored.isEmpty()) {
            QVERIFY(!accepted);
            QCOMPARE(accepted.error().code, ErrorCode::ValidationFailed);
            QCOMPARE(accepted.error().field, QStringLiteral("/candidate/position"));
        } else {
            QVERIFY2(accepted, accepted ? "" : qPrintable(accepted.error().message));
            QCOMPARE(*accepted, stored);
        }
    }
};

QTEST_GUILESS_MAIN(TestPositionService)
#include "tst_positionservice.moc"
