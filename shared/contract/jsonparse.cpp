// SPDX-License-Identifier: MIT
#include "contract/jsonparse.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Proctor::Contract {

NestingScan scanNesting(const QByteArray &json, int maxDepth)
{
    // Brackets inside strings do not nest; an escaped quote does not end a string. Malformed input
    // (unbalanced brackets, an unterminated string) is left for the real parser to report.
    NestingScan scan;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const char *data = json.constData();
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > scan.deepest) {
                scan.deepest = depth;
            }
            if (depth > maxDepth) {
                scan.offset = i;
                return scan;
            }
            break;
        case '}':
        case ']':
            if (depth > 0) {
                --depth;
            }
            break;
        default:
            break;
        }
    }
    return scan;
}

tl::expected<QJsonObject, ContractError> parseJsonObject(const QByteArray &json, int maxDepth)
{
    // QJsonDocument recurses per nesting level; refuse absurd nesting before it allocates anything.
    const NestingScan scan = scanNesting(json, maxDepth);
    if (scan.offset >= 0) {
        return tl::unexpected(ContractError{
            QString(),
            QStringLiteral("JSON nested deeper than %1 levels at offset %2").arg(maxDepth).arg(scan.offset),
            ContractError::Code::TooDeep});
    }

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return tl::unexpected(ContractError{
            QString(),
            QStringLiteral("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()),
            ContractError::Code::BadJson});
    }
    if (!document.isObject()) {
        return tl::unexpected(ContractError{QString(), QStringLiteral("the document must be a JSON object"),
                                            ContractError::Code::NotAnObject});
    }
    return document.object();
}

} // namespace Proctor::Contract
