// SPDX-License-Identifier: MIT
#include "http/json/authjson.h"

namespace Proctor::Collector::Http::Json {

Expected<Services::Credentials> parseCredentials(const QJsonObject &body)
{
    const QJsonValue email = body.value(QStringLiteral("email"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!email.isString())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("email must be a string"),
                         QStringLiteral("/email"));
    if (!password.isString())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("password must be a string"),
                         QStringLiteral("/password"));
    return Services::Credentials{email.toString(), password.toString().toUtf8(), {}};
}

QJsonObject toJson(const Services::SignedIn &signedIn)
{
    return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(signedIn.token)},
                       {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
                       {QStringLiteral("expiresAt"), signedIn.expiresAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("admin"), toJson(signedIn.admin)}};
}

QJsonObject toJson(const Auth::AdminIdentity &admin)
{
    return QJsonObject{{QStringLiteral("id"), admin.id},
                       {QStringLiteral("email"), admin.email},
                       {QStringLiteral("role"), Auth::adminRoleName(admin.role)},
                       {QStringLiteral("displayName"), admin.displayName}};
}

} // namespace Proctor::Collector::Http::Json
