// SPDX-License-Identifier: MIT
// Method + path-template routing ("/api/v1/sessions/{id}/result"); the template labels metrics.
#pragma once

#include <functional>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include "http/httprequest.h"
#include "http/responder.h"

namespace Proctor::Collector::Http {

using Handler = std::function<void(const HttpRequest &request, const Responder &responder)>;

class Router
{
public:
    void add(const QByteArray &method, const QString &pathTemplate, Handler handler);
    // For GET/HEAD paths no route claims (the static web client).
    void setFallback(Handler handler) { m_fallback = std::move(handler); }

    struct Match
    {
        const Handler *handler = nullptr;
        QString routeTemplate;
        QHash<QString, QString> params;
        bool methodNotAllowed = false;
    };
    Match match(const QByteArray &method, const QByteArray &encodedPath) const;

private:
    struct Route
    {
        QByteArray method;
        QString pathTemplate;
        QStringList segments; // "{name}" segments capture
        Handler handler;
    };
    std::vector<Route> m_routes;
    Handler m_fallback;
};

} // namespace Proctor::Collector::Http
