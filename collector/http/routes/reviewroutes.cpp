// SPDX-License-Identifier: MIT
// Review endpoints (proctor and admin): results, session detail, timeline, telemetry, abandoned sessions,
// certificate registry, dashboard, search. Dashboard and first result pages go through the Redis cache.
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include "http/router.h"
#include "http/routes/adminguard.h"
#include "storage/dbpool.h"
#include "storage/reviewcache.h"
#include "storage/reviewdashboard.h"
#include "storage/reviewrepository.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Http {
namespace {

Error badParameter(const QString &name, const QString &message) { return Error{ErrorCode::BadParameter, message, name, 0}; }

void sendJson(const Responder &res, const Expected<QJsonObject> &result)
{
    res.send(result ? HttpResponse::json(200, *result) : HttpResponse::error(result.error()));
}

// Runs a read on a database thread and answers with its JSON.
void answer(AdminContext &ctx, const Responder &res, std::function<Expected<QJsonObject>(pqxx::connection &)> work)
{
    ctx.db.run<QJsonObject>(std::move(work)).then([res](Expected<QJsonObject> result) { sendJson(res, result); });
}

// Serves `key` from the cache, or computes it and stores it under the generation seen before computing.
void cached(AdminContext &ctx, const Responder &res, const QByteArray &key,
            std::function<Expected<QJsonObject>(pqxx::connection &)> work)
{
    ctx.cache.get(key, [&ctx, res, key, work = std::move(work)](const Storage::ReviewCache::Lookup &hit) mutable {
        if (hit.value) {
            HttpResponse r = HttpResponse::text(200, *hit.value, "application/json");
            r.setHeader("X-Cache", "hit");
            res.send(std::move(r));
            return;
        }
        const QByteArray generation = hit.generation;
        ctx.db.run<QJsonObject>(std::move(work)).then(&ctx.cache, [&ctx, res, key, generation](Expected<QJsonObject> result) {
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

Expected<QUuid> sessionIdParam(const HttpRequest &req)
{
    const QUuid id = QUuid::fromString(req.pathParams.value(QStringLiteral("id")));
    if (id.isNull())
        return tl::unexpected(badParameter(QStringLiteral("id"), QStringLiteral("session id must be a UUID")));
    return id;
}

Expected<std::optional<QDate>> dateParam(const HttpRequest &req, const QString &name)
{
    const QString raw = req.queryValue(name);
    if (raw.isEmpty())
        return std::optional<QDate>();
    const QDate d = QDate::fromString(raw, Qt::ISODate);
    if (!d.isValid() || raw.size() != 10)
        return tl::unexpected(badParameter(name, QStringLiteral("%1 must be a date like 2026-11-01").arg(name)));
    return std::optional<QDate>(d);
}

Expected<Storage::ResultFilter> resultFilter(const HttpRequest &req)
{
    Storage::ResultFilter f;
    f.testId = req.queryValue(QStringLiteral("test")).trimmed();
    static const QRegularExpression testIdFormat(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!f.testId.isEmpty() && !testIdFormat.match(f.testId).hasMatch())
        return tl::unexpected(badParameter(QStringLiteral("test"), QStringLiteral("not a test id")));
    auto from = dateParam(req, QStringLiteral("from"));
    if (!from)
        return tl::unexpected(from.error());
    auto to = dateParam(req, QStringLiteral("to"));
    if (!to)
        return tl::unexpected(to.error());
    f.from = *from;
    f.to = *to;
    const QString passed = req.queryValue(QStringLiteral("passed"));
    if (passed == QLatin1String("true"))
        f.passed = true;
    else if (passed == QLatin1String("false"))
        f.passed = false;
    else if (!passed.isEmpty())
        return tl::unexpected(badParameter(QStringLiteral("passed"), QStringLiteral("passed must be true or false")));
    f.query = req.queryValue(QStringLiteral("q")).simplified();
    if (f.query.size() > 200)
        return tl::unexpected(badParameter(QStringLiteral("q"), QStringLiteral("q is at most 200 characters")));
    f.risk = req.queryValue(QStringLiteral("risk"));
    if (!f.risk.isEmpty() && f.risk != QLatin1String("low") && f.risk != QLatin1String("medium") && f.risk != QLatin1String("high"))
        return tl::unexpected(badParameter(QStringLiteral("risk"), QStringLiteral("risk must be low, medium or high")));
    f.fingerprint = req.queryValue(QStringLiteral("fingerprint"));
    static const QRegularExpression hashFormat(QStringLiteral("^[0-9a-f]{64}$"));
    if (!f.fingerprint.isEmpty() && !hashFormat.match(f.fingerprint).hasMatch())
        return tl::unexpected(badParameter(QStringLiteral("fingerprint"), QStringLiteral("fingerprint must be 64 lowercase hex digits")));
    const QString sort = req.queryValue(QStringLiteral("sort"));
    if (!sort.isEmpty() && sort != QLatin1String("finished") && sort != QLatin1String("score"))
        return tl::unexpected(badParameter(QStringLiteral("sort"), QStringLiteral("sort must be finished or score")));
    if (!sort.isEmpty())
        f.sort = sort;
    return f;
}

QByteArray resultsCacheKey(const Storage::ResultFilter &f, int limit)
{
    const QByteArray canonical = QJsonDocument(QJsonObject{
        {QStringLiteral("test"), f.testId},
        {QStringLiteral("from"), f.from ? f.from->toString(Qt::ISODate) : QString()},
        {QStringLiteral("to"), f.to ? f.to->toString(Qt::ISODate) : QString()},
        {QStringLiteral("passed"), f.passed ? QJsonValue(*f.passed) : QJsonValue()},
        {QStringLiteral("q"), f.query},
        {QStringLiteral("risk"), f.risk},
        {QStringLiteral("fingerprint"), f.fingerprint},
        {QStringLiteral("sort"), f.sort},
        {QStringLiteral("limit"), limit}}).toJson(QJsonDocument::Compact);
    return "results:" + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(32);
}

} // namespace

void registerReviewRoutes(Router &router, AdminContext &ctx)
{
    const auto proctor = Auth::AdminRole::Proctor;

    router.add("GET", QStringLiteral("/api/v1/results"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const auto filter = resultFilter(req);
            const auto page = pageRequest(req);
            if (!filter || !page) {
                res.send(HttpResponse::error(!filter ? filter.error() : page.error()));
                return;
            }
            auto work = [f = *filter, p = *page](pqxx::connection &c) { return Storage::ReviewRepository::results(c, f, p); };
            if (page->after) // later pages are cheap keyset reads, and there are too many of them to cache
                answer(ctx, res, work);
            else
                cached(ctx, res, resultsCacheKey(*filter, page->limit), work);
        });
    });

    // Before /sessions/{id}: the router takes the first template that matches.
    router.add("GET", QStringLiteral("/api/v1/sessions/abandoned"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const QString kind = req.queryValue(QStringLiteral("kind")).isEmpty() ? QStringLiteral("test") : req.queryValue(QStringLiteral("kind"));
            if (kind != QLatin1String("test") && kind != QLatin1String("study")) {
                res.send(HttpResponse::error(badParameter(QStringLiteral("kind"), QStringLiteral("kind must be test or study"))));
                return;
            }
            int idle = 0;
            if (const QString raw = req.queryValue(QStringLiteral("idleMinutes")); !raw.isEmpty()) {
                bool ok = false;
                idle = raw.toInt(&ok);
                if (!ok || idle < 0 || idle > 525600) {
                    res.send(HttpResponse::error(badParameter(QStringLiteral("idleMinutes"), QStringLiteral("idleMinutes must be 0..525600"))));
                    return;
                }
            }
            const auto page = pageRequest(req);
            if (!page) {
                res.send(HttpResponse::error(page.error()));
                return;
            }
            answer(ctx, res, [kind, idle, p = *page](pqxx::connection &c) { return Storage::ReviewRepository::abandoned(c, kind, idle, p); });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const auto id = sessionIdParam(req);
            if (!id) {
                res.send(HttpResponse::error(id.error()));
                return;
            }
            answer(ctx, res, [&ctx, id = *id](pqxx::connection &c) { return Storage::ReviewRepository::session(c, ctx.tests, id); });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/events"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
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
            answer(ctx, res, [id, p = *page](pqxx::connection &c) { return Storage::ReviewRepository::events(c, id, p); });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/sessions/{id}/telemetry"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const auto id = sessionIdParam(req);
            if (!id) {
                res.send(HttpResponse::error(id.error()));
                return;
            }
            answer(ctx, res, [id = *id](pqxx::connection &c) { return Storage::ReviewRepository::telemetry(c, id); });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/certificates"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            Storage::CertificateFilter f;
            auto intParam = [&](const QString &name, int min, int max, std::optional<int> &out) -> bool {
                const QString raw = req.queryValue(name);
                if (raw.isEmpty())
                    return true;
                bool ok = false;
                const int v = raw.toInt(&ok);
                if (!ok || v < min || v > max) {
                    res.send(HttpResponse::error(badParameter(name, QStringLiteral("%1 must be %2..%3").arg(name).arg(min).arg(max))));
                    return false;
                }
                out = v;
                return true;
            };
            if (!intParam(QStringLiteral("year"), 2000, 2999, f.year) || !intParam(QStringLiteral("month"), 1, 12, f.month))
                return;
            if (f.month && !f.year) {
                res.send(HttpResponse::error(badParameter(QStringLiteral("month"), QStringLiteral("month needs year"))));
                return;
            }
            const QString sort = req.queryValue(QStringLiteral("sort"));
            if (!sort.isEmpty()) {
                if (!QStringList{QStringLiteral("issued"), QStringLiteral("number"), QStringLiteral("holder"), QStringLiteral("score")}.contains(sort)) {
                    res.send(HttpResponse::error(badParameter(QStringLiteral("sort"), QStringLiteral("sort must be issued, number, holder or score"))));
                    return;
                }
                f.sort = sort;
            }
            const QString order = req.queryValue(QStringLiteral("order"));
            if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc")) {
                res.send(HttpResponse::error(badParameter(QStringLiteral("order"), QStringLiteral("order must be asc or desc"))));
                return;
            }
            f.ascending = order == QLatin1String("asc");
            const auto page = pageRequest(req);
            if (!page) {
                res.send(HttpResponse::error(page.error()));
                return;
            }
            answer(ctx, res, [f, p = *page](pqxx::connection &c) { return Storage::ReviewRepository::certificates(c, f, p); });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/dashboard"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            int days = 30;
            if (const QString raw = req.queryValue(QStringLiteral("days")); !raw.isEmpty()) {
                bool ok = false;
                days = raw.toInt(&ok);
                if (!ok || days < 1 || days > 366) {
                    res.send(HttpResponse::error(badParameter(QStringLiteral("days"), QStringLiteral("days must be 1..366"))));
                    return;
                }
            }
            cached(ctx, res, "dashboard:" + QByteArray::number(days), [days](pqxx::connection &c) -> Expected<QJsonObject> {
                return Storage::ReviewDashboard::compute(c, days);
            });
        });
    });

    router.add("GET", QStringLiteral("/api/v1/search"), [&ctx, proctor](const HttpRequest &req, const Responder &res) {
        ctx.guard.withAdmin(req, res, proctor, [&ctx, req, res](const Auth::AdminIdentity &) {
            const QString q = req.queryValue(QStringLiteral("q")).simplified();
            if (q.size() < 2 || q.size() > 200) {
                res.send(HttpResponse::error(badParameter(QStringLiteral("q"), QStringLiteral("q must be 2..200 characters"))));
                return;
            }
            answer(ctx, res, [q](pqxx::connection &c) { return Storage::ReviewRepository::search(c, q); });
        });
    });
}

} // namespace Proctor::Collector::Http
