// SPDX-License-Identifier: MIT
// Review endpoints (proctor and admin): results, session detail, timeline, telemetry, abandoned sessions,
// certificate registry, dashboard, search. Each parses its parameters, asks Services::ReviewService and
// encodes the answer (http/json/). The dashboard and first result pages are served from the shared Redis
// cache (storage/reviewcache.h) as encoded bytes: the service names what may be cached, this edge stores
// the answer it sent, so a hit costs no database work and no encoding.
#include "http/json/abandonedjson.h"
#include "http/json/certificatelistjson.h"
#include "http/json/dashboardjson.h"
#include "http/json/resultlistjson.h"
#include "http/json/searchjson.h"
#include "http/json/sessiondetailjson.h"
#include "http/json/sessioneventsjson.h"
#include "http/json/sessiontelemetryjson.h"
#include "http/pathparams.h"
#include "http/router.h"
#include "http/routes/adminguard.h"
#include "http/routes/resultexportstream.h"
#include "http/routes/reviewparams.h"
#include "services/reviewservice.h"
#include "storage/reviewcache.h"

namespace Proctor::Collector::Http {
namespace {

// The service's answer encoded where it was computed (a database thread), not on the HTTP thread.
template <typename T> QFuture<Expected<QJsonObject>> encoded(QFuture<Expected<T>> answer)
{
    return answer.then([](Expected<T> result) -> Expected<QJsonObject> {
        if (!result)
            return tl::unexpected(result.error());
        return Json::toJson(*result);
    });
}

template <typename T> void answer(const Responder &res, QFuture<Expected<T>> future)
{
    encoded(std::move(future)).then([res](Expected<QJsonObject> result) {
        res.send(result ? HttpResponse::json(200, *result) : HttpResponse::error(result.error()));
    });
}

// Serves `key` from the cache, or asks `read` and stores the encoded answer under the generation seen
// before reading (an invalidation meanwhile leaves it under a generation nobody reads any more).
void cached(AdminContext &ctx, const Responder &res, const QByteArray &key,
            std::function<QFuture<Expected<QJsonObject>>()> read)
{
    ctx.cache.get(key, [&ctx, res, key, read = std::move(read)](const Storage::ReviewCache::Lookup &hit) {
        if (hit.value) {
            HttpResponse r = HttpResponse::text(200, *hit.value, "application/json");
            r.setHeader("X-Cache", "hit");
            res.send(std::move(r));
            return;
        }
        const QByteArray generation = hit.generation;
        read().then(&ctx.cache, [&ctx, res, key, generation](Expected<QJsonObject> result) {
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
                       if (const auto key = Services::ReviewService::resultsCacheKey(*filter, *page))
                           cached(ctx, res, *key, [&ctx, f = *filter, p = *page] {
                               return encoded(ctx.reviews.results(f, p));
                           });
                       else
                           answer(res, ctx.reviews.results(*filter, *page));
                   });
               });

    // The whole filtered list as CSV, streamed (http/routes/resultexportstream.h). Never cached.
    router.add("GET", QStringLiteral("/api/v1/results/export.csv"),
               [&ctx, proctor](const HttpRequest &req, const Responder &res) {
                   ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
                       const auto filter = ReviewParams::resultFilter(req);
                       const auto format = ReviewParams::csvFormat(req);
                       if (!filter || !format) {
                           res.send(HttpResponse::error(!filter ? filter.error() : format.error()));
                           return;
                       }
                       HttpResponse r;
                       r.setHeader("Content-Type", "text/csv; charset=utf-8");
                       r.setHeader("Content-Disposition", "attachment; filename=\"results.csv\"");
                       r.setHeader("Cache-Control", "no-store");
                       r.stream =
                           std::make_shared<ResultExportStream>(ctx.reviews, *filter, format->semicolon);
                       res.send(std::move(r));
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
                       answer(res, ctx.reviews.abandoned(query->kind, query->idleMinutes, *page));
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
                       answer(res, ctx.reviews.session(*id));
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
                       answer(res, ctx.reviews.events(id, *page));
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
                       answer(res, ctx.reviews.telemetry(*id));
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
                       answer(res, ctx.reviews.certificates(*filter, *page));
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
                       cached(ctx, res, Services::ReviewService::dashboardCacheKey(*days),
                              [&ctx, days = *days] { return encoded(ctx.reviews.dashboard(days)); });
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
                       answer(res, ctx.reviews.search(*q));
                   });
               });
}

} // namespace Proctor::Collector::Http
