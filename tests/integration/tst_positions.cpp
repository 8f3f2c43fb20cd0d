// SPDX-License-Identifier: MIT
// The candidate's position at the session start, through the real binary (issue 16): only a position the
// administrator lists (GET/PUT /api/v1/positions, seeded with the original 17) opens a session, stored in the
// list's spelling; anything else is a 400 naming /candidate/position and creates nothing, unless the
// deployment allows other positions, when bounded free text is stored. Roster tests take the position from
// the roster entry (tst_rosters: an unlisted roster position is stored).
#include <QUuid>
#include <QtTest>

#include "hotpathfixture.h"

using namespace Proctor::Testing;

namespace {

const QByteArray kPassword = "positions password";

} // namespace

class TestPositions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HotPathFixture> f;
    QByteArray m_token;

    HttpResult start(const QString &position, const QString &kind = QStringLiteral("test"))
    {
        QJsonObject body = HotPathFixture::sessionStartBody(QStringLiteral("Должностев"), {}, kind);
        QJsonObject candidate = body.value("candidate").toObject();
        candidate.insert("position", position);
        body.insert("candidate", candidate);
        return f->http().post(f->url("/api/v1/sessions"), QJsonDocument(body).toJson(),
                              {{"X-API-Key", f->apiKey()}});
    }

    QString storedPosition(const HttpResult &started)
    {
        return f->db().scalar(QStringLiteral("SELECT c.position FROM sessions s JOIN candidates c ON c.id = "
                                             "s.candidate_id WHERE s.id = '%1'")
                                  .arg(started.json().value("sessionId").toString()));
    }

    int rows()
    {
        return f->db()
            .scalar("SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM candidates)")
            .toInt();
    }

    HttpResult putPositions(const QJsonObject &body)
    {
        HttpClient::Headers h = HotPathFixture::bearer(m_token);
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return f->http().send("PUT", f->url("/api/v1/positions"), QJsonDocument(body).toJson(), h, 15000);
    }

    QJsonArray seeded()
    {
        const HttpResult r = f->http().get(f->url("/api/v1/positions"), {{"X-API-Key", f->apiKey()}});
        return r.json().value("positions").toArray();
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<HotPathFixture>(QStringLiteral("positions"));
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QVERIFY2(f->createAdmin("positions@example.org", "admin", kPassword) > 0,
                 f->collector().lastOutput().constData());
        m_token = f->login("positions@example.org", kPassword);
        QVERIFY(!m_token.isEmpty());
        QCOMPARE(seeded().size(), 17);
    }

    void listedPositionIsStoredInTheListsSpelling_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("stored");
        QTest::newRow("test, as listed") << "test"
                                         << "Ведущий специалист 1 разряда"
                                         << "Ведущий специалист 1 разряда";
        QTest::newRow("test, case and spaces differ") << "test"
                                                      << "  главный   КОНСУЛЬТАНТ "
                                                      << "Главный консультант";
        QTest::newRow("study, as listed") << "study"
                                          << "ГБУ"
                                          << "ГБУ";
    }
    void listedPositionIsStoredInTheListsSpelling()
    {
        QFETCH(QString, kind);
        QFETCH(QString, position);
        QFETCH(QString, stored);
        const HttpResult r = start(position, kind);
        QVERIFY2(r.status == 201, r.body.left(300).constData());
        QCOMPARE(storedPosition(r), stored);
        QCOMPARE(r.json().value("candidate").toObject().value("position").toString(), stored);
    }

    void unlistedPositionIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("position");
        QTest::newRow("test, not listed") << "test"
                                          << "Специалист";
        QTest::newRow("test, a listed one's prefix") << "test"
                                                     << "Министр";
        QTest::newRow("test, a listed one plus text") << "test"
                                                      << "Министр природных ресурсов и экологии";
        QTest::newRow("test, the form's other marker") << "test"
                                                       << "__other__";
        QTest::newRow("study, not listed") << "study"
                                           << "Архивариус";
    }
    void unlistedPositionIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, position);
        const int before = rows();
        const HttpResult r = start(position, kind);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
        QCOMPARE(r.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("/candidate/position"));
        QCOMPARE(rows(), before); // no session, no candidate
    }

    // The deployment allows other positions: free text up to 200 characters is stored; switching it off
    // again refuses the same text at once (the list is read at every start, never cached).
    void otherPositionsWhenTheDeploymentAllowsThem()
    {
        const QJsonArray list = seeded();
        HttpResult put = putPositions(QJsonObject{{"positions", list}, {"allowOther", true}});
        QVERIFY2(put.status == 200, put.body.constData());

        HttpResult r = start(QStringLiteral("  Архивариус   отдела  "));
        QVERIFY2(r.status == 201, r.body.left(300).constData());
        QCOMPARE(storedPosition(r), QStringLiteral("Архивариус отдела"));
        r = start(QString(200, QChar(0x0416)));
        QVERIFY2(r.status == 201, r.body.left(300).constData());
        QCOMPARE(storedPosition(r), QString(200, QChar(0x0416)));
        r = start(QString(201, QChar(0x0416)));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("/candidate/position"));
        r = start(QStringLiteral("консультант"));
        QVERIFY2(r.status == 201, r.body.left(300).constData());
        QCOMPARE(storedPosition(r),
                 QStringLiteral("Консультант")); // a listed one still takes the list's spelling

        put = putPositions(QJsonObject{{"positions", list}, {"allowOther", false}});
        QVERIFY2(put.status == 200, put.body.constData());
        r = start(QStringLiteral("Архивариус отдела"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("/candidate/position"));
    }
};

QTEST_GUILESS_MAIN(TestPositions)
#include "tst_positions.moc"
