// SPDX-License-Identifier: MIT
#include "contract/contractvalidator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <exception>
#include <initializer_list>
#include <map>
#include <string_view>

#include <rapidjson/document.h>
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtGlobal>

namespace Proctor::Contract {

namespace {

constexpr std::array kSchemas = {Schema::SessionStart, Schema::EventBatch, Schema::ResultSubmission,
                                 Schema::TestDefinition, Schema::LiveMessage};

QString fileName(Schema schema)
{
    switch (schema) {
    case Schema::SessionStart:
        return QStringLiteral("session-start.schema.json");
    case Schema::EventBatch:
        return QStringLiteral("event-batch.schema.json");
    case Schema::ResultSubmission:
        return QStringLiteral("result-submission.schema.json");
    case Schema::TestDefinition:
        return QStringLiteral("test-definition.schema.json");
    case Schema::LiveMessage:
        return QStringLiteral("live-message.schema.json");
    }
    Q_UNREACHABLE();
}

bool startsWith(const std::string &text, std::string_view prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

// The quoted name at the end of messages such as "…constraints: 'foo'." or "…property 'foo'.".
// Cut between the first quote after the prefix and the final "'." so names containing quotes survive.
std::string quotedNameAfter(const std::string &text, std::string_view prefix)
{
    const std::size_t begin = prefix.size();
    std::size_t end = text.size();
    if (end >= 2 && text.compare(end - 2, 2, "'.") == 0) {
        end -= 2;
    } else if (end >= 1 && text[end - 1] == '\'') {
        end -= 1;
    }
    return end > begin ? text.substr(begin, end - begin) : std::string();
}

bool isPrefixOf(const std::vector<std::string> &prefix, const std::vector<std::string> &path)
{
    return prefix.size() <= path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

ContractError toContractError(const valijson::ValidationResults &results)
{
    // valijson reports children before their parents, so the first error is the deepest of the first
    // failing branch; still prefer a later error that lies strictly below it, in case a constraint
    // on the parent was evaluated before its children.
    const valijson::ValidationResults::Error *chosen = nullptr;
    for (const auto &error : results) {
        if (!chosen ||
            (error.context.size() > chosen->context.size() && isPrefixOf(chosen->context, error.context))) {
            chosen = &error;
        }
    }
    if (!chosen) {
        return {QString(), QStringLiteral("document does not match the schema")};
    }

    static constexpr std::string_view kUnknown =
        "Object contains a property that could not be validated using 'properties' or "
        "'additionalProperties' constraints: '";
    static constexpr std::string_view kMissing = "Missing required property '";

    QString pointer = jsonPointerFromContext(chosen->context);
    const std::string &text = chosen->description;
    QString message;
    if (startsWith(text, kUnknown)) {
        pointer +=
            QLatin1Char('/') + escapePointerToken(QString::fromStdString(quotedNameAfter(text, kUnknown)));
        message = QStringLiteral("unknown field");
    } else if (startsWith(text, kMissing)) {
        pointer +=
            QLatin1Char('/') + escapePointerToken(QString::fromStdString(quotedNameAfter(text, kMissing)));
        message = QStringLiteral("required field is missing");
    } else if (startsWith(text, "Value type not permitted")) {
        message = QStringLiteral("wrong type");
    } else if (startsWith(text, "Failed to match against any enum values") ||
               startsWith(text, "Failed to match expected value set by 'const'")) {
        message = QStringLiteral("value is not one of the allowed values");
    } else if (startsWith(text, "Failed to match regex")) {
        message = QStringLiteral("value has an invalid format");
    } else {
        message = QString::fromStdString(text);
    }
    return {pointer, message, ContractError::Code::ValidationFailed};
}

// libstdc++'s std::regex recurses once per matched character: a pattern such as ^[A-Za-z0-9_-]+$
// overflows the stack on strings of ~100k characters. The fast pass is safe because every patterned
// string has a maxLength (at most 254) that valijson checks, and stops at, before the pattern. The
// exhaustive pass evaluates every constraint, so it runs on a copy in which each string longer than
// kLongString is replaced by spaces: the same length in code points (capped just above the largest
// maxLength in the schemas), on which every pattern fails at the first character. No verdict
// changes: such a string already breaks the maxLength of any patterned field, and is longer than
// any enum or const value.
constexpr qsizetype kLongString = 256;
constexpr qsizetype kLongestMaxLength = 10000;

using JsonAllocator = rapidjson::MemoryPoolAllocator<>;

// valijson's Qt adapter converts values to QCborValue and strings to UTF-8 on every access; one
// up-front copy into a RapidJSON tree (pool-allocated, so a handful of allocations) halves the cost
// of validating an event batch. Whole numbers become integers, as JSON Schema (and ajv) count 2.0 as
// an integer.
struct Converter
{
    JsonAllocator &allocator;
    bool blankLongStrings = false;
    bool sawLongString = false;

    void convert(const QJsonValue &value, rapidjson::Value &out)
    {
        switch (value.type()) {
        case QJsonValue::Bool:
            out.SetBool(value.toBool());
            break;
        case QJsonValue::Double: {
            const double number = value.toDouble();
            if (std::trunc(number) == number && std::fabs(number) < 9.2e18) {
                out.SetInt64(value.toInteger());
            } else {
                out.SetDouble(number);
            }
            break;
        }
        case QJsonValue::String:
            convertString(value.toString(), out);
            break;
        case QJsonValue::Array: {
            const QJsonArray array = value.toArray();
            out.SetArray();
            out.Reserve(static_cast<rapidjson::SizeType>(array.size()), allocator);
            for (const QJsonValue item : array) {
                rapidjson::Value converted;
                convert(item, converted);
                out.PushBack(converted, allocator);
            }
            break;
        }
        case QJsonValue::Object: {
            const QJsonObject object = value.toObject();
            out.SetObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                const QByteArray key = it.key().toUtf8();
                rapidjson::Value name(key.constData(), static_cast<rapidjson::SizeType>(key.size()),
                                      allocator);
                rapidjson::Value converted;
                convert(it.value(), converted);
                out.AddMember(name, converted, allocator);
            }
            break;
        }
        default: // Null, and Undefined from a missing lookup
            out.SetNull();
            break;
        }
    }

    void convertString(const QString &text, rapidjson::Value &out)
    {
        if (text.size() > kLongString) {
            sawLongString = true;
            if (blankLongStrings) {
                qsizetype codePoints = text.size();
                for (const QChar c : text) {
                    if (c.isLowSurrogate()) {
                        --codePoints;
                    }
                }
                const auto length =
                    static_cast<rapidjson::SizeType>(std::min(codePoints, kLongestMaxLength + 1));
                out.SetString(std::string(length, ' ').c_str(), length, allocator);
                return;
            }
        }
        const QByteArray utf8 = text.toUtf8();
        out.SetString(utf8.constData(), static_cast<rapidjson::SizeType>(utf8.size()), allocator);
    }
};

// Converts into a pool whose first block lives on this thread, so a typical request allocates nothing.
class PooledDocument
{
public:
    explicit PooledDocument(const QJsonValue &document, bool blankLongStrings = false)
        : m_allocator(t_buffer.data(), t_buffer.size())
    {
        Converter converter{m_allocator, blankLongStrings};
        converter.convert(document, m_root);
        m_sawLongString = converter.sawLongString;
    }
    const rapidjson::Value &root() const { return m_root; }
    bool sawLongString() const { return m_sawLongString; }

private:
    static constexpr std::size_t kPoolBytes = std::size_t{32} * 1024;
    alignas(std::max_align_t) static thread_local std::array<char, kPoolBytes> t_buffer;
    JsonAllocator m_allocator;
    rapidjson::Value m_root;
    bool m_sawLongString = false;
};

alignas(std::max_align_t) thread_local std::array<char, PooledDocument::kPoolBytes> PooledDocument::t_buffer;

} // namespace

QString jsonPointerFromContext(const std::vector<std::string> &context)
{
    QString pointer;
    for (const std::string &element : context) {
        if (element == "<root>") {
            continue;
        }
        std::string_view token = element;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
            token = token.substr(1, token.size() - 2);
        }
        pointer += QLatin1Char('/') +
                   escapePointerToken(QString::fromUtf8(token.data(), static_cast<qsizetype>(token.size())));
    }
    return pointer;
}

namespace {

// The event batch schema types each event's details with one if/then rule per event type; valijson
// evaluates every rule for every event, which is three quarters of the cost of a batch. So the
// schema is also compiled taken apart: the batch without those rules, plus each type's details
// definition on its own. A batch passes when the base passes and each event's details pass its own
// type's definition, which is exactly what the rules say. Anything that fails goes through the
// whole schema again, so errors are reported as the schema file defines them. Built only when the
// rules have exactly the expected shape; otherwise the plain schema is used.
struct EventDispatch
{
    valijson::Schema base;
    std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> details; // by event type
};

const rapidjson::Value *member(const rapidjson::Value &object, const char *name)
{
    if (!object.IsObject()) {
        return nullptr;
    }
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

bool hasOnlyMembers(const rapidjson::Value &object, std::initializer_list<std::string_view> allowed)
{
    if (!object.IsObject()) {
        return false;
    }
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
        const std::string_view name(it->name.GetString(), it->name.GetStringLength());
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            return false;
        }
    }
    return true;
}

bool isString(const rapidjson::Value *value, std::string_view expected)
{
    return value && value->IsString() &&
           std::string_view(value->GetString(), value->GetStringLength()) == expected;
}

// {"if": {"type": "object", "required": ["type"], "properties": {"type": {"const": T}}},
//  "then": {"type": "object", "properties": {"details": {"$ref": "#/definitions/D"}}}} -> T, D
bool readRule(const rapidjson::Value &rule, std::string &type, std::string &definition)
{
    const rapidjson::Value *condition = member(rule, "if");
    const rapidjson::Value *consequence = member(rule, "then");
    if (!hasOnlyMembers(rule, {"if", "then"}) || !condition || !consequence) {
        return false;
    }
    if (!hasOnlyMembers(*condition, {"type", "required", "properties"}) ||
        (member(*condition, "type") && !isString(member(*condition, "type"), "object"))) {
        return false;
    }
    const rapidjson::Value *required = member(*condition, "required");
    if (!required || !required->IsArray() || required->Size() != 1 || !isString(&(*required)[0], "type")) {
        return false;
    }
    const rapidjson::Value *properties = member(*condition, "properties");
    if (!properties || !hasOnlyMembers(*properties, {"type"}) ||
        !hasOnlyMembers(*member(*properties, "type"), {"const"})) {
        return false;
    }
    const rapidjson::Value *constant = member(*member(*properties, "type"), "const");
    if (!constant || !constant->IsString()) {
        return false;
    }
    type.assign(constant->GetString(), constant->GetStringLength());

    if (!hasOnlyMembers(*consequence, {"type", "properties"}) ||
        (member(*consequence, "type") && !isString(member(*consequence, "type"), "object"))) {
        return false;
    }
    const rapidjson::Value *thenProperties = member(*consequence, "properties");
    if (!thenProperties || !hasOnlyMembers(*thenProperties, {"details"})) {
        return false;
    }
    const rapidjson::Value *details = member(*thenProperties, "details");
    const rapidjson::Value *ref = details ? member(*details, "$ref") : nullptr;
    constexpr std::string_view prefix = "#/definitions/";
    if (!details || !hasOnlyMembers(*details, {"$ref"}) || !ref || !ref->IsString()) {
        return false;
    }
    const std::string_view target(ref->GetString(), ref->GetStringLength());
    if (target.substr(0, prefix.size()) != prefix ||
        target.find('/', prefix.size()) != std::string_view::npos) {
        return false;
    }
    definition.assign(target.substr(prefix.size()));
    return true;
}

void populate(const rapidjson::Value &document, valijson::Schema &schema, const QString &name)
{
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::RapidJsonAdapter(document), schema);
    } catch (const std::exception &e) {
        qFatal("contract: schema %s cannot be parsed: %s", qPrintable(name), e.what());
    }
}

