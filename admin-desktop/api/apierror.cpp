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

QString ApiError::codeMessage(const QString &code)
{
    // Every code of shared/core/error.h (errorCodeName) and the result conflict; docs/api.md lists them.
    static const struct
    {
        const char *code;
        const char *text;
    } kCodes[] = {
        {"bad_json", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The request was not valid JSON.")},
        {"validation_failed", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                                "The server did not accept a value of the request.")},
        {"bad_parameter", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                            "The server did not accept a parameter of the request.")},
        {"missing_api_key", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "An API key is required.")},
        {"invalid_api_key", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The API key is not valid.")},
        {"missing_token",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "You are not signed in. Please sign in again.")},
        {"invalid_token", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                            "You are not signed in (the sign-in is no longer valid). Please "
                                            "sign in again.")},
        {"expired_token", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                            "Your session has expired. Please sign in again.")},
        {"invalid_credentials",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Wrong email or password.")},
        {"forbidden_scope",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The API key does not allow this action.")},
        {"forbidden_session",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "This session does not allow this action.")},
        {"forbidden_role",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Your role does not allow this action.")},
        {"invalid_access_code",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                           "The access code is unknown, expired or for another test.")},
        {"not_found", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Not found on the server.")},
        {"method_not_allowed",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The server does not support this action.")},
        {"conflict",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                           "This conflicts with the data on the server (for example, the email is "
                           "already taken, or it is the last active administrator).")},
        {"session_finished",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                           "The session is finished and already has a different result.")},
        {"payload_too_large",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The request is too large.")},
        {"headers_too_large",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The request headers are too large.")},
        {"unsupported_media_type",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The server does not accept this kind of data.")},
        {"request_timeout", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                              "The request took too long to arrive. Try again.")},
        {"upgrade_required",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The live connection needs a WebSocket.")},
        {"rate_limited",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Too many attempts. Try again later.")},
        {"unavailable", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError",
                                          "The server is temporarily unavailable. Try again later.")},
        {"internal",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "The server failed. Try again later.")},
    };
    for (const auto &c : kCodes)
        if (code == QLatin1String(c.code))
            return tr(c.text);
    return {};
}

QString ApiError::fieldName(const QString &field)
{
    static const struct
    {
        const char *field;
        const char *text;
    } kFields[] = {
        {"/email", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Email")},
        {"/password", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Password")},
        {"/displayName", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Name")},
        {"/role", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Role")},
        {"/disabled", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Disabled")},
        {"/current", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Current password")},
        {"/new", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "New password")},
        {"/name", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Name")},
        {"/scopes", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Scopes")},
        {"/comment", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Comment")},
        {"/state", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Decision")},
        {"/reason", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Reason")},
        {"/organisationName", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Organisation")},
        {"/addressLine", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Address")},
        {"/contacts", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Contacts")},
        {"/legalBasis", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Legal basis")},
        {"/signatories", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Signatories")},
        {"/targetFalseAlarmRate",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Target false-alarm rate")},
        {"/maxAttempts", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Attempts")},
        {"/minSecondsBetweenAttempts",
         QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Pause between attempts")},
        {"/disclosure", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "What the candidate sees")},
        {"days", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Period")},
        {"limit", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Page size")},
        {"cursor", QT_TRANSLATE_NOOP("Proctor::Admin::Api::ApiError", "Page")},
    };
    for (const auto &f : kFields)
        if (field == QLatin1String(f.field))
            return tr(f.text);
    return field;
}

QString ApiError::userMessage() const
{
    // The field the server named, in words, after the sentence.
    const auto withField = [this](const QString &sentence) {
        return field.isEmpty() ? sentence : tr("%1 Field: %2.").arg(sentence, fieldName(field));
    };
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
        // A password change names the current password: that one was wrong, not a sign-in.
        return field == QLatin1String("/current") ? tr("The current password is wrong.")
                                                  : tr("Wrong email or password.");
    case Kind::ExpiredToken:
        return tr("Your session has expired. Please sign in again.");
    case Kind::InvalidToken:
        return tr("You are not signed in (the sign-in is no longer valid). Please sign in again.");
    case Kind::Forbidden:
        return withField(code.isEmpty() || codeMessage(code).isEmpty()
                             ? tr("Your role does not allow this action.")
                             : codeMessage(code));
    case Kind::NotFound:
        return withField(tr("Not found on the server."));
    case Kind::RateLimited:
        return retryAfterSeconds > 0 ? tr("Too many attempts. Try again in %1 s.").arg(retryAfterSeconds)
                                     : tr("Too many attempts. Try again later.");
    case Kind::Unavailable:
        return tr("The server is temporarily unavailable. Try again later.");
    case Kind::BadRequest: {
        const QString known = codeMessage(code);
        return withField(known.isEmpty() ? tr("The server refused the request.") : known);
    }
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
