// SPDX-License-Identifier: MIT
// Log lines: one parseable JSON object per line with the given fields, or readable key=value text.
#include <QtTest>

#include "logging/log.h"

using namespace Proctor;

class TestLogFormat : public QObject
{
    Q_OBJECT

private slots:
    void jsonLineIsOneObjectWithFields()
    {
        const QDateTime t =
            QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00.123Z"), Qt::ISODateWithMs);
        const QByteArray line = Log::formatLine(Log::Format::Json, Log::Level::Warning, u"request \"done\"\n",
                                                {{"request_id", QStringLiteral("abc")}, {"status", 503}}, t);
        QVERIFY(!line.contains('\n'));
        QJsonParseError err;
        const QJsonObject o = QJsonDocument::fromJson(line, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(o.value("level").toString(), QStringLiteral("warning"));
        QCOMPARE(o.value("msg").toString(), QStringLiteral("request \"done\"\n"));
        QCOMPARE(o.value("request_id").toString(), QStringLiteral("abc"));
        QCOMPARE(o.value("status").toInt(), 503);
        QCOMPARE(o.value("ts").toString(), QStringLiteral("2026-11-25T10:00:00.123Z"));
    }

    void textLineIsReadable()
    {
        const QDateTime t =
            QDateTime::fromString(QStringLiteral("2026-11-25T10:00:00.000Z"), Qt::ISODateWithMs);
        const QByteArray line = Log::formatLine(Log::Format::Text, Log::Level::Info, u"listening",
                                                {{"port", 8080}, {"address", QStringLiteral("a b")}}, t);
        QCOMPARE(line, QByteArray("2026-11-25T10:00:00.000Z INFO listening port=8080 address=\"a b\""));
    }
};

QTEST_GUILESS_MAIN(TestLogFormat)
#include "tst_logformat.moc"