std::unique_ptr<EventDispatch> makeEventDispatch(const rapidjson::Document &batch, const QString &name)
{
    const rapidjson::Value *definitions = member(batch, "definitions");
    const rapidjson::Value *event = definitions ? member(*definitions, "event") : nullptr;
    const rapidjson::Value *rules = event ? member(*event, "allOf") : nullptr;
    const rapidjson::Value *events =
        member(batch, "properties") ? member(*member(batch, "properties"), "events") : nullptr;
    const rapidjson::Value *items = events ? member(*events, "items") : nullptr;
    if (!rules || !rules->IsArray() || !items || !hasOnlyMembers(*items, {"$ref"}) ||
        !isString(member(*items, "$ref"), "#/definitions/event")) {
        return nullptr;
    }

    auto dispatch = std::make_unique<EventDispatch>();
    for (const rapidjson::Value &rule : rules->GetArray()) {
        std::string type;
        std::string definition;
        const rapidjson::Value *details = nullptr;
        if (!readRule(rule, type, definition) || dispatch->details.count(type) ||
            !(details = member(*definitions, definition.c_str())) || member(*details, "definitions")) {
            return nullptr;
        }
        // The details definition as a schema of its own, with the definitions its $refs point into.
        rapidjson::Document standalone;
        standalone.CopyFrom(*details, standalone.GetAllocator());
        rapidjson::Value copied(*definitions, standalone.GetAllocator());
        standalone.AddMember("definitions", copied, standalone.GetAllocator());
        auto schema = std::make_unique<valijson::Schema>();
        populate(standalone, *schema,
                 name + QStringLiteral(" (details of %1)").arg(QString::fromStdString(type)));
        dispatch->details.emplace(std::move(type), std::move(schema));
    }
    rapidjson::Document base;
    base.CopyFrom(batch, base.GetAllocator());
    base["definitions"]["event"].RemoveMember("allOf");
    populate(base, dispatch->base, name + QStringLiteral(" (base)"));
    return dispatch;
}

