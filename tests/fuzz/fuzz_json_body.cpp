// SPDX-License-Identifier: MIT
// A request body as the routes read it: parseBody() (Content-Type, parseJsonObject with its nesting pre-scan,
// then ContractValidator) against each of the four schemas, plus the pre-scan and parser on their own.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <QJsonArray>
#include <QJsonObject>

#include "contract/contractvalidator.h"
#include "contract/jsonparse.h"
#include "http/requestbody.h"
#ifdef PROCTOR_FUZZ_ADMIN
#include "http/routes/adminguard.h"
#endif

using namespace Proctor;
using namespace Proctor::Collector::Http;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_json_body: invariant broken: %s\n", what);
        std::abort();
    }
}

// What PostgreSQL stores (text and jsonb): no U+0000, no unpaired surrogate. Checked here independently of
// requireStorableText(), on every body a route would accept.
bool storable(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).unicode() == 0 || s.at(i).isLowSurrogate())
            return false;
        if (s.at(i).isHighSurrogate() && !(i + 1 < s.size() && s.at(++i).isLowSurrogate()))
            return false;
    }
    return true;
}

bool storable(const QJsonValue &v)
{
    if (v.isString())
        return storable(v.toString());
    if (v.isArray()) {
        for (const QJsonValue item : v.toArray())
            if (!storable(item))
                return false;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!storable(it.key()) || !storable(it.value()))
                return false;
    }
    return true;
}

constexpr Contract::Schema kSchemas[] = {Contract::Schema::SessionStart, Contract::Schema::EventBatch,
                                         Contract::Schema::ResultSubmission,
                                         Contract::Schema::TestDefinition};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Contract::ContractValidator &validator = Contract::ContractValidator::shared();

    HttpRequest request;
    request.headers.append(
        qMakePair(QByteArray("content-type"), QByteArray("application/json; charset=utf-8")));
    request.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));

    const Contract::NestingScan scan = Contract::scanNesting(request.body);
    check(scan.offset < 0 || (scan.offset < request.body.size() && scan.deepest > Contract::kMaxJsonDepth),
          "nesting scan offset");
    const auto parsed = Contract::parseJsonObject(request.body);
    if (parsed) {
        // Whatever QJsonDocument accepted was within the nesting limit.
        check(scan.offset < 0, "accepted a document nested over the limit");
    }

    for (const Contract::Schema schema : kSchemas) {
        const auto body = parseBody(request, validator, schema);
        check(!body || (parsed && *body == *parsed), "parseBody accepted what parseJsonObject did not");
        check(!body || storable(QJsonValue(*body)), "parseBody accepted text PostgreSQL cannot store");
        if (!body) {
            check(!body.error().message.isEmpty(), "an error without a message");
            check(body.error().field.isEmpty() || body.error().field.startsWith(QLatin1Char('/')),
                  "an error field that is not a JSON pointer");
        }
    }
#ifdef PROCTOR_FUZZ_ADMIN
    const auto admin = adminJsonBody(request);
    check(!admin || (parsed && *admin == *parsed), "adminJsonBody accepted what parseJsonObject did not");
    check(!admin || storable(QJsonValue(*admin)), "adminJsonBody accepted text PostgreSQL cannot store");
#endif
    return 0;
}
