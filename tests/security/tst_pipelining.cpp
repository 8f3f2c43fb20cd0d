// SPDX-License-Identifier: MIT
// HTTP/1.1 pipelining as an attack: clients that pipeline thousands of requests for a large static file and
// never read the answers must cost the collector a bounded amount of memory and must not slow /healthz; a
// peer that stops reading is dropped after the write-stall timeout; and an honest client that pipelines and
// reads still gets every answer, in order.
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "processstats.h"
#include "securitysupport.h"

using namespace Proctor::Testing;
using namespace Proctor::Testing::Security;

namespace {

const QByteArray kFontPath = "/fonts/DejaVuSans.ttf";
constexpr int kFontBytes = 700 * 1024;
constexpr int kRequestsPerSocket = 10000;
constexpr int kAttackMs = 20000;             // each attack is watched this long (bounded to 30 s)
constexpr qint64 kMaxRssKb = 100 * 1024;     // the bound the collector must keep under attack
constexpr qint64 kSafetyRssKb = 1024 * 1024; // a working attack is stopped here, not at the OOM killer
constexpr qint64 kMaxHealthzMs = 100;        // every /healthz under attack answers within this
constexpr int kProbeTimeoutMs = 2000;        // a probe that takes longer counts as this long
constexpr int kProbeIntervalMs = 100;        // between two probes
constexpr int kStallTimeoutMs = 1500;        // PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS of the stall test
constexpr int kSlackMs = 3000;               // timers fire late on a loaded two-core machine
constexpr const char *kAttackStallTimeoutMs = "120000"; // the attack measures backpressure, not the timeout

QByteArray fontRequest()
{
    return "GET " + kFontPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// A client socket that is never read: plain POSIX, so that writing cannot block the test.
int openRawSocket(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

// Closes with a reset, as an attacker that gives up would, so the server does not wait for a FIN exchange.
void resetAndClose(int fd)
{
    const linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
}

// The TCP state the kernel keeps for a socket (TCP_ESTABLISHED, TCP_CLOSE, ...), read without reading data.
int tcpState(int fd)
{
    tcp_info info{};
    socklen_t size = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0)
        return -1;
    return info.tcpi_state;
}

// Writes `requests` to every socket as fast as the server takes them, on a thread of its own, never reading.
class Attacker
{
public:
    Attacker(std::vector<int> fds, QByteArray requests)
        : m_fds(std::move(fds)), m_requests(std::move(requests))
    {
        m_thread = std::thread([this] { run(); });
    }
    ~Attacker()
    {
        m_stop = true;
        m_thread.join();
        for (int fd : m_fds)
            resetAndClose(fd);
    }
    qint64 requestsWritten() const { return m_written.load() / fontRequest().size(); }

private:
    void run()
    {
        std::vector<qsizetype> offsets(m_fds.size(), 0);
        std::vector<pollfd> polls(m_fds.size());
        while (!m_stop) {
            int open = 0;
            for (size_t i = 0; i < m_fds.size(); ++i) {
                const bool done = offsets[i] >= m_requests.size();
                polls[i] = {done ? -1 : m_fds[i], POLLOUT, 0};
                open += done ? 0 : 1;
            }
            if (open == 0)
                return; // everything written; the sockets stay open, unread, until the destructor
            if (::poll(polls.data(), polls.size(), 50) <= 0)
                continue;
            for (size_t i = 0; i < m_fds.size(); ++i) {
                if (!(polls[i].revents & POLLOUT))
                    continue;
                const ssize_t n = ::send(m_fds[i], m_requests.constData() + offsets[i],
                                         size_t(m_requests.size() - offsets[i]), MSG_NOSIGNAL);
                if (n > 0) {
                    offsets[i] += n;
                    m_written += n;
                } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                    offsets[i] = m_requests.size(); // reset by the server: nothing more to send there
                }
            }
        }
    }

    std::vector<int> m_fds;
    const QByteArray m_requests;
    std::atomic_bool m_stop{false};
    std::atomic<qint64> m_written{0};
    std::thread m_thread;
};

struct Observation
{
    qint64 startRssKb = 0;
    qint64 peakRssKb = 0;
    qint64 worstHealthzMs = 0;
    qint64 worstHealthzAtMs = 0; // into the attack
    int probes = 0;
    int slowProbes = 0;
    qint64 requestsWritten = 0;
    qint64 watchedMs = 0;
    qint64 overBoundAfterMs = -1; // when RSS first passed kMaxRssKb, -1 never
    bool stoppedAtSafetyCap = false;
    QStringList slowProbeTimes; // "latency@when" of the first slow probes, for the log

