// SPDX-License-Identifier: MIT
// What went wrong with a request, classified once so every view shows the same clear message.
#pragma once

#include <QMetaType>
#include <QString>

class QNetworkReply;

namespace Proctor::Admin::Api {

struct ApiError
{
    enum class Kind
    {
        None,
        Unreachable, // connection refused, host not found, no route
        Timeout,
        Tls,            // certificate or handshake problem
        BadCredentials, // 401 invalid_credentials
        ExpiredToken,   // 401 expired_token
        InvalidToken,   // 401 missing_token / invalid_token
        Forbidden,      // 403
        NotFound,       // 404
        RateLimited,    // 429
        Unavailable,    // 503
        BadRequest,     // 400 (validation_failed, bad_parameter, ...)
        Server,         // other 5xx
        Protocol,       // not JSON, not the Proctor API
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;    // the server's stable error code, e.g. "invalid_credentials"
    QString message; // the server's or the network stack's own text (for details / logs)
    QString field;
    int retryAfterSeconds = 0;

    bool isError() const { return kind != Kind::None; }
    // Needs a new sign-in (the main window reacts to these on any request).
    bool isAuthentication() const { return kind == Kind::ExpiredToken || kind == Kind::InvalidToken; }
    // One translated sentence for the user: the collector's error `code` mapped to a translated text (never
    // the server's English message), with the field it names when it names one.
    QString userMessage() const;
    // The translated sentence for one of the collector's stable error codes; empty for an unknown code.
    static QString codeMessage(const QString &code);
    // A readable, translated name for the field the server named (a JSON pointer such as "/new", a query
    // parameter or a header); the pointer itself when the desktop has no name for it.
    static QString fieldName(const QString &field);

    // Classifies a finished reply (status, error code in the JSON body, network error).
    static ApiError fromReply(QNetworkReply *reply, const QByteArray &body);
};

} // namespace Proctor::Admin::Api

Q_DECLARE_METATYPE(Proctor::Admin::Api::ApiError)