// The live message schema is a oneOf of closed shapes, each selected by the const of its `type`. Run as
// written, a message that breaks its own shape fails every branch, and the first error reported belongs
// to whichever branch came first: an extra field in a result_saved would be blamed on session_started.
// So each branch is also compiled on its own and a message is checked against its own type's branch only.
// The verdict is the same: the consts differ, so at most the branch of the message's type can match.
struct TypeDispatch
{
    std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> branches; // by `type`
};

// {"oneOf": [{"$ref": "#/definitions/D"}, …]} where each D has properties.type.const -> the branches.
std::unique_ptr<TypeDispatch> makeTypeDispatch(const rapidjson::Document &root, const QString &name)
{
    const rapidjson::Value *definitions = member(root, "definitions");
    const rapidjson::Value *branches = member(root, "oneOf");
    if (!definitions || !branches || !branches->IsArray() || branches->Empty()) {
        return nullptr;
    }
    constexpr std::string_view prefix = "#/definitions/";
    auto dispatch = std::make_unique<TypeDispatch>();
    for (const rapidjson::Value &branch : branches->GetArray()) {
        const rapidjson::Value *ref = member(branch, "$ref");
        if (!hasOnlyMembers(branch, {"$ref"}) || !ref || !ref->IsString()) {
            return nullptr;
        }
        const std::string_view target(ref->GetString(), ref->GetStringLength());
        if (target.substr(0, prefix.size()) != prefix ||
            target.find('/', prefix.size()) != std::string_view::npos) {
            return nullptr;
        }
        const rapidjson::Value *definition =
            member(*definitions, std::string(target.substr(prefix.size())).c_str());
        const rapidjson::Value *properties = definition ? member(*definition, "properties") : nullptr;
        const rapidjson::Value *type = properties ? member(*properties, "type") : nullptr;
        const rapidjson::Value *constant = type ? member(*type, "const") : nullptr;
        if (!constant || !constant->IsString() || member(*definition, "definitions")) {
            return nullptr;
        }
        std::string key(constant->GetString(), constant->GetStringLength());
        if (dispatch->branches.count(key)) {
            return nullptr;
        }
        rapidjson::Document standalone;
        standalone.CopyFrom(*definition, standalone.GetAllocator());
        rapidjson::Value copied(*definitions, standalone.GetAllocator());
        standalone.AddMember("definitions", copied, standalone.GetAllocator());
        auto schema = std::make_unique<valijson::Schema>();
        populate(standalone, *schema, name + QStringLiteral(" (%1)").arg(QString::fromStdString(key)));
        dispatch->branches.emplace(std::move(key), std::move(schema));
    }
    return dispatch;
}

} // namespace

