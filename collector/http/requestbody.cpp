// SPDX-License-Identifier: MIT
#include "http/requestbody.h"

#include "contract/jsonparse.h"
#include "contract/storabletext.h"

namespace Proctor::Collector::Http {

Expected<void> requireStorableText(const QJsonObject &body)
{
    if (auto text = Contract::requireStorableText(body); !text)
        return makeError(ErrorCode::ValidationFailed, text.error().message, text.error().pointer);
    return {};
}

Expected<QJsonObject> parseBody(const HttpRequest &request, const Contract::ContractValidator &validator,
                                Contract::Schema schema)
{
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/json"))
        return makeError(ErrorCode::UnsupportedMediaType,
                         QStringLiteral("Content-Type must be application/json"),
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
