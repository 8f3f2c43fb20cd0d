// SPDX-License-Identifier: MIT
// AnalysisService against the real PostgreSQL, without HTTP: two sessions of different candidates with the
// same mouse trajectory and typing rhythm find each other, the risk assessment of a session with violations
// names the events and sessions behind each factor, and a device shared by two candidates is flagged.
#include <cmath>

#include <QtTest>

#include "reviewseed.h"
#include "servicefixture.h"
#include "services/analysisservice.h"

using namespace Proctor;
using namespace Proctor::Testing;
using namespace Proctor::Collector::Services;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A stroke per question q1..q4; `variant` 0 is a slow wave, anything else a different, busier shape.
QJsonArray mouse(int variant)
{
    QJsonArray segments;
    for (int q = 1; q <= 4; ++q) {
        QJsonArray points;
        for (int i = 0; i < 120; ++i) {
            const double y =
                variant == 0 ? 300 + 80 * std::sin(i / 10.0 + q) : 300 + 150 * std::cos(i / 4.0) + i * 2;
            points.append(QJsonArray{100 + i * 5, y, i * 16.0});
        }
        segments.append(QJsonObject{{"questionId", QStringLiteral("q%1").arg(q)}, {"points", points}});
    }
    return segments;
}

// A typing rhythm; `slow` changes dwell and flight times consistently, `seed` the small jitter.
QJsonArray keystrokes(bool slow, int seed)
{
    QJsonArray keys;
    double t = 0;
    const char *codes[] = {"KeyI", "KeyV", "KeyA", "KeyN", "KeyO", "KeyF", "KeyP", "KeyE", "KeyT", "KeyR"};
    for (int i = 0; i < 200; ++i) {
        const double jitter = ((i * 7919 + seed * 104729) % 13) - 6;
        const double dwell = (slow ? 150 : 80) + jitter;
        const double flight = (slow ? 260 : 110) + 2 * jitter;
        keys.append(QJsonObject{{"code", codes[i % 10]}, {"downMs", t}, {"upMs", t + dwell}});
        t += dwell + flight;
    }
    return keys;
}

} // namespace

