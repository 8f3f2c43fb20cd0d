// SPDX-License-Identifier: MIT
#include "services/apikeyservice.h"

#include <QJsonArray>

#include "live/announcer.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

Error invalid(const QString &pointer, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, pointer, 0};
}

Expected<NewApiKey> checked(const NewApiKey &input)
{
    NewApiKey out{input.name.trimmed(), {}};
    if (out.name.isEmpty() || out.name.size() > 100)
        return tl::unexpected(
            invalid(QStringLiteral("/name"), QStringLiteral("name must be 1..100 characters")));
    if (input.scopes.isEmpty())
        return tl::unexpected(
            invalid(QStringLiteral("/scopes"), QStringLiteral("scopes must be a non-empty array")));
    for (qsizetype i = 0; i < input.scopes.size(); ++i) {
        if (!Auth::knownScopes().contains(input.scopes[i]))
            return tl::unexpected(invalid(QStringLiteral("/scopes/%1").arg(i),
                                          QStringLiteral("unknown scope (known: %1)")
                                              .arg(Auth::knownScopes().join(QStringLiteral(", ")))));
        if (!out.scopes.contains(input.scopes[i]))
            out.scopes.append(input.scopes[i]);
    }
    return out;
}

// Audits and (after the commit) announces the keys this transaction revoked.
QList<Storage::ApiKeyRevocation> commitRevocations(pqxx::work &tx, const Actor &actor,
                                                   const QList<Storage::ApiKeyRevocation> &keys,
                                                   Live::Announcer &announcer)
{
    for (const Storage::ApiKeyRevocation &k : keys)
        if (!k.alreadyRevoked)
            Storage::AuditLog::record(
                tx, actor.audit(QStringLiteral("apikey.revoke"), QStringLiteral("apikey:%1").arg(k.id)));
    tx.commit();
    // Every instance drops the key from its caches on this message (the live dispatcher).
    for (const Storage::ApiKeyRevocation &k : keys)
        if (!k.alreadyRevoked)
            announcer.announce(Contract::ApiKeyRevoked{k.id, k.hash});
    return keys;
}

} // namespace

QFuture<Expected<QList<Storage::ApiKeyRecord>>> ApiKeyService::list()
{
    return m_db.run<QList<Storage::ApiKeyRecord>>(
        [](pqxx::connection &c) -> Expected<QList<Storage::ApiKeyRecord>> {
            return Storage::ApiKeyRepository::list(c);
        });
}

QFuture<Expected<CreatedApiKey>> ApiKeyService::create(const Actor &actor, const NewApiKey &input)
{
    const auto key = checked(input);
    if (!key)
        return QtFuture::makeReadyFuture(Expected<CreatedApiKey>(tl::unexpected(key.error())));
    return m_db.run<CreatedApiKey>([actor, in = *key](pqxx::connection &c) -> Expected<CreatedApiKey> {
        const Auth::NewApiKey secret = Auth::generateApiKey();
        pqxx::work tx(c);
        const Storage::ApiKeyRecord record =
            Storage::ApiKeyRepository::insert(tx, in.name, secret, in.scopes);
        // Name, prefix and scopes identify the key in the log; the key itself never goes there.
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("apikey.create"), QStringLiteral("apikey:%1").arg(record.info.id),
                            QJsonObject{{QStringLiteral("name"), in.name},
                                        {QStringLiteral("prefix"), secret.prefix},
                                        {QStringLiteral("scopes"), QJsonArray::fromStringList(in.scopes)}}));
        tx.commit();
        return CreatedApiKey{record, secret.key};
    });
}

QFuture<Expected<Storage::ApiKeyRevocation>> ApiKeyService::revoke(const Actor &actor, qint64 id)
{
    return m_db.run<Storage::ApiKeyRevocation>(
        [actor, id, &announcer = m_announcer](pqxx::connection &c) -> Expected<Storage::ApiKeyRevocation> {
            pqxx::work tx(c);
            const auto revoked = Storage::ApiKeyRepository::revoke(tx, id);
            if (!revoked)
                return makeError(ErrorCode::NotFound, QStringLiteral("no such API key"),
                                 QStringLiteral("id"));
            return commitRevocations(tx, actor, {*revoked}, announcer).first();
        });
}

QFuture<Expected<QList<Storage::ApiKeyRevocation>>> ApiKeyService::revokeByPrefix(const Actor &actor,
                                                                                  const QString &prefix)
{
    return m_db.run<QList<Storage::ApiKeyRevocation>>(
        [actor, prefix,
         &announcer = m_announcer](pqxx::connection &c) -> Expected<QList<Storage::ApiKeyRevocation>> {
            pqxx::work tx(c);
            return commitRevocations(tx, actor, Storage::ApiKeyRepository::revokeByPrefix(tx, prefix),
                                     announcer);
        });
}

} // namespace Proctor::Collector::Services
