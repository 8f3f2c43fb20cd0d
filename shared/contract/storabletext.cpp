// SPDX-License-Identifier: MIT
#include "contract/storabletext.h"

#include <optional>

#include <QJsonArray>

namespace Proctor::Contract {
namespace {

std::optional<QString> firstUnstorable(const QJsonValue &value, const QString &pointer)
{
    if (value.isString())
        return isStorableText(value.toString()) ? std::nullopt : std::optional<QString>(pointer);
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (auto bad = firstUnstorable(a.at(i), pointer + QLatin1Char('/') + QString::number(i)))
                return bad;
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString child = pointer + QLatin1Char('/') + escapePointerToken(it.key());
            if (!isStorableText(it.key()))
                return child;
            if (auto bad = firstUnstorable(it.value(), child))
                return bad;
        }
    }
    return std::nullopt;
}

} // namespace

bool isStorableText(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isNull())
            return false;
        if (c.isHighSurrogate()) {
            if (i + 1 >= n || !text.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

tl::expected<void, ContractError> requireStorableText(const QJsonObject &document)
{
    if (auto bad = firstUnstorable(document, QString()))
        return tl::unexpected(
            ContractError{*bad, QStringLiteral("text must not contain NUL characters or unpaired surrogates"),
                          ContractError::Code::ValidationFailed});
    return {};
}

} // namespace Proctor::Contract
