// SPDX-License-Identifier: MIT
// The error of the JSON contract layer: what was wrong and where (an RFC 6901 pointer into the body).
#pragma once

#include <QString>

namespace Proctor::Contract {

struct ContractError
{
    // The HTTP layer maps BadJson and TooDeep to 400 bad_json, the rest to 400 validation_failed.
    enum class Code
    {
        BadJson,          // not parseable as JSON
        TooDeep,          // nesting over the limit; refused before parsing
        NotAnObject,      // valid JSON, but the body must be an object
        ValidationFailed, // violates the schema or a rule the schema cannot express
    };

    QString pointer; // "" is the whole document; "/events/3/details/durationMs" a field
    QString message;
    Code code = Code::ValidationFailed;
};

// One key as a token of a JSON pointer (RFC 6901).
inline QString escapePointerToken(QString token)
{
    // Order matters (§4): '~' first, or the '~1' made from '/' would be escaped again.
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

} // namespace Proctor::Contract
