// SPDX-License-Identifier: MIT
#include "services/adminpasswordservice.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include "auth/passwordhasher.h"
#include "storage/adminpasswordrepository.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

template <typename T> QFuture<Expected<T>> refused(Error error)
{
    return QtFuture::makeReadyFuture(Expected<T>(tl::unexpected(std::move(error))));
}

// Hashes, stores, revokes and audits; the checks were made by the caller.
Expected<PasswordChange> store(pqxx::work &tx, const Actor &actor, const Storage::AdminPasswordRecord &admin,
                               const QByteArray &password, const QByteArray &keepToken, const QString &action)
{
    const QByteArray hash = Auth::PasswordHasher().hash(password);
    if (hash.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("password hashing failed"));
    Storage::AdminPasswordRepository::setHash(tx, admin.id, hash);
    const int revoked = Storage::AdminPasswordRepository::revokeTokens(tx, admin.id, keepToken);
    Storage::AuditLog::record(tx, actor.audit(action, QStringLiteral("admin:%1").arg(admin.id),
                                              QJsonObject{{QStringLiteral("email"), admin.email},
                                                          {QStringLiteral("tokensRevoked"), revoked}}));
    return PasswordChange{admin.id, admin.email, revoked, {}};
}

} // namespace

Expected<void> AdminPasswordService::checkLength(const QByteArray &password, const QString &field)
{
    if (QString::fromUtf8(password).size() < Auth::PasswordHasher::kMinPasswordLength ||
        password.size() > Auth::PasswordHasher::kMaxPasswordLength)
        return tl::unexpected(Error{ErrorCode::ValidationFailed,
                                    QStringLiteral("must be %1 to %2 characters long")
                                        .arg(Auth::PasswordHasher::kMinPasswordLength)
                                        .arg(Auth::PasswordHasher::kMaxPasswordLength),
                                    field, 0});
    return {};
}

QByteArray AdminPasswordService::generate()
{
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QByteArray out;
    for (int i = 0; i < kGeneratedLength; ++i)
        out.append(kAlphabet[QRandomGenerator::system()->generate() % 32]);
    return out;
}

QFuture<Expected<PasswordChange>>
AdminPasswordService::changeOwn(const Actor &actor, const QByteArray &current, const QByteArray &next)
{
    if (!actor.admin)
        return refused<PasswordChange>(Error{ErrorCode::ForbiddenRole,
                                             QStringLiteral("only a signed-in admin changes their password"),
                                             {},
                                             0});
    if (auto ok = checkLength(next, QStringLiteral("/new")); !ok)
        return refused<PasswordChange>(ok.error());
    if (current == next)
        return refused<PasswordChange>(Error{ErrorCode::ValidationFailed,
                                             QStringLiteral("must differ from the current password"),
                                             QStringLiteral("/new"), 0});
    return m_db.run<PasswordChange>([actor, current, next](pqxx::connection &c) -> Expected<PasswordChange> {
        pqxx::work tx(c);
        const auto admin = Storage::AdminPasswordRepository::find(tx, actor.admin->id);
        if (!admin)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such admin"), QStringLiteral("id"));
        if (!Auth::PasswordHasher().verify(admin->passwordHash, current))
            return makeError(ErrorCode::InvalidCredentials, QStringLiteral("the current password is wrong"),
                             QStringLiteral("/current"));
        auto done =
            store(tx, actor, *admin, next, actor.admin->tokenHash, QStringLiteral("admin.password_change"));
        if (done)
            tx.commit();
        return done;
    });
}

QFuture<Expected<PasswordChange>> AdminPasswordService::reset(const Actor &actor, qint64 id)
{
    return m_db.run<PasswordChange>([actor, id](pqxx::connection &c) -> Expected<PasswordChange> {
        pqxx::work tx(c);
        const auto admin = Storage::AdminPasswordRepository::find(tx, id);
        if (!admin)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such admin"), QStringLiteral("id"));
        const QByteArray password = generate();
        auto done = store(tx, actor, *admin, password, {}, QStringLiteral("admin.password_reset"));
        if (!done)
            return done;
        tx.commit();
        done->generatedPassword = password;
        return done;
    });
}

QFuture<Expected<PasswordChange>> AdminPasswordService::set(const Actor &actor, const QString &email,
                                                            const QByteArray &password)
{
    if (auto ok = checkLength(password, QStringLiteral("/password")); !ok)
        return refused<PasswordChange>(ok.error());
    const QString normalised = email.trimmed().toLower();
    return m_db.run<PasswordChange>(
        [actor, normalised, password](pqxx::connection &c) -> Expected<PasswordChange> {
            pqxx::work tx(c);
            const auto admin = Storage::AdminPasswordRepository::findByEmail(tx, normalised);
            if (!admin)
                return makeError(ErrorCode::NotFound, QStringLiteral("no admin with that e-mail"),
                                 QStringLiteral("email"));
            auto done = store(tx, actor, *admin, password, {}, QStringLiteral("admin.password_set"));
            if (done)
                tx.commit();
            return done;
        });
}

} // namespace Proctor::Collector::Services
