// SPDX-License-Identifier: MIT
// API keys: create (the key is shown once, only its SHA-256 is stored), list, revoke. The admin API and the
// `create-apikey` / `list-apikeys` / `revoke-apikey` subcommands both come here, so both are checked the same
// way, audited, and a revocation is announced to every instance.
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/error.h"
#include "services/actor.h"
#include "storage/apikeyrepository.h"

namespace Proctor::Collector {
namespace Live {
class Announcer;
}
namespace Storage {
class DbPool;
}
} // namespace Proctor::Collector

namespace Proctor::Collector::Services {

struct NewApiKey
{
    QString name;       // 1..100 characters once trimmed
    QStringList scopes; // non-empty, each one of Auth::knownScopes(); duplicates are dropped
};

struct CreatedApiKey
{
    Storage::ApiKeyRecord record;
    QByteArray key; // the secret itself: shown to the caller now and never again
};

class ApiKeyService
{
public:
    ApiKeyService(Storage::DbPool &db, Live::Announcer &announcer) : m_db(db), m_announcer(announcer) {}

    QFuture<Expected<QList<Storage::ApiKeyRecord>>> list();
    // ValidationFailed naming /name, /scopes or /scopes/<i>.
    QFuture<Expected<CreatedApiKey>> create(const Actor &actor, const NewApiKey &input);
    // NotFound (field "id") for an unknown key. Revoking a revoked key changes nothing (alreadyRevoked): no
    // audit row, no announcement.
    QFuture<Expected<Storage::ApiKeyRevocation>> revoke(const Actor &actor, qint64 id);
    // Every key with this prefix (as list-apikeys shows it); empty when none has it.
    QFuture<Expected<QList<Storage::ApiKeyRevocation>>> revokeByPrefix(const Actor &actor,
                                                                       const QString &prefix);

private:
    Storage::DbPool &m_db;
    Live::Announcer &m_announcer;
};

} // namespace Proctor::Collector::Services
