// SPDX-License-Identifier: MIT
#include "services/attemptpolicyservice.h"

#include "storage/attemptrepository.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Services {

AttemptPolicyService::AttemptPolicyService(Storage::DbPool &db, Storage::TestCatalog &catalog)
    : m_db(db), m_catalog(catalog)
{
}

Expected<void> AttemptPolicyService::validate(const Contract::AttemptPolicy &p)
{
    if (p.maxAttempts < 1 || p.maxAttempts > 100)
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("maxAttempts must be 1..100"),
                         QStringLiteral("/maxAttempts"));
    if (p.minSecondsBetweenAttempts < 0 || p.minSecondsBetweenAttempts > 2592000)
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("minSecondsBetweenAttempts must be 0..2592000 (30 days)"),
                         QStringLiteral("/minSecondsBetweenAttempts"));
    if (p.disclosure != QLatin1String("passFail") && p.disclosure != QLatin1String("score") &&
        p.disclosure != QLatin1String("review"))
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("disclosure must be \"passFail\", \"score\" or \"review\""),
                         QStringLiteral("/disclosure"));
    return {};
}

QFuture<Expected<Contract::AttemptPolicy>>
AttemptPolicyService::set(const Actor &actor, const QString &testId, Contract::AttemptPolicy policy)
{
    return m_db.run<Contract::AttemptPolicy>(
        [this, actor, testId, policy](pqxx::connection &c) -> Expected<Contract::AttemptPolicy> {
            if (auto valid = validate(policy); !valid)
                return tl::unexpected(valid.error());
            pqxx::work tx(c);
            auto definition = Storage::AttemptRepository::lockDefinition(tx, testId);
            if (!definition)
                return makeError(ErrorCode::NotFound, QStringLiteral("no such test"), QStringLiteral("id"));
            const QJsonObject before = definition->value(QStringLiteral("attemptPolicy")).toObject();
            definition->insert(QStringLiteral("attemptPolicy"), policy.toJson());
            Storage::AttemptRepository::storeDefinition(tx, testId, *definition);
            Storage::AuditLog::record(
                tx, actor.audit(QStringLiteral("test.policy"), QStringLiteral("test:%1").arg(testId),
                                QJsonObject{{QStringLiteral("before"), before},
                                            {QStringLiteral("after"), policy.toJson()}}));
            tx.commit();
            // This instance reads the new policy at once; the others within the catalog's cache lifetime.
            m_catalog.forget(testId);
            return policy;
        });
}

} // namespace Proctor::Collector::Services
