// SPDX-License-Identifier: MIT
// Router: templates capture decoded segments; wrong method is 405, not 404; the fallback never takes /api/.
#include <QtTest>

#include "http/router.h"

using namespace Proctor::Collector::Http;

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("methodNotAllowed");
        QTest::newRow("static route") << QByteArray("GET") << QByteArray("/healthz") << "/healthz"
                                      << "" << false;
        QTest::newRow("capture") << QByteArray("POST") << QByteArray("/api/v1/sessions/abc/result")
                                 << "/api/v1/sessions/{id}/result"
                                 << "abc" << false;
        QTest::newRow("percent-decoded capture")
            << QByteArray("GET") << QByteArray("/api/v1/certificates/26%2F11-0001")
            << "/api/v1/certificates/{id}"
            << "26/11-0001" << false;
        QTest::newRow("head uses get") << QByteArray("HEAD") << QByteArray("/healthz") << "/healthz"
                                       << "" << false;
        QTest::newRow("wrong method") << QByteArray("DELETE") << QByteArray("/healthz") << ""
                                      << "" << true;
        QTest::newRow("unknown api path") << QByteArray("GET") << QByteArray("/api/v1/nope") << ""
                                          << "" << false;
        QTest::newRow("fallback for pages") << QByteArray("GET") << QByteArray("/test.html") << "static"
                                            << "" << false;
        QTest::newRow("no fallback for post") << QByteArray("POST") << QByteArray("/test.html") << ""
                                              << "" << false;
    }
    void matches()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QString, route);
        QFETCH(QString, id);
        QFETCH(bool, methodNotAllowed);
        Router router;
        const Handler h = [](const HttpRequest &, const Responder &) {};
        router.add("GET", QStringLiteral("/healthz"), h);
        router.add("POST", QStringLiteral("/api/v1/sessions/{id}/result"), h);
        router.add("GET", QStringLiteral("/api/v1/certificates/{id}"), h);
        router.setFallback(h);
        const Router::Match m = router.match(method, path);
        QCOMPARE(m.methodNotAllowed, methodNotAllowed);
        QCOMPARE(m.handler != nullptr, !route.isEmpty());
        QCOMPARE(m.routeTemplate, route);
        QCOMPARE(m.params.value(QStringLiteral("id")), id);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
