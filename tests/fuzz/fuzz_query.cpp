// SPDX-License-Identifier: MIT
// The request target as the collector reads it: Router::match over the route table the collector registers
// (read from collector/http/routes at configure time), HttpRequest::queryValue for every parameter a route
// reads, and the admin API's page request (limit, cursor) with its cursor codec and the review filters. The
// input is a request target ("/path?query"); its first byte also picks the method.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QStringList>

#include "fuzzroutes.h"
#include "http/httprequest.h"
#include "http/pathparams.h"
#include "http/router.h"
#ifdef PROCTOR_FUZZ_ADMIN
#include "http/routes/adminguard.h"
#include "http/routes/reviewparams.h"
#include "storage/reviewcursor.h"
#endif

using namespace Proctor;
using namespace Proctor::Collector::Http;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_query: invariant broken: %s\n", what);
        std::abort();
    }
}

const Router &router()
{
    static const Router r = [] {
        Router built;
        const Handler none = [](const HttpRequest &, const Responder &) {};
        for (const FuzzRoute &route : kFuzzRoutes)
            built.add(route.method, QString::fromLatin1(route.pathTemplate), none);
        built.setFallback(none);
        return built;
    }();
    return r;
}

// Every query parameter some route reads.
const QStringList kParameters = {
    QStringLiteral("limit"),       QStringLiteral("cursor"),  QStringLiteral("test"),
    QStringLiteral("from"),        QStringLiteral("to"),      QStringLiteral("passed"),
    QStringLiteral("q"),           QStringLiteral("risk"),    QStringLiteral("fingerprint"),
    QStringLiteral("sort"),        QStringLiteral("order"),   QStringLiteral("kind"),
    QStringLiteral("idleMinutes"), QStringLiteral("year"),    QStringLiteral("month"),
    QStringLiteral("days"),        QStringLiteral("flagged"), QStringLiteral("action"),
    QStringLiteral("token"),       QStringLiteral("number"),
};

constexpr const char *kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

#ifdef PROCTOR_FUZZ_ADMIN
// A refusal names one of the parameters; an accepted value is one the repository can use as it is.
template <typename T> bool refusedProperly(const Expected<T> &r, const QStringList &names)
{
    if (r)
        return false;
    check(r.error().code == ErrorCode::BadParameter, "a review parameter failing with another code");
    check(names.contains(r.error().field), "a refusal that names no parameter of the request");
    return true;
}

void checkReviewParams(HttpRequest request, const Router::Match &match)
{
    namespace RP = Collector::Http::ReviewParams;
    request.pathParams = match.params;
    if (const auto id = Collector::Http::sessionIdParam(request);
        !refusedProperly(id, {QStringLiteral("id")}))
        check(!id->isNull(), "a null session id accepted");

    const auto results = RP::resultFilter(request);
    if (!refusedProperly(results, {QStringLiteral("test"), QStringLiteral("from"), QStringLiteral("to"),
                                   QStringLiteral("passed"), QStringLiteral("q"), QStringLiteral("risk"),
                                   QStringLiteral("review"), QStringLiteral("fingerprint"),
                                   QStringLiteral("sort"), QStringLiteral("order")})) {
        check(results->testIds.size() <= RP::kMaxListItems, "too many test ids");
        for (const QString &t : results->testIds)
            check(!t.isEmpty() && t.size() <= 64, "a test id that is empty or over 64 characters");
        check(results->query.size() <= RP::kMaxSearchLength, "a search over the length limit");
        for (int level : results->riskLevels)
            check(level >= 0 && level <= 2, "an unknown risk level");
        for (int state : results->reviewStates)
            check(state >= 0 && state <= 3, "an unknown review state");
        check(results->fingerprint.isEmpty() || results->fingerprint.size() == 64,
              "a fingerprint that is not 64 hex digits");
        check(QStringList{"finished", "score", "risk", "duration", "candidate"}.contains(results->sort),
              "an unknown result sort");
        check((!results->from || results->from->isValid()) && (!results->to || results->to->isValid()),
              "an invalid date accepted");
    }
    if (const auto a = RP::abandonedQuery(request);
        !refusedProperly(a, {QStringLiteral("kind"), QStringLiteral("idleMinutes")}))
        check((a->kind == QLatin1String("test") || a->kind == QLatin1String("study")) &&
                  a->idleMinutes >= 0 && a->idleMinutes <= 525600,
              "an abandoned-sessions query out of range");
    const auto certs = RP::certificateFilter(request);
    if (!refusedProperly(certs, {QStringLiteral("year"), QStringLiteral("month"), QStringLiteral("sort"),
                                 QStringLiteral("order")})) {
        check(!certs->month || (certs->year && *certs->month >= 1 && *certs->month <= 12),
              "a month without a year or out of range");
        check(!certs->year || (*certs->year >= 2000 && *certs->year <= 2999), "a year out of range");
        check(QStringList{"issued", "number", "holder", "score"}.contains(certs->sort),
              "an unknown certificate sort");
    }
    if (const auto days = RP::dashboardDays(request); !refusedProperly(days, {QStringLiteral("days")}))
        check(*days >= 1 && *days <= 366, "dashboard days out of range");
    if (const auto q = RP::searchText(request); !refusedProperly(q, {QStringLiteral("q")}))
        check(q->size() >= 2 && q->size() <= RP::kMaxSearchLength, "a search text out of range");
}
#endif

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray method = kMethods[data[0] % std::size(kMethods)];
    HttpRequest request;
    request.target = QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    // As HttpRequestParser splits it.
    const qsizetype q = request.target.indexOf('?');
    request.path = q < 0 ? request.target : request.target.left(q);
    request.query = q < 0 ? QByteArray() : request.target.mid(q + 1);

    const Router::Match match = router().match(method, request.path);
    check(!(match.handler && match.methodNotAllowed), "a handler for a method that is not allowed");
    if (match.handler && match.routeTemplate == QLatin1String("static")) {
        check((method == "GET" || method == "HEAD") && !request.path.startsWith("/api/"),
              "the static fallback took an API path or a non-GET method");
    } else if (match.handler) {
        // Every {name} of the template is captured, nothing else.
        const QStringList segments = match.routeTemplate.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        qsizetype captures = 0;
        for (const QString &s : segments)
            captures += s.startsWith(QLatin1Char('{')) ? 1 : 0;
        check(match.params.size() <= captures, "more parameters than the template captures");
        for (auto it = match.params.cbegin(); it != match.params.cend(); ++it)
            check(segments.contains(QLatin1Char('{') + it.key() + QLatin1Char('}')),
                  "a parameter the template lacks");
    }

    for (const QString &name : kParameters)
        request.queryValue(name);

#ifdef PROCTOR_FUZZ_ADMIN
    const auto page = pageRequest(request);
    if (page) {
        check(page->limit >= 1 && page->limit <= 500, "a page limit outside 1..500");
        if (page->after) {
            check(!page->after->isEmpty(), "an empty cursor accepted");
            // What the server issues, it reads back the same.
            const auto again = Collector::Storage::ReviewCursor::decode(
                Collector::Storage::ReviewCursor::encode(*page->after));
            check(again && *again == *page->after, "a cursor does not survive encode + decode");
        }
    } else {
        check(page.error().code == ErrorCode::BadParameter, "a page request failing with another code");
    }
    checkReviewParams(request, match);
    // The cursor decoder on the raw bytes too (the query decoding above rarely yields valid base64url).
    const auto cursor = Collector::Storage::ReviewCursor::decode(QString::fromLatin1(request.target));
    if (cursor)
        check(!cursor->isEmpty(), "an empty cursor decoded");
#endif
    return 0;
}
