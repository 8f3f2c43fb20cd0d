// SPDX-License-Identifier: MIT
// `proctor-collector serve`: composes the long-running service and runs the event loop.
#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include "app/signalwatcher.h"
#include "auth/adminauthenticator.h"
#include "auth/adminloginthrottle.h"
#include "auth/apikeyauthenticator.h"
#include "auth/ratelimiter.h"
#include "auth/sessiontoken.h"
#include "cli/commands.h"
#include "contract/contractvalidator.h"
#include "http/httpserver.h"
#include "http/routes/adminguard.h"
#include "http/routes/analysisroutes.h"
#include "http/routes/attemptpolicyroutes.h"
#include "http/routes/candidateexportroutes.h"
#include "http/routes/positionroutes.h"
#include "http/routes/authroutes.h"
#include "http/routes/healthroutes.h"
#include "http/routes/pagecontext.h"
#include "http/routes/pageguard.h"
#include "http/routes/riskroutes.h"
#include "live/changepublisher.h"
#include "live/livedispatcher.h"
#include "live/livehub.h"
#include "redis/redisclient.h"
#include "logging/log.h"
#include "observability/metrics.h"
#include "services/adminpasswordservice.h"
#include "services/adminservice.h"
#include "services/analysisservice.h"
#include "services/apikeyservice.h"
#include "services/assessmentmaintainer.h"
#include "services/assessmentservice.h"
#include "services/attemptpolicyservice.h"
#include "services/positionservice.h"
#include "services/auditservice.h"
#include "services/authservice.h"
#include "services/candidateerasureservice.h"
#include "services/candidateexportservice.h"
#include "services/certificateservice.h"
#include "services/ingestservice.h"
#include "services/resultservice.h"
#include "services/retentionservice.h"
#include "services/reviewcaseservice.h"
#include "services/reviewservice.h"
#include "services/sessionservice.h"
#include "services/rosterservice.h"
#include "services/settingsservice.h"
#include "services/testservice.h"
#include "storage/dbpool.h"
#include "storage/eventwriter.h"
#include "storage/reviewcache.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Cli {
namespace {
constexpr int kDbPoolThreads = 4;
}