    QString summary(int sockets) const
    {
        QString s = QStringLiteral("%1 socket(s): RSS %2 MB at start, peak %3 MB")
                        .arg(sockets)
                        .arg(double(startRssKb) / 1024.0, 0, 'f', 1)
                        .arg(double(peakRssKb) / 1024.0, 0, 'f', 1);
        s += QStringLiteral("; worst /healthz %1 ms at %2 ms (%3 of %4 probes over %5 ms)")
                 .arg(worstHealthzMs)
                 .arg(worstHealthzAtMs)
                 .arg(slowProbes)
                 .arg(probes)
                 .arg(kMaxHealthzMs);
        s += QStringLiteral("; %1 requests written; watched %2 ms").arg(requestsWritten).arg(watchedMs);
        if (overBoundAfterMs >= 0)
            s += QStringLiteral("; RSS passed %1 MB after %2 ms").arg(kMaxRssKb / 1024).arg(overBoundAfterMs);
        if (stoppedAtSafetyCap)
            s += QStringLiteral(" (stopped at the 1 GB safety cap)");
        if (!slowProbeTimes.isEmpty())
            s += QStringLiteral("; slow probes (ms@ms): ") + slowProbeTimes.join(QLatin1Char(' '));
        return s;
    }
};

// Bytes the process has passed to read(2) and its kin so far (rchar in /proc/<pid>/io): files and sockets.
qint64 bytesRead(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/io").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    return -1;
}

// GET /healthz on a fresh connection: the whole exchange, connect included, in milliseconds.
qint64 probeHealthz(quint16 port)
{
    QElapsedTimer clock;
    clock.start();
    const RawResponse r = rawExchange(port, rawGet("/healthz", "Connection: close\r\n"), kProbeTimeoutMs);
    return r.status == 200 ? clock.elapsed() : qMax<qint64>(clock.elapsed(), kProbeTimeoutMs);
}

} // namespace

