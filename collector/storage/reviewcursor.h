// SPDX-License-Identifier: MIT
// Keyset pagination: the opaque cursor is base64url of a JSON array holding the last row's sort key and id,
// so the next page starts strictly after that row whatever was inserted meanwhile.
#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace Proctor::Collector::Storage {

struct PageRequest
{
    int limit = 50;
    std::optional<QJsonArray> after; // decoded cursor: nullopt on the first page
};

namespace ReviewCursor {

inline QString encode(const QJsonArray &key)
{
    return QString::fromLatin1(QJsonDocument(key)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// nullopt when the text is not a cursor this server made (the route answers 400 bad_parameter).
inline std::optional<QJsonArray> decode(const QString &cursor)
{
    if (cursor.size() > 1024)
        return std::nullopt;
    const auto raw = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!raw)
        return std::nullopt;
    const QJsonDocument d = QJsonDocument::fromJson(*raw);
    if (!d.isArray() || d.array().isEmpty())
        return std::nullopt;
    return d.array();
}

} // namespace ReviewCursor
} // namespace Proctor::Collector::Storage