class TestAnalysisService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceFixture> f;
    std::unique_ptr<ReviewSeed> seed;
    std::unique_ptr<AnalysisService> analysis;
    qint64 m_first = 0, m_second = 0, m_third = 0;
    QUuid m_a, m_b, m_c, m_d; // a and b: one person sitting for two; c: someone else; d: the first again
    QStringList m_focusLossIds;
    QString m_printId;

    QUuid session(qint64 candidate, QChar device, int minutesAgo)
    {
        ReviewSeed::Session s;
        s.candidateId = candidate;
        s.fingerprint = QString(64, device);
        s.finishedAt = QDateTime::currentDateTimeUtc().addSecs(-minutesAgo * 60);
        s.startedAt = s.finishedAt.addSecs(-300);
        return seed->session(s);
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ServiceFixture>(QStringLiteral("analysisservice"));
        QVERIFY2(f->ok(), qPrintable(f->error()));
        seed = std::make_unique<ReviewSeed>(f->database().url());
        analysis = std::make_unique<AnalysisService>(f->pool());
        seed->test(QStringLiteral("known"), QStringLiteral("Known answers"));
        m_first = seed->candidate(QStringLiteral("Первый"));
        m_second = seed->candidate(QStringLiteral("Второй"));
        m_third = seed->candidate(QStringLiteral("Третий"));

        m_a = session(m_first, 'a', 4);
        m_b = session(m_second, 'a', 3);
        m_c = session(m_third, 'c', 2);
        m_d = session(m_first, 'd', 1);
        seed->telemetry(m_a, mouse(0), keystrokes(false, 1));
        seed->telemetry(m_b, mouse(0), keystrokes(false, 2));
        seed->telemetry(m_c, mouse(1), keystrokes(true, 3));
        seed->telemetry(m_d, mouse(0), keystrokes(false, 4));

        for (int i = 0; i < 6; ++i) {
            m_focusLossIds.append(idText(seed->event(m_a, 2 * i, QStringLiteral("focus_loss"))));
            seed->event(m_a, 2 * i + 1, QStringLiteral("focus_gain"), {{"durationMs", 1000}});
        }
        m_printId = idText(seed->event(m_a, 12, QStringLiteral("print_attempt"), {{"method", "shortcut"}}));
    }

    void similarSearchFindsTheSameTrajectoryFirst()
    {
        const auto r = ServiceFixture::wait(analysis->similarSessions({m_b, 2, {}}));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->matches.size(), 8); // 2 per question, 4 questions
        const auto &best = r->matches.first();
        QVERIFY(best.session.sessionId == idText(m_a) || best.session.sessionId == idText(m_d));
        QVERIFY2(best.similarity > 99.0, qPrintable(QString::number(best.similarity)));
        for (qsizetype i = 1; i < r->matches.size(); ++i)
            QVERIFY(r->matches[i - 1].distance <= r->matches[i].distance);
        for (const auto &m : r->matches)
            QVERIFY(m.session.sessionId != idText(m_c)); // the other shape never makes the top 2
        QCOMPARE(r->stats.candidates, qint64(12));       // three other sessions, four questions
        QCOMPARE(r->stats.prunedByLowerBounds + r->stats.abandoned + r->stats.completedDtw, qint64(12));

        const auto one = ServiceFixture::wait(analysis->similarSessions({m_c, 3, QStringLiteral("q2")}));
        QVERIFY(one);
        QCOMPARE(one->matches.size(), 3);
        for (const auto &m : one->matches) {
            QCOMPARE(m.questionId, QStringLiteral("q2"));
            QVERIFY(m.similarity < 90);
        }
        QCOMPARE(one->matches.first().session.candidateName, QStringLiteral("Первый Иван Иванович"));
    }

    void similarSearchLimits()
    {
        for (int k : {0, 101}) {
            const auto r = ServiceFixture::wait(analysis->similarSessions({m_a, k, {}}));
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::BadParameter);
            QCOMPARE(r.error().field, QStringLiteral("/k"));
        }
        const auto unknown = ServiceFixture::wait(analysis->similarSessions({QUuid::createUuid(), 10, {}}));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(unknown.error().field, QStringLiteral("/sessionId"));
    }

    void theSameTrajectoryAlignsCornerToCorner()
    {
        const auto r = ServiceFixture::wait(analysis->compareMouse({m_a, m_b, {}, 0}));
        QVERIFY(r);
        QCOMPARE(r->questions.size(), 4);
        for (const auto &q : r->questions) {
            QVERIFY2(q.alignment.similarity > 99.9, qPrintable(QString::number(q.alignment.similarity)));
            QVERIFY(!q.alignment.path.empty());
            QCOMPARE(q.alignment.path.front().i, std::size_t(0));
            QCOMPARE(q.alignment.path.back().i, q.a.series.size() - 1);
            QCOMPARE(q.alignment.path.back().j, q.b.series.size() - 1);
            QCOMPARE(q.a.info.inputPoints, std::size_t(120));
        }
        const auto other =
            ServiceFixture::wait(analysis->compareMouse({m_a, m_c, QStringLiteral("q3"), 0.1}));
        QVERIFY(other);
        QCOMPARE(other->questions.size(), 1);
        QVERIFY(other->questions.first().alignment.similarity < 90);

        const auto band = ServiceFixture::wait(analysis->compareMouse({m_a, m_b, {}, 1.5}));
        QVERIFY(!band);
        QCOMPARE(band.error().field, QStringLiteral("/band"));
        const auto unknown = ServiceFixture::wait(analysis->compareMouse({m_a, QUuid::createUuid(), {}, 0}));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    }

    void theSameRhythmScoresAsTheSameTypist()
    {
        const auto same = ServiceFixture::wait(analysis->compareKeyboard({m_a, m_b}));
        const auto other = ServiceFixture::wait(analysis->compareKeyboard({m_a, m_c}));
        QVERIFY(same && other);
        QVERIFY(same->score.comparable);
        QVERIFY2(same->score.score > 80 && other->score.score < 20,
                 qPrintable(QStringLiteral("%1 / %2").arg(same->score.score).arg(other->score.score)));
        QCOMPARE(same->a.keystrokes, qint64(200));
        QVERIFY(same->a.features.contains(QStringLiteral("dwell:*")));
        QCOMPARE(same->a.features.value(QStringLiteral("dwell:*")).count, qint64(200));
        for (const QString &name : same->a.features.keys())
            QVERIFY2(name.endsWith(QLatin1Char('*')), qPrintable(name)); // the overall rhythm only
    }

    void riskNamesTheEventsAndSessionsBehindEachFactor()
    {
        const auto r = ServiceFixture::wait(analysis->sessionRisk(m_a));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->level, 2); // high; the stored assessment (GET /sessions/{id}/risk reads it)
        QCOMPARE(r->violations.value(QStringLiteral("focus_loss")), qint64(6));
        QCOMPARE(r->awayMs, qint64(6000));
        QHash<QString, Collector::Storage::AssessmentRepository::StoredFactor> factors;
        for (const auto &factor : r->factors)
            factors.insert(factor.reason, factor);
        const auto strings = [&](const char *reason, const char *member) {
            QStringList out;
            for (const auto &id :
                 factors.value(QLatin1String(reason)).detail.value(QLatin1String(member)).toArray())
                out.append(id.toString());
            return out;
        };
        QVERIFY(factors.contains("risk.focus_losses"));
        QCOMPARE(strings("risk.focus_losses", "eventIds"), m_focusLossIds);
        QCOMPARE(strings("risk.print_attempts", "eventIds"), QStringList{m_printId});
        // B is another candidate with the same movements and rhythm; D is the same candidate on another
        // device and C someone else entirely: neither counts.
        const auto related = [&](const char *reason) { return strings(reason, "relatedSessionIds"); };
        QCOMPARE(related("risk.mouse_similarity"), QStringList{idText(m_b)});
        QCOMPARE(related("risk.same_typist"), QStringList{idText(m_b)});
        QCOMPARE(factors.value("risk.mouse_similarity").points, 35.0);
        QCOMPARE(r->score, 100); // 25 + 35 + 35 + 25, capped

        const auto calm = ServiceFixture::wait(analysis->sessionRisk(m_c));
        QVERIFY(calm);
        QCOMPARE(calm->level, 0);
        QVERIFY(calm->factors.empty());

        const auto unknown = ServiceFixture::wait(analysis->sessionRisk(QUuid::createUuid()));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QCOMPARE(unknown.error().field, QStringLiteral("id"));
    }

    void aDeviceSharedByTwoCandidatesIsFlagged()
    {
        const auto all = ServiceFixture::wait(analysis->deviceGroups(false));
        QVERIFY(all);
        QCOMPARE(all->groups.size(), 3); // a, c, d
        const DeviceGroup &shared = all->groups.first();
        QCOMPARE(shared.hash, QString(64, QLatin1Char('a')));
        QVERIFY(shared.sharedByCandidates);
        QCOMPARE(shared.sessionIds.size(), 2);
        QVERIFY(shared.sessionIds.contains(idText(m_a)) && shared.sessionIds.contains(idText(m_b)));
        QCOMPARE(shared.candidates.size(), 2);
        QCOMPARE(shared.candidates[0].id, m_first);
        QCOMPARE(shared.candidates[0].name, QStringLiteral("Первый Иван Иванович"));
        QCOMPARE(shared.candidates[1].id, m_second);
        QVERIFY(!all->groups[1].sharedByCandidates);

        const auto flagged = ServiceFixture::wait(analysis->deviceGroups(true));
        QVERIFY(flagged);
        QCOMPARE(flagged->groups.size(), 1);
        QCOMPARE(flagged->groups.first().hash, shared.hash);
        // The first candidate used two devices: listed whether or not only shared devices are asked for.
        QCOMPARE(flagged->multiDeviceCandidates.size(), 1);
        QCOMPARE(flagged->multiDeviceCandidates.first().candidate.id, m_first);
        QCOMPARE(flagged->multiDeviceCandidates.first().hashes,
                 (QStringList{QString(64, QLatin1Char('a')), QString(64, QLatin1Char('d'))}));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisService)
#include "tst_analysisservice.moc"
