// SPDX-License-Identifier: MIT
#include "api/apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace Proctor::Admin::Api {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Proctor::Admin::Api::ApiError", text);
}
} // namespace

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unreachable:
        return tr("The server cannot be reached. Check the address and your network connection.");
    case Kind::Timeout:
        return tr("The server did not answer in time. Try again later.");
    case Kind::Tls:
        return tr("The secure connection failed (TLS): %1. Check the server address and its certificate.")
            .arg(message);
    case Kind::BadCredentials:
        return tr("Wrong email or password.");
    case Kind::ExpiredToken:
        return tr("Your session has expired. Please sign in again.");
    case Kind::InvalidToken:
        return tr("You are not signed in (the sign-in is no longer valid). Please sign in again.");
    case Kind::Forbidden:
        return tr("Your role does not allow this action.");
    case Kind::NotFound:
        return tr("Not found on the server.");
    case Kind::RateLimited:
        return retryAfterSeconds > 0 ? tr("Too many attempts. Try again in %1 s.").arg(retryAfterSeconds)
                                     : tr("Too many attempts. Try again later.");
    case Kind::Unavailable:
        return tr("The server is temporarily unavailable. Try again later.");
    case Kind::BadRequest:
        return field.isEmpty() ? tr("The server refused the request: %1").arg(message)
                               : tr("The server refused the request (%1): %2").arg(field, message);
    case Kind::Server:
        return tr("The server failed (HTTP %1).").arg(httpStatus);
    case Kind::Protocol:
        return tr("The server's answer was not understood. Is this the address of a Proctor server?");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    }
    return {};
}

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError e;
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject err = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    e.code = err.value(QStringLiteral("code")).toString();
    e.message = err.value(QStringLiteral("message")).toString();
    e.field = err.value(QStringLiteral("field")).toString();
    e.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();

    if (e.httpStatus == 0) {
        e.message = reply->errorString();
        switch (reply->error()) {
        case QNetworkReply::NoError:
            e.kind = Kind::Protocol;
            break;
        case QNetworkReply::OperationCanceledError:
            // QNetworkRequest::setTransferTimeout aborts with OperationCanceledError too.
            e.kind = reply->property("proctorTimedOut").toBool() ? Kind::Timeout : Kind::Cancelled;
            break;
        case QNetworkReply::TimeoutError:
            e.kind = Kind::Timeout;
            break;
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::UnknownNetworkError:
            e.kind = reply->url().scheme() == QLatin1String("https") ? Kind::Tls : Kind::Unreachable;
            break;
        default:
            e.kind = Kind::Unreachable;
            break;
        }
        return e;
    }
    if (e.httpStatus >= 200 && e.httpStatus < 300) {
        e.kind = Kind::None;
        return e;
    }
    if (e.message.isEmpty())
        e.message = reply->errorString();
    switch (e.httpStatus) {
    case 400:
    case 409:
    case 413:
    case 415:
        e.kind = Kind::BadRequest;
        break;
    case 401:
        if (e.code == QLatin1String("invalid_credentials"))
            e.kind = Kind::BadCredentials;
        else if (e.code == QLatin1String("expired_token"))
            e.kind = Kind::ExpiredToken;
        else
            e.kind = Kind::InvalidToken;
        break;
    case 403:
        e.kind = Kind::Forbidden;
        break;
    case 404:
        e.kind = Kind::NotFound;
        break;
    case 429:
        e.kind = Kind::RateLimited;
        break;
    case 503:
        e.kind = Kind::Unavailable;
        break;
    default:
        e.kind = e.httpStatus >= 500 ? Kind::Server : Kind::Protocol;
        break;
    }
    return e;
}

} // namespace Proctor::Admin::Api
