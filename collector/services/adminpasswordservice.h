// SPDX-License-Identifier: MIT
// Admin passwords: an admin changes their own (knowing the current one), an administrator resets another's
// (a new random password, shown once), the operator sets one from the command line. Every change is audited
// and signs out the account's other sessions (its other bearer tokens are revoked).
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

#include "core/error.h"
#include "services/actor.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

struct PasswordChange
{
    qint64 adminId = 0;
    QString email;
    int tokensRevoked = 0;
    QByteArray generatedPassword; // set only by reset(): shown once, never stored in clear
};

class AdminPasswordService
{
public:
    static constexpr int kGeneratedLength = 20; // Crockford base32: 100 bits

    explicit AdminPasswordService(Storage::DbPool &db) : m_db(db) {}

    // The signed-in admin (actor.admin) changes their own password. InvalidCredentials (/current) when the
    // current password is wrong; ValidationFailed (/new) for a length outside the limits or the same
    // password. Tokens other than the one in use are revoked. Audited as admin.password_change.
    QFuture<Expected<PasswordChange>> changeOwn(const Actor &actor, const QByteArray &current,
                                                const QByteArray &next);
    // A new random password for admin `id` (the route checks the admin role); every token of that admin is
    // revoked (the caller's own too when it resets itself). NotFound. Audited as admin.password_reset.
    QFuture<Expected<PasswordChange>> reset(const Actor &actor, qint64 id);
    // The command line: sets `password` for the account with that e-mail (NotFound), revokes its tokens.
    // Audited as admin.password_set.
    QFuture<Expected<PasswordChange>> set(const Actor &actor, const QString &email,
                                          const QByteArray &password);

    static Expected<void> checkLength(const QByteArray &password, const QString &field);
    static QByteArray generate();

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
