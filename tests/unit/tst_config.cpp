// SPDX-License-Identifier: MIT
// Config::fromEnvironment: each bad value is refused naming its variable; good values land in the Config.
#include <QtTest>

#include "app/config.h"

using Proctor::Collector::Config;

class TestConfig : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment baseEnv()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PROCTOR_DATABASE_URL"),
                   QStringLiteral("postgresql://u@127.0.0.1:5432/db"));
        env.insert(QStringLiteral("PROCTOR_REDIS_URL"), QStringLiteral("redis://127.0.0.1:6379/0"));
        env.insert(QStringLiteral("PROCTOR_SESSION_SECRET"), QString(64, QLatin1Char('a')));
        return env;
    }
    static constexpr int kServe = Config::NeedDatabase | Config::NeedRedis | Config::NeedServe;

private slots:
    void rejectsBadValue_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("database url missing") << "PROCTOR_DATABASE_URL"
                                              << "";
        QTest::newRow("database url wrong scheme") << "PROCTOR_DATABASE_URL"
                                                   << "mysql://x/y";
        QTest::newRow("review database url wrong scheme") << "PROCTOR_REVIEW_DATABASE_URL"
                                                          << "mysql://x/y";
        QTest::newRow("review database url with a space") << "PROCTOR_REVIEW_DATABASE_URL"
                                                          << "postgresql://u:p w@h:5001/db";
        QTest::newRow("redis url missing") << "PROCTOR_REDIS_URL"
                                           << "";
        QTest::newRow("redis url wrong scheme") << "PROCTOR_REDIS_URL"
                                                << "http://127.0.0.1:6379";
        QTest::newRow("redis db out of range") << "PROCTOR_REDIS_URL"
                                               << "redis://127.0.0.1:6379/16";
        QTest::newRow("redis db not a number") << "PROCTOR_REDIS_URL"
                                               << "redis://127.0.0.1:6379/x";
        QTest::newRow("http addr without port") << "PROCTOR_HTTP_ADDR"
                                                << "127.0.0.1";
        QTest::newRow("http addr port too big") << "PROCTOR_HTTP_ADDR"
                                                << "127.0.0.1:70000";
        QTest::newRow("http addr host not an ip") << "PROCTOR_HTTP_ADDR"
                                                  << "localhost:8080";
        QTest::newRow("http addr garbage") << "PROCTOR_HTTP_ADDR"
                                           << "::::";
        QTest::newRow("log format unknown") << "PROCTOR_LOG_FORMAT"
                                            << "xml";
        QTest::newRow("log level unknown") << "PROCTOR_LOG_LEVEL"
                                           << "verbose";
        QTest::newRow("secret missing") << "PROCTOR_SESSION_SECRET"
                                        << "";
        QTest::newRow("secret too short") << "PROCTOR_SESSION_SECRET"
                                          << "abcd";
        QTest::newRow("secret not hex nor base64") << "PROCTOR_SESSION_SECRET"
                                                   << "!!!!not-a-secret!!!!";
        QTest::newRow("threads zero") << "PROCTOR_HTTP_THREADS"
                                      << "0";
        QTest::newRow("threads not a number") << "PROCTOR_HTTP_THREADS"
                                              << "two";
        QTest::newRow("body limit too small") << "PROCTOR_MAX_BODY_BYTES"
                                              << "10";
        QTest::newRow("body limit negative") << "PROCTOR_MAX_BODY_BYTES"
                                             << "-5";
        QTest::newRow("idle timeout too big") << "PROCTOR_HTTP_IDLE_TIMEOUT_MS"
                                              << "99999999999";
        QTest::newRow("pending output too small") << "PROCTOR_HTTP_MAX_PENDING_OUTPUT_BYTES"
                                                  << "1000";
        QTest::newRow("pending output not a number") << "PROCTOR_HTTP_MAX_PENDING_OUTPUT_BYTES"
                                                     << "1MiB";
        QTest::newRow("unparsed input too small") << "PROCTOR_HTTP_MAX_UNPARSED_INPUT_BYTES"
                                                  << "100";
        QTest::newRow("unparsed input too big") << "PROCTOR_HTTP_MAX_UNPARSED_INPUT_BYTES"
                                                << "99999999999";
        QTest::newRow("write stall timeout zero") << "PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS"
                                                  << "0";
        QTest::newRow("write stall timeout negative") << "PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS"
                                                      << "-1";
        QTest::newRow("queue rows too small") << "PROCTOR_EVENT_QUEUE_MAX_ROWS"
                                              << "1";
        QTest::newRow("writer connections zero") << "PROCTOR_WRITER_CONNECTIONS"
                                                 << "0";
        QTest::newRow("rate limit zero") << "PROCTOR_RATE_LIMIT_PER_KEY"
                                         << "0";
        QTest::newRow("session starts burst zero") << "PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST"
                                                   << "0";
        QTest::newRow("device starts not a number") << "PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR"
                                                    << "ten";
        QTest::newRow("certificate lookups negative")
            << "PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_PER_MINUTE"
            << "-1";
        QTest::newRow("login delay cap zero") << "PROCTOR_LOGIN_DELAY_MAX_SECONDS"
                                              << "0";
        QTest::newRow("public url not http") << "PROCTOR_PUBLIC_URL"
                                             << "ftp://example.org";
        QTest::newRow("trusted proxy not an address") << "PROCTOR_TRUSTED_PROXIES"
                                                      << "127.0.0.1,nginx";
    }
    void rejectsBadValue()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env = baseEnv();
        if (value.isEmpty())
            env.remove(variable);
        else
            env.insert(variable, value);
        const auto config = Config::fromEnvironment(env, kServe);
        QVERIFY2(!config, "a bad value was accepted");
        QCOMPARE(config.error().variable, variable);
        QVERIFY(!config.error().message.isEmpty());
        QVERIFY(config.error().toString().startsWith(variable + QLatin1String(": ")));
    }

    void malformedUrlNeverEchoesThePassword_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>(
            "secret"); // must not appear in the message, nor any 4-character piece of it
        QTest::newRow("redis port out of range") << "PROCTOR_REDIS_URL"
                                                 << "redis://:hunter2secret@127.0.0.1:99999/0"
                                                 << "hunter2secret";
        QTest::newRow("redis db out of range") << "PROCTOR_REDIS_URL"
                                               << "redis://:hunter2secret@127.0.0.1:6379/16"
                                               << "hunter2secret";
        QTest::newRow("redis db not a number") << "PROCTOR_REDIS_URL"
                                               << "redis://default:hunter2secret@127.0.0.1:6379/x"
                                               << "hunter2secret";
        QTest::newRow("redis wrong scheme") << "PROCTOR_REDIS_URL"
                                            << "rediss://:hunter2secret@127.0.0.1:6379"
                                            << "hunter2secret";
        QTest::newRow("redis space in the password") << "PROCTOR_REDIS_URL"
                                                     << "redis://:hunter2 secret@127.0.0.1:6379"
                                                     << "hunter2 secret";
        QTest::newRow("redis unencoded @ in the password") << "PROCTOR_REDIS_URL"
                                                           << "redis://:hunter2@secret@127.0.0.1:99999"
                                                           << "hunter2@secret";
        QTest::newRow("database bad percent-encoding in the password")
            << "PROCTOR_DATABASE_URL"
            << "postgresql://proctor:hunter2%zzsecret@127.0.0.1:5432/proctor"
            << "hunter2%zzsecret";
        QTest::newRow("database unencoded / in the password")
            << "PROCTOR_DATABASE_URL"
            << "postgresql://proctor:hunter2/secret@127.0.0.1:5432/proctor"
            << "hunter2/secret";
        QTest::newRow("database port not a number")
            << "PROCTOR_DATABASE_URL"
            << "postgresql://proctor:hunter2secret@127.0.0.1:pg/proctor"
            << "hunter2secret";
        QTest::newRow("database password parameter with a space")
            << "PROCTOR_DATABASE_URL"
            << "postgresql://127.0.0.1/proctor?password=hunter2 secret"
            << "hunter2 secret";
        QTest::newRow("database password parameter with two =")
            << "PROCTOR_DATABASE_URL"
            << "postgresql://127.0.0.1/proctor?user=proctor&password=hunter2=secret"
            << "hunter2=secret";
    }
    void malformedUrlNeverEchoesThePassword()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, secret);
        QProcessEnvironment env = baseEnv();
        env.insert(variable, value);
        const auto config = Config::fromEnvironment(env, kServe);
        QVERIFY2(!config, "a malformed URL was accepted");
        QCOMPARE(config.error().variable, variable);
        const QString message = config.error().toString();
        for (qsizetype i = 0; i + 4 <= secret.size(); ++i)
            QVERIFY2(!message.contains(secret.mid(i, 4)), qPrintable(message));
        // Still useful: it names what it expected or what was wrong, and where.
        QVERIFY2(message.contains(QLatin1String("127.0.0.1")), qPrintable(message));
    }

    void acceptsWhatLibpqAccepts_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("user and password") << "postgresql://proctor:s%40cret@127.0.0.1:5432/proctor";
        QTest::newRow("several hosts")
            << "postgresql://proctor@db1:5432,db2:5433/proctor?target_session_attrs=read-write";
        QTest::newRow("ipv6 host") << "postgres://proctor@[::1]:5432/proctor";
        QTest::newRow("unix socket in the host") << "postgresql://%2Fvar%2Frun%2Fpostgresql/proctor";
        QTest::newRow("unix socket as a parameter") << "postgresql:///proctor?host=/var/run/postgresql";
        QTest::newRow("no port") << "postgresql://u@h/db";
    }
    void acceptsWhatLibpqAccepts()
    {
        QFETCH(QString, url);
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("PROCTOR_DATABASE_URL"), url);
        const auto config = Config::fromEnvironment(env, kServe);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->databaseUrl, url);
    }

    void limitsHaveProductionDefaultsAndCanBeSet()
    {
        const auto defaults = Config::fromEnvironment(baseEnv(), kServe);
        QVERIFY(defaults);
        QCOMPARE(defaults->rateLimitPerAddressPerMinute, 30000);
        QCOMPARE(defaults->rateLimitPerKeyPerMinute, 300000);
        QCOMPARE(defaults->sessionStartsPerAddressBurst, 300);
        QCOMPARE(defaults->sessionStartsPerAddressPerMinute, 120);
        QCOMPARE(defaults->sessionStartsPerDeviceBurst, 10);
        QCOMPARE(defaults->sessionStartsPerDevicePerHour, 10);
        QCOMPARE(defaults->certificateLookupsPerAddressBurst, 60);
        QCOMPARE(defaults->certificateLookupsPerAddressPerMinute, 60);
        QCOMPARE(defaults->loginDelayMaxSeconds, 60);
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST"),
                   QStringLiteral("800"));
        env.insert(QStringLiteral("PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR"),
                   QStringLiteral("3"));
        env.insert(QStringLiteral("PROCTOR_RATE_LIMIT_CERTIFICATES_PER_ADDRESS_PER_MINUTE"),
                   QStringLiteral("10"));
        env.insert(QStringLiteral("PROCTOR_LOGIN_DELAY_MAX_SECONDS"), QStringLiteral("30"));
        const auto set = Config::fromEnvironment(env, kServe);
        QVERIFY(set);
        QCOMPARE(set->sessionStartsPerAddressBurst, 800);
        QCOMPARE(set->sessionStartsPerDevicePerHour, 3);
        QCOMPARE(set->certificateLookupsPerAddressPerMinute, 10);
        QCOMPARE(set->loginDelayMaxSeconds, 30);
    }

    void acceptsGoodValues()
    {
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("PROCTOR_HTTP_ADDR"), QStringLiteral("0.0.0.0:9090"));
        env.insert(QStringLiteral("PROCTOR_REDIS_URL"), QStringLiteral("redis://:s3cret@10.0.0.5:6380/3"));
        env.insert(QStringLiteral("PROCTOR_LOG_FORMAT"), QStringLiteral("text"));
        env.insert(QStringLiteral("PROCTOR_MAX_BODY_BYTES"), QStringLiteral("2048"));
        env.insert(QStringLiteral("PROCTOR_PUBLIC_URL"), QStringLiteral("https://proctor.example.org/"));
        const auto config = Config::fromEnvironment(env, kServe);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->httpHost, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(config->httpPort, quint16(9090));
        QCOMPARE(config->redis.host, QStringLiteral("10.0.0.5"));
        QCOMPARE(config->redis.port, quint16(6380));
        QCOMPARE(config->redis.password, QStringLiteral("s3cret"));
        QCOMPARE(config->redis.database, 3);
        QCOMPARE(config->logFormat, Proctor::Log::Format::Text);
        QCOMPARE(config->maxBodyBytes, qint64(2048));
        QCOMPARE(config->sessionSecret.size(), 32);
        QCOMPARE(config->publicUrl, QStringLiteral("https://proctor.example.org"));
    }

    void backpressureLimits_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("pending output default") << "PROCTOR_HTTP_MAX_PENDING_OUTPUT_BYTES"
                                                << "" << qint64(1048576);
        QTest::newRow("pending output set") << "PROCTOR_HTTP_MAX_PENDING_OUTPUT_BYTES"
                                            << "4194304" << qint64(4194304);
        QTest::newRow("unparsed input default") << "PROCTOR_HTTP_MAX_UNPARSED_INPUT_BYTES"
                                                << "" << qint64(65536);
        QTest::newRow("unparsed input set") << "PROCTOR_HTTP_MAX_UNPARSED_INPUT_BYTES"
                                            << "32768" << qint64(32768);
        QTest::newRow("write stall default") << "PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS"
                                             << "" << qint64(30000);
        QTest::newRow("write stall set") << "PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS"
                                         << "1500" << qint64(1500);
    }
    void backpressureLimits()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(qint64, expected);
        QProcessEnvironment env = baseEnv();
        if (!value.isEmpty())
            env.insert(variable, value);
        const auto config = Config::fromEnvironment(env, kServe);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        const qint64 actual = variable.endsWith(QLatin1String("PENDING_OUTPUT_BYTES"))
                                  ? config->httpMaxPendingOutputBytes
                              : variable.endsWith(QLatin1String("UNPARSED_INPUT_BYTES"))
                                  ? qint64(config->httpMaxUnparsedInputBytes)
                                  : qint64(config->httpWriteStallTimeoutMs);
        QCOMPARE(actual, expected);
    }

    void subcommandsNeedOnlyWhatTheyUse()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PROCTOR_DATABASE_URL"), QStringLiteral("postgresql://u@h/db"));
        QVERIFY(Config::fromEnvironment(env, Config::NeedDatabase));
        QVERIFY(!Config::fromEnvironment(env, Config::NeedDatabase | Config::NeedRedis));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
