// SPDX-License-Identifier: MIT
// Validates request bodies, test definitions and live messages against the JSON Schemas in this folder.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include <QJsonValue>
#include <QString>

#include "contract/contracterror.h"

namespace Proctor::Contract {

enum class Schema
{
    SessionStart,
    EventBatch,
    ResultSubmission,
    TestDefinition,
    LiveMessage,
};

// Parses each embedded schema once at construction; afterwards validate() may be called from any
// number of threads at once (the parsed schemas are read-only, regex caches are per thread).
class ContractValidator final
{
public:
    ContractValidator();
    ~ContractValidator();
    ContractValidator(const ContractValidator &) = delete;
    ContractValidator &operator=(const ContractValidator &) = delete;

    // On failure the error names the most specific offending field: for an unknown or missing
    // property the pointer ends with that property's name.
    tl::expected<void, ContractError> validate(Schema schema, const QJsonValue &document) const;

    // Whether event batches take the per-type fast path (see contractvalidator.cpp); false only if
    // the event batch schema no longer has the shape that path relies on.
    bool usesEventDispatch() const;
    // Whether live messages are checked against their own type's shape only (see contractvalidator.cpp);
    // false only if the live message schema no longer is a oneOf of shapes told apart by their `type`.
    bool usesLiveMessageDispatch() const;

    // A process-wide instance, built on first use (thread-safe).
    static const ContractValidator &shared();

    // ":/contract/<file>.schema.json", the embedded copy of the schema file.
    static QString resourcePath(Schema schema);

private:
    struct Impl;
    std::unique_ptr<const Impl> m_impl;
};

// Turns a valijson context ("<root>", "[events]", "[3]", …) into an RFC 6901 pointer.
QString jsonPointerFromContext(const std::vector<std::string> &context);

} // namespace Proctor::Contract