class TestPipelining : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_font;
    std::unique_ptr<HotPathFixture> f;

    QString root() const { return m_dir.filePath(QStringLiteral("www")); }

    // `sockets` clients each pipeline kRequestsPerSocket font requests and never read, for kAttackMs, while
    // the collector's RSS and /healthz on other connections are watched.
    Observation attack(int sockets)
    {
        // A fresh collector each time: what one attack left behind must not count against the next.
        CollectorProcess &collector = f->collector();
        collector.stop();
        if (!collector.start() || !collectorServes(*f)) {
            qWarning("collector did not restart: %s", collector.log().right(2000).constData());
            return {};
        }
        QTest::qWait(1000); // its start-up (connections to PostgreSQL and Redis) is not what is measured
        Observation o;
        o.startRssKb = residentKb(collector.pid());
        std::vector<int> fds;
        for (int i = 0; i < sockets; ++i) {
            const int fd = openRawSocket(collector.port());
            if (fd >= 0)
                fds.push_back(fd);
        }
        if (int(fds.size()) != sockets) {
            for (int fd : fds)
                resetAndClose(fd);
            qWarning("could only open %d of %d sockets", int(fds.size()), sockets);
            return o;
        }
        // RSS is sampled on a thread of its own: a probe stuck for its whole timeout must not hide a peak.
        std::atomic<qint64> peakRssKb{o.startRssKb};
        std::atomic<qint64> overBoundAfterMs{-1};
        std::atomic_bool watching{true};
        QElapsedTimer clock;
        clock.start();
        std::thread sampler([&] {
            const qint64 pid = collector.pid();
            while (watching) {
                const qint64 rss = residentKb(pid);
                if (rss > peakRssKb)
                    peakRssKb = rss;
                if (rss > kMaxRssKb && overBoundAfterMs < 0)
                    overBoundAfterMs = clock.elapsed();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        {
            Attacker attacker(std::move(fds), fontRequest().repeated(kRequestsPerSocket));
            while (clock.elapsed() < kAttackMs && collector.isRunning()) {
                const qint64 sentAt = clock.elapsed();
                const qint64 latency = probeHealthz(collector.port());
                ++o.probes;
                if (latency > kMaxHealthzMs && o.slowProbeTimes.size() < 10)
                    o.slowProbeTimes << QStringLiteral("%1@%2").arg(latency).arg(sentAt);
                o.slowProbes += latency > kMaxHealthzMs ? 1 : 0;
                if (latency > o.worstHealthzMs) {
                    o.worstHealthzMs = latency;
                    o.worstHealthzAtMs = sentAt;
                }
                if (peakRssKb > kSafetyRssKb) {
                    o.stoppedAtSafetyCap = true;
                    break;
                }
                QTest::qWait(kProbeIntervalMs); // also drains the collector's log pipe
            }
            o.requestsWritten = attacker.requestsWritten();
        }
        o.watchedMs = clock.elapsed();
        watching = false;
        sampler.join();
        o.peakRssKb = peakRssKb;
        o.overBoundAfterMs = overBoundAfterMs;
        qInfo("%s", qPrintable(o.summary(sockets)));
        return o;
    }

    void expectWithstood(const Observation &o, int sockets)
    {
        QVERIFY2(o.probes > 0, "the attack could not be started");
        QVERIFY2(f->collector().isRunning(), f->collector().log().right(2000).constData());
        QVERIFY2(o.peakRssKb < kMaxRssKb, qPrintable(o.summary(sockets)));
        QVERIFY2(o.worstHealthzMs <= kMaxHealthzMs, qPrintable(o.summary(sockets)));
        QVERIFY2(collectorServes(*f), f->collector().log().right(2000).constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("www/fonts")));
        // Random bytes: the size of a real font, and nothing a compressing layer could shrink.
        m_font.resize(kFontBytes);
        QRandomGenerator(12).fillRange(reinterpret_cast<quint32 *>(m_font.data()), kFontBytes / 4);
        QFile font(root() + QString::fromLatin1(kFontPath));
        QVERIFY(font.open(QIODevice::WriteOnly) && font.write(m_font) == m_font.size());
        font.close();

        f = std::make_unique<HotPathFixture>(
            QStringLiteral("pipelining"),
            QMap<QString, QString>{{"PROCTOR_WEB_ROOT", root()},
                                   {"PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS", kAttackStallTimeoutMs}});
        QVERIFY2(f->error().isEmpty(), qPrintable(f->error()));
        QCOMPARE(rawExchange(f->collector().port(), rawGet(kFontPath)).body, m_font);
    }

    void oneSocketThatNeverReads() { expectWithstood(attack(1), 1); }

    void twentySocketsThatNeverRead() { expectWithstood(attack(20), 20); }

    void pipeliningStillWorksForAClientThatReads()
    {
        constexpr int kRequests = 200;
        f->collector().stop(); // whatever an attack left running must not be what fails here
        QVERIFY2(f->collector().start(), f->collector().log().right(2000).constData());
        RawConnection c;
        QVERIFY(c.connect(f->collector().port()));
        // Large and small answers mixed, so the large ones back up the output while the client reads; and
        // padded requests, more of them than the collector reads ahead, so that reading has to resume too.
        const QByteArray padding = "X-Padding: " + QByteArray(1000, 'p') + "\r\n";
        QByteArray requests;
        for (int i = 0; i < kRequests; ++i)
            requests += rawGet(i % 2 == 0 ? kFontPath : QByteArray("/healthz"),
                               "X-Request-Id: p" + QByteArray::number(i) + "\r\n" + padding);
        c.send(requests);
        for (int i = 0; i < kRequests; ++i) {
            const RawResponse r = c.read(15000);
            QVERIFY2(r.status == 200,
                     qPrintable(QStringLiteral("answer %1: status %2").arg(i).arg(r.status)));
            QCOMPARE(r.header("X-Request-Id"), "p" + QByteArray::number(i));
            if (i % 2 == 0)
                QVERIFY2(r.body == m_font, qPrintable(QStringLiteral("answer %1: wrong body").arg(i)));
        }
        QVERIFY(c.isOpen());
        QVERIFY(collectorServes(*f));
    }

    void aStaticFileIsReadOnceNotPerRequest()
    {
        constexpr int kRequests = 20;
        RawConnection c;
        QVERIFY(c.connect(f->collector().port()));
        c.send(rawGet(kFontPath)); // the first answer may read the file
        QCOMPARE(c.read(10000).body, m_font);
        const qint64 before = bytesRead(f->collector().pid());
        QVERIFY(before >= 0);
        for (int i = 0; i < kRequests; ++i) {
            c.send(rawGet(kFontPath));
            const RawResponse r = c.read(10000);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body == m_font);
        }
        // Reading the file again for each answer would read kRequests times its size.
        const qint64 read = bytesRead(f->collector().pid()) - before;
        QVERIFY2(read < kFontBytes,
                 qPrintable(QStringLiteral("%1 bytes read for %2 answers").arg(read).arg(kRequests)));
    }

    void aPeerThatStopsReadingIsDropped()
    {
        HotPathFixture stalled(QStringLiteral("pipelining_stall"),
                               {{"PROCTOR_WEB_ROOT", root()},
                                {"PROCTOR_HTTP_WRITE_STALL_TIMEOUT_MS", QString::number(kStallTimeoutMs)}});
        QVERIFY2(stalled.error().isEmpty(), qPrintable(stalled.error()));

        const int fd = openRawSocket(stalled.collector().port());
        QVERIFY(fd >= 0);
        // Far more answers than the socket buffers of both sides hold.
        const QByteArray requests = fontRequest().repeated(100);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::send(fd, requests.constData(), size_t(requests.size()), MSG_NOSIGNAL),
                 ssize_t(requests.size()));
        while (tcpState(fd) == TCP_ESTABLISHED && clock.elapsed() < kStallTimeoutMs + kSlackMs)
            QTest::qWait(20);
        const qint64 elapsed = clock.elapsed();
        const int state = tcpState(fd);
        resetAndClose(fd);
        QVERIFY2(
            state != TCP_ESTABLISHED,
            qPrintable(QStringLiteral("still connected %1 ms after the peer stopped reading").arg(elapsed)));
        // Dropped for stalling, not for something sooner.
        QVERIFY2(elapsed >= kStallTimeoutMs * 9 / 10,
                 qPrintable(QStringLiteral("dropped after %1 ms").arg(elapsed)));
        QVERIFY2(collectorServes(stalled), stalled.collector().log().right(2000).constData());
    }
};

QTEST_GUILESS_MAIN(TestPipelining)
#include "tst_pipelining.moc"
