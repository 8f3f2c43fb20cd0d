// SPDX-License-Identifier: MIT
// Linear segment matching: a few dozen routes, compared segment by segment without regular expressions.
#include "http/router.h"

#include <QUrl>

namespace Proctor::Collector::Http {

void Router::add(const QByteArray &method, const QString &pathTemplate, Handler handler)
{
    m_routes.push_back(Route{method, pathTemplate, pathTemplate.split(QLatin1Char('/'), Qt::SkipEmptyParts),
                             std::move(handler)});
}

Router::Match Router::match(const QByteArray &method, const QByteArray &encodedPath) const
{
    Match result;
    const QList<QByteArray> parts = encodedPath.split('/');
    QStringList segments;
    segments.reserve(parts.size());
    for (const QByteArray &p : parts)
        if (!p.isEmpty())
            segments.append(QUrl::fromPercentEncoding(p));

    bool pathMatched = false;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            const QString &t = route.segments[i];
            if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
                params.insert(t.mid(1, t.size() - 2), segments[i]);
            else
                ok = t == segments[i];
        }
        if (!ok)
            continue;
        pathMatched = true;
        if (route.method != method && !(method == "HEAD" && route.method == "GET"))
            continue;
        result.handler = &route.handler;
        result.routeTemplate = route.pathTemplate;
        result.params = std::move(params);
        return result;
    }
    if (pathMatched) {
        result.methodNotAllowed = true;
        return result;
    }
    if (m_fallback && (method == "GET" || method == "HEAD") && !encodedPath.startsWith("/api/")) {
        result.handler = &m_fallback;
        result.routeTemplate = QStringLiteral("static");
    }
    return result;
}

} // namespace Proctor::Collector::Http