int runServe(const Config &config, const QStringList &)
{
    Metrics metrics;
    Http::Router router;
    const Contract::ContractValidator validator;

    Redis::RedisClient redis(config.redis);
    redis.start();
    Redis::RedisClient subscriber(config.redis); // subscriber mode needs its own connection
    subscriber.start();

    Storage::DbPool db(config.databaseUrl, kDbPoolThreads);
    Storage::TestCatalog tests(db);
    Storage::EventWriter events(
        config.databaseUrl, {config.writerConnections, config.groupCommitMaxRows, config.eventQueueMaxRows},
        metrics);

    Auth::ApiKeyAuthenticator apiKeys(db, redis);
    Auth::RateLimiter limiter(redis);
    const Auth::SessionTokenSigner tokens(config.sessionSecret);
    Http::PageGuard guard(apiKeys, limiter, tokens, Http::PageGuardLimits::fromConfig(config));
    Live::ChangePublisher publisher(redis);
    Auth::AdminAuthenticator admins(db);
    Auth::AdminLoginThrottle loginThrottle(redis,
                                           {config.loginFailuresPerAccount, config.loginFailuresPerAddress,
                                            config.loginFailureWindowSeconds, config.loginDelayMaxSeconds});
    Storage::ReviewCache reviewCache(redis, config.reviewCacheTtlSeconds);
    Live::LiveHub liveHub(admins, metrics);

    // Every change announced on Redis, by any instance, lands here; while Redis is down this instance's own
    // changes are delivered here directly.
    Live::LiveDispatcher dispatcher(apiKeys, reviewCache, liveHub);
    const auto deliver = [&dispatcher](const QByteArray &payload) { dispatcher.dispatch(payload); };
    subscriber.subscribe(Live::kLiveChannel, deliver);
    publisher.setLocalDelivery(deliver);

    // Stored risk assessments follow the data: the writer notes the sessions each commit touched (after
    // acknowledging), the maintainer queues and re-assesses them on its own thread and connection.
    Services::AssessmentMaintainer::Options assessment;
    assessment.busyShare =
        std::min(1.0, config.assessmentCpuPercent / 100.0 * std::max(1, QThread::idealThreadCount()));
    assessment.underPressure = [&events] { return events.queuedRows() > 0; };
    Services::AssessmentMaintainer maintainer(config.databaseUrl, publisher, assessment);
    events.setCommitObserver([&maintainer](const std::vector<QUuid> &ids) { maintainer.noteChanged(ids); });
    maintainer.start();
    events.start();

    Http::HealthRoutes health(config.databaseUrl, redis, metrics, config.metricsToken);
    health.registerOn(router);
    Services::TestService testService(db, tests);
    Services::SessionService sessions(db, tests, tokens, publisher, config.sessionTtlSeconds);
    // Unfinished attempts whose time ran out are closed (and counted) even if the candidate never returns.
    QTimer attemptSweep;
    attemptSweep.setInterval(60 * 1000);
    QObject::connect(&attemptSweep, &QTimer::timeout, [&sessions] { sessions.expireOverdue(); });
    attemptSweep.start();
    // Partitions for the coming months and retention: every instance asks, one at a time does the work
    // (advisory lock). The first run comes soon after the start, so a new month never waits an interval.
    // pg_partman's maintenance creates and drops partitions: the schema owner's connection when the service
    // itself runs as the restricted application role.
    std::unique_ptr<Storage::DbPool> ownerDb;
    if (!config.migrationDatabaseUrl.isEmpty())
        ownerDb = std::make_unique<Storage::DbPool>(config.migrationDatabaseUrl, 1);
    Services::RetentionService retention(ownerDb ? *ownerDb : db, config.retentionMonths);
    const Services::Actor retentionActor{std::nullopt, QStringLiteral("system:retention"), {}};
    const auto maintain = [&retention, &retentionActor] {
        // Not awaited: the event loop goes on; the result is only logged (on the database thread).
        auto run = retention.runScheduled(retentionActor);
        run.then([](const Expected<Services::MaintenanceRun> &r) {
            if (!r) {
                Log::warning(u"partition maintenance failed", {{"error", r.error().message}});
                return;
            }
            if (r->skipped)
                return;
            if (!r->createdPartitions.isEmpty() || r->rescuedRows > 0)
                Log::info(u"event partitions made", {{"created", r->createdPartitions.join(u',')},
                                                     {"rows_moved_from_default", r->rescuedRows}});
            if (r->purge && r->purge->deletedAnything())
                Log::info(u"retention purge", {{"cutoff", r->purge->cutoff.toString(Qt::ISODate)},
                                               {"partitions", r->purge->partitions.join(u',')},
                                               {"events", r->purge->events},
                                               {"sessions", r->purge->sessions},
                                               {"audit_id", r->purge->auditId}});
        });
    };
    QTimer partitionMaintenance;
    partitionMaintenance.setInterval(config.partitionMaintenanceSeconds * 1000);
    QObject::connect(&partitionMaintenance, &QTimer::timeout, maintain);
    partitionMaintenance.start();
    QTimer::singleShot(5000, &partitionMaintenance, maintain);
    Services::IngestService ingest(events, publisher);
    Services::ResultService results(db, tests, publisher, metrics, config.publicUrl);
    Services::CertificateService certificates(db, publisher);
    Services::SettingsService settingsService(db);
    Http::AdminGuard adminGuard(admins);
    Http::PageContext page{config, guard,   validator,    testService,     sessions,
                           ingest, results, certificates, settingsService, adminGuard};
    Http::registerTestRoutes(router, page);
    Http::registerSessionRoutes(router, page);
    Http::registerEventRoutes(router, page);
    Http::registerResultRoutes(router, page);
    Http::registerCertificateRoutes(router, page);
    Http::registerStaticRoutes(router, page);
    Services::ApiKeyService apiKeyService(db, publisher);
    Services::AdminService adminService(db);
    Services::CandidateErasureService candidateErasure(db, publisher);
    Services::AuditService auditService(db);
    // Review reads may come from a replica (PROCTOR_REVIEW_DATABASE_URL): they tolerate the replication
    // delay, and take their load off the primary that ingest writes to. Every write stays on `db`.
    std::unique_ptr<Storage::DbPool> reviewDb;
    if (!config.reviewDatabaseUrl.isEmpty())
        reviewDb = std::make_unique<Storage::DbPool>(config.reviewDatabaseUrl, kDbPoolThreads);
    Storage::DbPool &reviewReads = reviewDb ? *reviewDb : db;
    Services::ReviewService reviews(reviewReads, tests);
    Services::AnalysisService analysis(db, reviewReads);
    Services::RosterService rosters(db, tests);
    Http::AdminContext admin{adminGuard,   apiKeys,         reviewCache,      apiKeyService,
                             adminService, settingsService, candidateErasure, auditService,
                             reviews,      analysis,        certificates,     rosters};
    Services::AuthService auth(db, loginThrottle, publisher, config.adminTokenTtlSeconds);
    Http::registerAuthRoutes(router, adminGuard, auth);
    Http::registerReviewRoutes(router, admin);
    Http::registerManagementRoutes(router, admin);
    Http::registerLiveRoutes(router, admin);
    Http::registerAnalysisRoutes(router, admin);
    Services::AttemptPolicyService attemptPolicies(db, tests);
    Http::registerAttemptPolicyRoutes(router, admin, attemptPolicies);
    Services::PositionService positions(db);
    Http::registerPositionRoutes(router, guard, adminGuard, positions);
    Http::registerRosterRoutes(router, admin);
    Services::CandidateExportService candidateExports(db);
    Http::registerCandidateExportRoutes(router, admin, candidateExports);
    Services::ReviewCaseService reviewCases(db, publisher);
    Http::registerReviewCaseRoutes(router, admin, reviewCases);
    Services::AdminPasswordService adminPasswords(db);
    Http::registerAdminPasswordRoutes(router, admin, adminPasswords);
    Services::AssessmentService assessments(db, publisher);
    Http::registerRiskRoutes(router, admin, assessments);

    Http::HttpLimits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    limits.requestTimeoutMs = config.requestTimeoutMs;
    limits.maxConnections = config.maxConnections;
    limits.maxPendingOutputBytes = config.httpMaxPendingOutputBytes;
    limits.maxUnparsedInputBytes = config.httpMaxUnparsedInputBytes;
    limits.writeStallTimeoutMs = config.httpWriteStallTimeoutMs;
    Http::HttpServer server(limits, router, metrics);
    server.setTrustedProxies(config.trustedProxies);
    server.setUpgradeHandler([&liveHub](QTcpSocket *socket, const QByteArray &head) {
        return liveHub.takeConnection(socket, head);
    });
    const auto port = server.listen(config.httpHost, config.httpPort);
    if (!port) {
        Log::error(u"cannot start", {{"error", port.error()}});
        return 1;
    }
    Log::info(u"listening", {{"address", QStringLiteral("%1:%2").arg(config.httpHost.toString()).arg(*port)},
                             {"port", int(*port)}});

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, qApp, [&](int sig) {
        Log::info(u"stopping", {{"signal", sig}});
        server.stopListening();
        // Commit what is queued and let the answers go out before leaving.
        events.stop();
        maintainer.stop();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 300)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    events.stop();
    maintainer.stop();
    return rc;
}

} // namespace Proctor::Collector::Cli