struct ContractValidator::Impl
{
    std::array<valijson::Schema, kSchemas.size()> schemas;
    std::unique_ptr<EventDispatch> eventDispatch;
    std::unique_ptr<TypeDispatch> liveDispatch;

    // The fast verdict on an event batch; false means "run the whole schema".
    bool eventBatchPasses(valijson::Validator &validator, const rapidjson::Value &batch) const
    {
        if (!validator.validate(eventDispatch->base, valijson::adapters::RapidJsonAdapter(batch), nullptr)) {
            return false;
        }
        // The base has checked that events is an array of objects with a string type and object details.
        for (const rapidjson::Value &event : batch["events"].GetArray()) {
            const rapidjson::Value &type = event["type"];
            const auto rule =
                eventDispatch->details.find(std::string_view(type.GetString(), type.GetStringLength()));
            if (rule != eventDispatch->details.end() &&
                !validator.validate(*rule->second, valijson::adapters::RapidJsonAdapter(event["details"]),
                                    nullptr)) {
                return false;
            }
        }
        return true;
    }
};

ContractValidator::ContractValidator()
{
    auto impl = std::make_unique<Impl>();
    for (const Schema schema : kSchemas) {
        // The schemas are compiled into the library: failing here is a build defect, not a runtime
        // condition, so stop at once rather than serve requests without validation.
        QFile file(resourcePath(schema));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("contract: embedded schema %s is missing (resource not linked?)",
                   qPrintable(file.fileName()));
        }
        const QByteArray text = file.readAll();
        rapidjson::Document document;
        document.Parse(text.constData(), static_cast<std::size_t>(text.size()));
        if (document.HasParseError() || !document.IsObject()) {
            qFatal("contract: schema %s is not a JSON object (offset %zu)", qPrintable(file.fileName()),
                   document.GetErrorOffset());
        }
        populate(document, impl->schemas[static_cast<std::size_t>(schema)], file.fileName());
        if (schema == Schema::EventBatch) {
            impl->eventDispatch = makeEventDispatch(document, file.fileName());
        }
        if (schema == Schema::LiveMessage) {
            impl->liveDispatch = makeTypeDispatch(document, file.fileName());
        }
    }
    m_impl = std::move(impl);
}

