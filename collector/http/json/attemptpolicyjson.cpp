// SPDX-License-Identifier: MIT
#include "http/json/attemptpolicyjson.h"

#include <algorithm>

namespace Proctor::Collector::Http::Json {

Expected<Contract::AttemptPolicy> parseAttemptPolicy(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("maxAttempts") &&
            it.key() != QLatin1String("minSecondsBetweenAttempts") && it.key() != QLatin1String("disclosure"))
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("unknown member"),
                             QStringLiteral("/") + it.key());
    for (const char *name : {"maxAttempts", "minSecondsBetweenAttempts"}) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (!v.isUndefined() && (!v.isDouble() || v.toDouble() != double(v.toInteger())))
            return makeError(ErrorCode::ValidationFailed,
                             QStringLiteral("%1 must be an integer").arg(QLatin1String(name)),
                             QStringLiteral("/%1").arg(QLatin1String(name)));
    }
    const QJsonValue disclosure = body.value(QStringLiteral("disclosure"));
    if (!disclosure.isUndefined() && !disclosure.isString())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("disclosure must be a string"),
                         QStringLiteral("/disclosure"));
    Contract::AttemptPolicy p;
    // Out-of-range integers are clamped to a value the service's range check refuses, never wrapped.
    const auto integer = [&body](const char *name, int fallback) {
        return int(
            std::clamp(body.value(QLatin1String(name)).toInteger(fallback), qint64(-1), qint64(1) << 30));
    };
    p.maxAttempts = integer("maxAttempts", p.maxAttempts);
    p.minSecondsBetweenAttempts = integer("minSecondsBetweenAttempts", p.minSecondsBetweenAttempts);
    p.disclosure = disclosure.toString(p.disclosure);
    return p;
}

QJsonObject toJson(const Contract::AttemptPolicy &policy)
{
    return policy.toJson();
}

} // namespace Proctor::Collector::Http::Json
