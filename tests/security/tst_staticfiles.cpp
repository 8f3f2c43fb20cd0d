// SPDX-License-Identifier: MIT
// The static web root (PROCTOR_WEB_ROOT) under attack: dot segments raw and encoded once, twice and overlong,
// NUL, backslashes, absolute-form targets, symlinks out of the root, a sibling directory sharing the root's
// prefix, a named pipe. Nothing outside the root is ever served; every page carries the security headers;
// HEAD answers like GET without the body. Requests go over raw sockets: an HTTP client library would
// normalise the dot segments away before they reach the server.
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

const QByteArray kSecret = "TOP-SECRET-OUTSIDE-THE-ROOT";
const QByteArray kIndex = "<!doctype html><title>index</title><script src=\"app.js\"></script>";

bool write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestStaticFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir; // www/ is the web root; secret.txt and www2/ lie beside it
    std::unique_ptr<HotPathFixture> f;

    QString root() const { return m_dir.filePath(QStringLiteral("www")); }
    quint16 port() const { return f->collector().port(); }

    static void expectSecurityHeaders(const RawResponse &r)
    {
        const QByteArray csp = r.header("Content-Security-Policy");
        QVERIFY2(!csp.isEmpty(), r.head.constData());
        QByteArray scripts;
        for (const QByteArray &directive : csp.split(';'))
            if (directive.trimmed().startsWith("script-src"))
                scripts = directive.trimmed();
        QVERIFY2(scripts.startsWith("script-src 'self'"), csp.constData());
        QVERIFY2(!scripts.contains("unsafe-inline") && !scripts.contains("unsafe-eval") &&
                     !scripts.contains('*'),
                 csp.constData());
        QVERIFY2(csp.contains("object-src 'none'"), csp.constData());
        QVERIFY2(csp.contains("frame-ancestors 'none'"), csp.constData());
        QVERIFY2(csp.contains("base-uri 'none'"), csp.constData());
        QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir base(m_dir.path());
        QVERIFY(base.mkpath("www/sub") && base.mkpath("www/vendor") && base.mkpath("www2"));
        QVERIFY(write(base.filePath("secret.txt"), kSecret));
        QVERIFY(write(base.filePath("www2/secret.txt"), kSecret));
        QVERIFY(write(base.filePath("www/index.html"), kIndex));
        QVERIFY(write(base.filePath("www/app.js"), "console.log('app');"));
        QVERIFY(write(base.filePath("www/sub/page.html"), "<p>sub</p>"));
        QVERIFY(write(base.filePath("www/vendor/lib.js"), "/* lib */"));
        // Links out of the root (to a file, to a directory) and one that stays inside.
        QVERIFY(QFile::link(base.filePath("secret.txt"), base.filePath("www/link-out.txt")));
        QVERIFY(QFile::link(m_dir.path(), base.filePath("www/dir-link")));
        QVERIFY(QFile::link(base.filePath("www/index.html"), base.filePath("www/link-in.html")));
        QVERIFY(::mkfifo(QFile::encodeName(base.filePath("www/pipe.txt")).constData(), 0644) == 0);

        f = std::make_unique<HotPathFixture>(QStringLiteral("staticfiles"),
                                             QMap<QString, QString>{{"PROCTOR_WEB_ROOT", root()}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
    }

    void filesInsideTheRootAreServed_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("root is index.html")
            << QByteArray("/") << kIndex << QByteArray("text/html; charset=utf-8");
        QTest::newRow("a script") << QByteArray("/app.js") << QByteArray("console.log('app');")
                                  << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("a subdirectory page") << QByteArray("/sub/page.html") << QByteArray("<p>sub</p>")
                                             << QByteArray("text/html; charset=utf-8");
        QTest::newRow("harmless dot segments inside")
            << QByteArray("/sub/../sub/./page.html") << QByteArray("<p>sub</p>")
            << QByteArray("text/html; charset=utf-8");
        QTest::newRow("a symlink that stays inside")
            << QByteArray("/link-in.html") << kIndex << QByteArray("text/html; charset=utf-8");
        QTest::newRow("query string ignored")
            << QByteArray("/app.js?v=../../secret.txt") << QByteArray("console.log('app');")
            << QByteArray("text/javascript; charset=utf-8");
    }
    void filesInsideTheRootAreServed()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const RawResponse r = rawExchange(port(), rawGet(target));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Type"), contentType);
        expectSecurityHeaders(r);
    }

    void nothingOutsideTheRootIsServed_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        const struct
        {
            const char *name;
            const char *target;
            int status;
        } rows[] = {
            {"dot segments", "/../secret.txt", 404},
            {"deep dot segments to /etc/passwd", "/../../../../../../../../etc/passwd", 404},
            {"dot segments after a directory", "/sub/../../secret.txt", 404},
            {"dot-slash then dot segments", "/./../secret.txt", 404},
            {"encoded dots", "/%2e%2e/secret.txt", 404},
            {"encoded dots and slash", "/%2e%2e%2fsecret.txt", 404},
            {"mixed case encoding", "/%2E%2e%2Fsecret.txt", 404},
            {"half encoded", "/.%2e/secret.txt", 404},
            {"encoded slash only", "/..%2fsecret.txt", 404},
            {"double-encoded slash", "/..%252fsecret.txt", 404},
            {"double-encoded dots", "/%252e%252e/secret.txt", 404},
            {"overlong UTF-8 dots", "/%c0%ae%c0%ae/secret.txt", 404},
            {"overlong UTF-8 slash", "/..%c0%afsecret.txt", 404},
            {"encoded NUL", "/%00", 404},
            {"encoded NUL before an extension", "/secret.txt%00.html", 404},
            {"backslashes", "/..\\secret.txt", 404},
            {"encoded backslashes", "/%5c..%5csecret.txt", 404},
            {"sibling directory sharing the prefix", "/../www2/secret.txt", 404},
            {"double slash absolute path", "//etc/passwd", 404},
            {"encoded absolute path", "/%2fetc%2fpasswd", 404},
            {"symlink to a file outside", "/link-out.txt", 404},
            {"symlink to a directory outside", "/dir-link/secret.txt", 404},
            {"named pipe inside the root", "/pipe.txt", 404},
            {"a directory without its slash", "/sub", 404},
            {"a directory without index.html", "/vendor/", 404},
            {"absolute-form target", "http://127.0.0.1/../secret.txt", 404},
            {"proc self environment", "/../../../../../../proc/self/environ", 404},
            {"API prefix is never a file", "/api/../secret.txt", 404},
        };
        for (const auto &row : rows)
            QTest::newRow(row.name) << QByteArray(row.target) << row.status;
    }
    void nothingOutsideTheRootIsServed()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("HEAD")}) {
            const RawResponse r =
                rawExchange(port(), method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 5000);
            QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1 %2: %3")
                                                        .arg(QString::fromLatin1(method))
                                                        .arg(r.status)
                                                        .arg(QString::fromLatin1(r.head.left(200)))));
            QVERIFY2(!r.body.contains(kSecret) && !r.body.contains("root:") && !r.body.contains("PROCTOR_"),
                     r.body.left(200).constData());
            if (r.status == 404 && !target.startsWith("/api/"))
                expectSecurityHeaders(r);
        }
        QVERIFY(collectorServes(*f));
    }

    void securityHeadersOnEveryPage_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("page") << QByteArray("/");
        QTest::newRow("script") << QByteArray("/app.js");
        QTest::newRow("vendor library") << QByteArray("/vendor/lib.js");
        QTest::newRow("app-config.json") << QByteArray("/app-config.json");
        QTest::newRow("missing page") << QByteArray("/nope.html");
    }
    void securityHeadersOnEveryPage()
    {
        QFETCH(QByteArray, target);
        const RawResponse r = rawExchange(port(), rawGet(target));
        QVERIFY(r.status == 200 || r.status == 404);
        expectSecurityHeaders(r);
    }

    void headAnswersLikeGetWithoutABody_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("page") << QByteArray("/");
        QTest::newRow("script") << QByteArray("/app.js");
        QTest::newRow("app-config.json") << QByteArray("/app-config.json");
        QTest::newRow("missing page") << QByteArray("/nope.html");
        QTest::newRow("healthz") << QByteArray("/healthz");
    }
    void headAnswersLikeGetWithoutABody()
    {
        QFETCH(QByteArray, target);
        RawConnection c;
        QVERIFY(c.connect(port()));
        // HEAD, then GET on the same connection: a body after the HEAD answer would corrupt the second one.
        c.send("HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + rawGet(target));
        const RawResponse head = c.read(5000, true);
        const RawResponse get = c.read(5000);
        QVERIFY2(get.status == head.status, qPrintable(QStringLiteral("HEAD %1, then GET %2: %3")
                                                           .arg(head.status)
                                                           .arg(get.status)
                                                           .arg(QString::fromLatin1(get.head.left(100)))));
        QVERIFY(!get.body.isEmpty());
        QCOMPARE(head.header("Content-Type"), get.header("Content-Type"));
        // RFC 9110 9.3.2: a Content-Length in a HEAD answer is the length GET would send.
        QCOMPARE(head.header("Content-Length").toLongLong(), qint64(get.body.size()));
        QCOMPARE(head.header("Content-Security-Policy"), get.header("Content-Security-Policy"));
        QVERIFY(c.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestStaticFiles)
#include "tst_staticfiles.moc"
