// SPDX-License-Identifier: MIT
#include "http/requestbody.h"

#include <optional>

#include <QJsonArray>

#include "contract/jsonparse.h"

namespace Proctor::Collector::Http {
namespace {

// Text PostgreSQL can hold as it is: no U+0000 (neither text nor jsonb stores it; libpq would cut a text
// parameter there) and no unpaired surrogate (jsonb refuses the escape, text would get '?').
bool storable(const QString &s)
{
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c.isNull())
            return false;
        if (c.isHighSurrogate()) {
            if (i + 1 >= n || !s.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

QString pointerToken(QString key) { return key.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1")); }

// The JSON pointer of the first key or string that is not storable text.
std::optional<QString> firstUnstorable(const QJsonValue &value, const QString &pointer)
{
    if (value.isString())
        return storable(value.toString()) ? std::nullopt : std::optional<QString>(pointer);
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (auto bad = firstUnstorable(a.at(i), pointer + QLatin1Char('/') + QString::number(i)))
                return bad;
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString child = pointer + QLatin1Char('/') + pointerToken(it.key());
            if (!storable(it.key()))
                return child;
            if (auto bad = firstUnstorable(it.value(), child))
                return bad;
        }
    }
    return std::nullopt;
}

} // namespace

Expected<void> requireStorableText(const QJsonObject &body)
{
    if (auto bad = firstUnstorable(body, QString()))
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("text must not contain NUL characters or unpaired surrogates"), *bad);
    return {};
}

Expected<QJsonObject> parseBody(const HttpRequest &request, const Contract::ContractValidator &validator,
                                Contract::Schema schema)
{
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/json"))
        return makeError(ErrorCode::UnsupportedMediaType, QStringLiteral("Content-Type must be application/json"),
                         QStringLiteral("Content-Type"));
    auto parsed = Contract::parseJsonObject(request.body);
    if (!parsed)
        return makeError(ErrorCode::BadJson, parsed.error().message, parsed.error().pointer);
    if (auto valid = validator.validate(schema, *parsed); !valid)
        return makeError(ErrorCode::ValidationFailed, valid.error().message, valid.error().pointer);
    if (auto text = requireStorableText(*parsed); !text)
        return tl::unexpected(text.error());
    return std::move(*parsed);
}

} // namespace Proctor::Collector::Http
