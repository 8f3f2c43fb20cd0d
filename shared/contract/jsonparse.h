// SPDX-License-Identifier: MIT
// Parsing untrusted request bodies into JSON objects.
#pragma once

#include <tl/expected.hpp>

#include <QByteArray>
#include <QJsonObject>

#include "contract/contracterror.h"

namespace Proctor::Contract {

inline constexpr int kMaxJsonDepth = 64;

// Result of a linear scan of array/object brackets outside strings.
struct NestingScan
{
    int deepest = 0;       // deepest nesting seen (the scan stops once over the limit)
    qsizetype offset = -1; // byte offset where the limit was first exceeded, -1 if never
};
NestingScan scanNesting(const QByteArray &json, int maxDepth = kMaxJsonDepth);

// Rejects absurd nesting before QJsonDocument sees the bytes, then parses and requires an object.
// Errors carry the pointer "" and, for syntax errors, the byte offset in the message.
tl::expected<QJsonObject, ContractError> parseJsonObject(const QByteArray &json,
                                                         int maxDepth = kMaxJsonDepth);

} // namespace Proctor::Contract
