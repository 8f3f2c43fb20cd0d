// SPDX-License-Identifier: MIT
// The request target as the collector reads it: Router::match over the route table the collector registers
// (read from collector/http/routes at configure time), HttpRequest::queryValue for every parameter a route
// reads, and the admin API's page request (limit, cursor) with its cursor codec. The input is a request
// target ("/path?query"); its first byte also picks the method.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QStringList>

#include "fuzzroutes.h"
#include "http/httprequest.h"
#include "http/router.h"
#ifdef PROCTOR_FUZZ_ADMIN
#include "http/routes/adminguard.h"
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
    // The cursor decoder on the raw bytes too (the query decoding above rarely yields valid base64url).
    const auto cursor = Collector::Storage::ReviewCursor::decode(QString::fromLatin1(request.target));
    if (cursor)
        check(!cursor->isEmpty(), "an empty cursor decoded");
#endif
    return 0;
}
