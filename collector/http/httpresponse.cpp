// SPDX-License-Identifier: MIT
// Response builders and the error-code -> status mapping.
#include "http/httpresponse.h"

#include <QJsonDocument>
#include <QUrlQuery>

#include "http/httprequest.h"
#include "logging/log.h"

namespace Proctor::Collector::Http {

QString HttpRequest::queryValue(const QString &name) const
{
    const QUrlQuery q(QString::fromUtf8(query));
    return q.queryItemValue(name, QUrl::FullyDecoded);
}

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body)
{
    return text(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResponse HttpResponse::json(int status, const QJsonArray &body)
{
    return text(status, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({"Content-Type", contentType});
    return r;
}

int statusForError(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
    case ErrorCode::ValidationFailed:
    case ErrorCode::BadParameter:
        return 400;
    case ErrorCode::MissingApiKey:
    case ErrorCode::InvalidApiKey:
    case ErrorCode::MissingToken:
    case ErrorCode::InvalidToken:
    case ErrorCode::ExpiredToken:
    case ErrorCode::InvalidCredentials:
        return 401;
    case ErrorCode::ForbiddenScope:
    case ErrorCode::ForbiddenSession:
    case ErrorCode::ForbiddenRole:
    case ErrorCode::InvalidAccessCode:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::MethodNotAllowed:
        return 405;
    case ErrorCode::RequestTimeout:
        return 408;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::PayloadTooLarge:
        return 413;
    case ErrorCode::UnsupportedMediaType:
        return 415;
    case ErrorCode::UpgradeRequired:
        return 426;
    case ErrorCode::RateLimited:
        return 429;
    case ErrorCode::HeadersTooLarge:
        return 431;
    case ErrorCode::Internal:
        return 500;
    case ErrorCode::Unavailable:
        return 503;
    }
    return 500;
}

HttpResponse HttpResponse::error(const Error &e)
{
    // An internal failure's detail (SQL text, file names) is for the log, not for the client.
    const bool internal = e.code == ErrorCode::Internal;
    if (internal)
        Log::error(u"internal error", {{"detail", e.message}});
    QJsonObject err{{QStringLiteral("code"), QLatin1String(errorCodeName(e.code))},
                    {QStringLiteral("message"), internal ? QStringLiteral("internal error") : e.message}};
    if (!e.field.isEmpty())
        err.insert(QStringLiteral("field"), e.field);
    HttpResponse r = json(statusForError(e.code), QJsonObject{{QStringLiteral("error"), err}});
    if (e.code == ErrorCode::RateLimited || e.code == ErrorCode::Unavailable)
        r.setHeader("Retry-After", QByteArray::number(qMax(1, e.retryAfterSeconds)));
    return r;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace Proctor::Collector::Http
