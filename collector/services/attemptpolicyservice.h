// SPDX-License-Identifier: MIT
// Editing a test's attempt policy (admin): stored inside the test's definition so that it travels with the
// test, audited as `test.policy`. Re-importing the same file (same checksum) keeps it; importing a changed
// file replaces the whole definition, its attemptPolicy (or the defaults) included: the file is the source of
// a new version.
#pragma once

#include <QFuture>
#include <QString>

#include "contract/testdefinition.h"
#include "core/error.h"
#include "services/actor.h"

namespace Proctor::Collector::Storage {
class DbPool;
class TestCatalog;
} // namespace Proctor::Collector::Storage

namespace Proctor::Collector::Services {

class AttemptPolicyService
{
public:
    AttemptPolicyService(Storage::DbPool &db, Storage::TestCatalog &catalog);

    // ValidationFailed naming /maxAttempts, /minSecondsBetweenAttempts or /disclosure; NotFound (id) for an
    // unknown test. Returns the policy as stored.
    QFuture<Expected<Contract::AttemptPolicy>> set(const Actor &actor, const QString &testId,
                                                   Contract::AttemptPolicy policy);
    static Expected<void> validate(const Contract::AttemptPolicy &policy);

private:
    Storage::DbPool &m_db;
    Storage::TestCatalog &m_catalog;
};

} // namespace Proctor::Collector::Services