ContractValidator::~ContractValidator() = default;

tl::expected<void, ContractError> ContractValidator::validate(Schema schema, const QJsonValue &document) const
{
    // valijson's Validator caches compiled std::regex objects and mutates that cache while validating,
    // so it cannot be shared between threads; one per thread keeps the cache warm across calls.
    thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);

    const valijson::Schema *chosen = &m_impl->schemas[static_cast<std::size_t>(schema)];
    if (schema == Schema::LiveMessage && m_impl->liveDispatch && document.isObject()) {
        // Every branch fixes `type` to a string const of its own, so a message whose type is missing, not a
        // string or unknown matches none of them: that verdict needs no validation, only the reason.
        const QJsonValue type = document.toObject().value(QLatin1String("type"));
        const QString pointer = QStringLiteral("/type");
        if (type.isUndefined()) {
            return tl::unexpected(ContractError{pointer, QStringLiteral("required field is missing")});
        }
        if (!type.isString()) {
            return tl::unexpected(ContractError{pointer, QStringLiteral("wrong type")});
        }
        const auto branch = m_impl->liveDispatch->branches.find(type.toString().toStdString());
        if (branch == m_impl->liveDispatch->branches.end()) {
            return tl::unexpected(
                ContractError{pointer, QStringLiteral("value is not one of the allowed values")});
        }
        chosen = branch->second.get();
    }
    const valijson::Schema &compiled = *chosen;
    bool sawLongString = false;
    {
        // Most documents are valid: this pass stops at the first failure and collects nothing.
        const PooledDocument target(document);
        const bool passes =
            schema == Schema::EventBatch && m_impl->eventDispatch
                ? m_impl->eventBatchPasses(validator, target.root())
                : validator.validate(compiled, valijson::adapters::RapidJsonAdapter(target.root()), nullptr);
        if (passes) {
            return {};
        }
        sawLongString = target.sawLongString();
    }
    // Only a failing document pays for the exhaustive pass that tells where it failed.
    valijson::ValidationResults results;
    const PooledDocument target(document, sawLongString);
    validator.validate(compiled, valijson::adapters::RapidJsonAdapter(target.root()), &results);
    return tl::unexpected(toContractError(results));
}

bool ContractValidator::usesEventDispatch() const
{
    return m_impl->eventDispatch != nullptr;
}

bool ContractValidator::usesLiveMessageDispatch() const
{
    return m_impl->liveDispatch != nullptr;
}

const ContractValidator &ContractValidator::shared()
{
    static const ContractValidator instance;
    return instance;
}

QString ContractValidator::resourcePath(Schema schema)
{
    return QStringLiteral(":/contract/") + fileName(schema);
}

} // namespace Proctor::Contract
