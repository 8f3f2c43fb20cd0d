// SPDX-License-Identifier: MIT
// Review endpoints (proctor and admin): results, session detail, timeline, telemetry, abandoned sessions,
// certificate registry, dashboard, search. Dashboard and first result pages go through the Redis cache.
#include <QCryptographicHash>
#include <QJsonDocument>

#include "http/pathparams.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/reviewparams.h"
#include "storage/dbpool.h"
#include "storage/reviewcache.h"
#include "storage/reviewdashboard.h"
#include "storage/reviewrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Http {
namespace {

void sendJson(const Responder &res, const Expected<QJsonObject> &result)
{
    res.send(result ? HttpResponse::json(200, *result) : HttpResponse::error(result.error()));
}

// Runs a read on a database thread and answers with its JSON.
void answer(AdminContext &ctx, const Responder &res,
            std::function<Expected<QJsonObject>(pqxx::connection &)> work)
{
    ctx.db.run<QJsonObject>(std::move(work)).then([res](Expected<QJsonObject> result) {
        sendJson(res, result);
    });
}

// Serves `key` from the cache, or computes it and stores it under the generation seen before computing.
void cached(AdminContext &ctx, const Responder &res, const QByteArray &key,
            std::function<Expected<QJsonObject>(pqxx::connection &)> work)
{
    ctx.cache.get(key,
                  [&ctx, res, key, work = std::move(work)](const Storage::ReviewCache::Lookup &hit) mutable {
                      if (hit.value) {
                          HttpResponse r = HttpResponse::text(200, *hit.value, "application/json");
                          r.setHeader("X-Cache", "hit");
                          res.send(std::move(r));
                          return;
                      }
                      const QByteArray generation = hit.generation;
                      ctx.db.run<QJsonObject>(std::move(work))
                          .then(&ctx.cache, [&ctx, res, key, generation](Expected<QJsonObject> result) {
                              if (!result) {
                                  res.send(HttpResponse::error(result.error()));
                                  return;
                              }
                              HttpResponse r = HttpResponse::json(200, *result);
                              r.setHeader("X-Cache", "miss");
                              ctx.cache.put(key, generation, r.body);
                              res.send(std::move(r));
                          });
                  });
}

QByteArray resultsCacheKey(const Storage::ResultFilter &f, int limit)
{
    const QByteArray canonical =
        QJsonDocument(
            QJsonObject{{QStringLiteral("test"), f.testId},
                        {QStringLiteral("from"), f.from ? f.from->toString(Qt::ISODate) : QString()},
                        {QStringLiteral("to"), f.to ? f.to->toString(Qt::ISODate) : QString()},
                        {QStringLiteral("passed"), f.passed ? QJsonValue(*f.passed) : QJsonValue()},
                        {QStringLiteral("q"), f.query},
                        {QStringLiteral("risk"), f.risk},
                        {QStringLiteral("fingerprint"), f.fingerprint},
                        {QStringLiteral("sort"), f.sort},
                        {QStringLiteral("limit"), limit}})
            .toJson(QJsonDocument::Compact);
    return "results:" + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(32);
}

} // namespace

void registerReviewRoutes(Router &router, AdminContext &ctx)
{
    const auto proctor = Auth::AdminRole::Proctor;

    router.add("GET", QStringLiteral("/api/v1/results"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto filter = ReviewParams::resultFilter(req);
                       const auto page = pageRequest(req);
                       if (!filter || !page) {
                           res.send(HttpResponse::error(!filter ? filter.error() : page.error()));
                           return;
                       }
                       auto work = [f = *filter, p = *page](pqxx::connection &c) {
                           return Storage::ReviewRepository::results(c, f, p);
                       };
                       if (page->after) // later pages are cheap keyset reads, and there are too many of them
                                        // to cache
                           answer(ctx, res, work);
                       else
                           cached(ctx, res, resultsCacheKey(*filter, page->limit), work);
                   });
               });

    // Before /sessions/{id}: the router takes the first template that matches.
    router.add("GET", QStringLiteral("/api/v1/sessions/abandoned"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto query = ReviewParams::abandonedQuery(req);
                       const auto page = pageRequest(req);
                       if (!query || !page) {
                           res.send(HttpResponse::error(!query ? query.error() : page.error()));
                           return;
                       }
                       answer(ctx, res, [q = *query, p = *page](pqxx::connection &c) {
                           return Storage::ReviewRepository::abandoned(c, q.kind, q.idleMinutes, p);
                       });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto id = sessionIdParam(req);
                       if (!id) {
                           res.send(HttpResponse::error(id.error()));
                           return;
                       }
                       answer(ctx, res, [&ctx, id = *id](pqxx::connection &c) {
                           return Storage::ReviewRepository::session(c, ctx.tests, id);
                       });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/events"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto sid = sessionIdParam(req);
                       if (!sid) {
                           res.send(HttpResponse::error(sid.error()));
                           return;
                       }
                       const QUuid id = *sid;
                       auto page = pageRequest(req);
                       if (!page) {
                           res.send(HttpResponse::error(page.error()));
                           return;
                       }
                       // A timeline is read whole: a larger default page than the lists.
                       if (req.queryValue(QStringLiteral("limit")).isEmpty())
                           page->limit = 500;
                       answer(ctx, res, [id, p = *page](pqxx::connection &c) {
                           return Storage::ReviewRepository::events(c, id, p);
                       });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/telemetry"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto id = sessionIdParam(req);
                       if (!id) {
                           res.send(HttpResponse::error(id.error()));
                           return;
                       }
                       answer(ctx, res, [id = *id](pqxx::connection &c) {
                           return Storage::ReviewRepository::telemetry(c, id);
                       });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/certificates"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto filter = ReviewParams::certificateFilter(req);
                       const auto page = pageRequest(req);
                       if (!filter || !page) {
                           res.send(HttpResponse::error(!filter ? filter.error() : page.error()));
                           return;
                       }
                       answer(ctx, res, [f = *filter, p = *page](pqxx::connection &c) {
                           return Storage::ReviewRepository::certificates(c, f, p);
                       });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/dashboard"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto days = ReviewParams::dashboardDays(req);
                       if (!days) {
                           res.send(HttpResponse::error(days.error()));
                           return;
                       }
                       cached(ctx, res, "dashboard:" + QByteArray::number(*days),
                              [days = *days](pqxx::connection &c) -> Expected<QJsonObject> {
                                  return Storage::ReviewDashboard::compute(c, days);
                              });
                   });
               });

    router.add("GET", QStringLiteral("/api/v1/search"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto q = ReviewParams::searchText(req);
                       if (!q) {
                           res.send(HttpResponse::error(q.error()));
                           return;
                       }
                       answer(ctx, res, [q = *q](pqxx::connection &c) {
                           return Storage::ReviewRepository::search(c, q);
                       });
                   });
               });
}

} // namespace Proctor::Collector::Http
