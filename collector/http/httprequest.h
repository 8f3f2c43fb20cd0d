// SPDX-License-Identifier: MIT
// One parsed HTTP/1.1 request, as handed to route handlers.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Http {

struct HttpRequest
{
    QByteArray method;                            // upper case, e.g. "POST"
    QByteArray target;                            // raw request target as received
    QByteArray path;                              // percent-encoded path, no query
    QByteArray query;                             // raw query string, no '?'
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, in arrival order
    QByteArray body;
    QHostAddress peer;
    bool keepAlive = true;
    QByteArray requestId;               // from X-Request-Id or generated
    QHash<QString, QString> pathParams; // filled by the router, percent-decoded
    QString routeTemplate;              // e.g. "/api/v1/sessions/{id}/result", for metrics
    QElapsedTimer received;             // started when the headers were complete
    // Set by the connection when it refused the request before it was complete (413, 431, 408, 400).
    std::optional<Error> rejection;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers)
            if (h.first == name)
                return h.second;
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &h : headers)
            if (h.first == name)
                return true;
        return false;
    }
    QString queryValue(const QString &name) const;
};

} // namespace Proctor::Collector::Http
