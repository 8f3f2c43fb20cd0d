// SPDX-License-Identifier: MIT
#include "http/json/adminpasswordjson.h"

namespace Proctor::Collector::Http::Json {

Expected<OwnPasswordChange> parseOwnPasswordChange(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("current") && it.key() != QLatin1String("new"))
            return tl::unexpected(Error{ErrorCode::ValidationFailed, QStringLiteral("unknown field"),
                                        QLatin1Char('/') + it.key(), 0});
    OwnPasswordChange out;
    for (const char *key : {"current", "new"}) {
        const QJsonValue v = body.value(QLatin1String(key));
        if (!v.isString())
            return tl::unexpected(Error{ErrorCode::ValidationFailed, QStringLiteral("must be a string"),
                                        QStringLiteral("/") + QLatin1String(key), 0});
        (QLatin1String(key) == QLatin1String("current") ? out.current : out.next) = v.toString().toUtf8();
    }
    return out;
}

QJsonObject toJson(const Services::PasswordChange &change)
{
    QJsonObject o{{QStringLiteral("id"), double(change.adminId)},
                  {QStringLiteral("email"), change.email},
                  {QStringLiteral("tokensRevoked"), change.tokensRevoked}};
    if (!change.generatedPassword.isEmpty())
        o.insert(QStringLiteral("password"), QString::fromLatin1(change.generatedPassword));
    return o;
}

} // namespace Proctor::Collector::Http::Json
