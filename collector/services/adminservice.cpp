// SPDX-License-Identifier: MIT
#include "services/adminservice.h"

#include <QRegularExpression>

#include "auth/passwordhasher.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

Error invalid(const QString &pointer, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, pointer, 0};
}

bool plausibleEmail(const QString &email)
{
    static const QRegularExpression format(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return email.size() <= 254 && format.match(email).hasMatch();
}

struct CheckedAdmin
{
    QString email;
    QByteArray password;
    Auth::AdminRole role = Auth::AdminRole::Proctor;
    QString displayName;
};

Expected<CheckedAdmin> checked(const NewAdmin &input)
{
    CheckedAdmin out;
    out.email = input.email.trimmed().toLower();
    if (!plausibleEmail(out.email))
        return tl::unexpected(invalid(QStringLiteral("/email"), QStringLiteral("must be an e-mail address")));
    // At least so many characters (what a person counts), at most so many bytes (what the hasher reads).
    if (QString::fromUtf8(input.password).size() < Auth::PasswordHasher::kMinPasswordLength ||
        input.password.size() > Auth::PasswordHasher::kMaxPasswordLength)
        return tl::unexpected(
            invalid(QStringLiteral("/password"), QStringLiteral("must be %1..%2 characters")
                                                     .arg(Auth::PasswordHasher::kMinPasswordLength)
                                                     .arg(Auth::PasswordHasher::kMaxPasswordLength)));
    out.password = input.password;
    const auto role = Auth::adminRoleFromName(input.role);
    if (!role)
        return tl::unexpected(invalid(QStringLiteral("/role"), QStringLiteral("must be admin or proctor")));
    out.role = *role;
    if (input.displayName.size() > 200)
        return tl::unexpected(invalid(QStringLiteral("/displayName"),
                                      QStringLiteral("must be a string of at most 200 characters")));
    out.displayName = input.displayName.simplified();
    return out;
}

} // namespace

QFuture<Expected<QList<Storage::AdminRecord>>> AdminService::list()
{
    return m_db.run<QList<Storage::AdminRecord>>(
        [](pqxx::connection &c) -> Expected<QList<Storage::AdminRecord>> {
            return Storage::AdminRepository::list(c);
        });
}

QFuture<Expected<Storage::AdminRecord>> AdminService::create(const Actor &actor, const NewAdmin &input)
{
    const auto admin = checked(input);
    if (!admin)
        return QtFuture::makeReadyFuture(Expected<Storage::AdminRecord>(tl::unexpected(admin.error())));
    return m_db.run<Storage::AdminRecord>([actor, in = *admin](
                                              pqxx::connection &c) -> Expected<Storage::AdminRecord> {
        // Hashing is slow on purpose (argon2id): it runs here, off the HTTP thread.
        const QByteArray hash = Auth::PasswordHasher().hash(in.password);
        if (hash.isEmpty())
            return makeError(ErrorCode::Internal, QStringLiteral("password hashing failed"));
        pqxx::work tx(c);
        const auto created = Storage::AdminRepository::insert(tx, in.email, hash, in.role, in.displayName);
        if (!created)
            return tl::unexpected(created.error());
        Storage::AuditLog::record(
            tx,
            actor.audit(QStringLiteral("admin.create"), QStringLiteral("admin:%1").arg(created->identity.id),
                        QJsonObject{{QStringLiteral("email"), in.email},
                                    {QStringLiteral("role"), Auth::adminRoleName(in.role)}}));
        tx.commit();
        return *created;
    });
}

QFuture<Expected<Storage::AdminRecord>> AdminService::update(const Actor &actor, qint64 id,
                                                             const AdminChange &change)
{
    if (!change.role && !change.disabled)
        return QtFuture::makeReadyFuture(Expected<Storage::AdminRecord>(tl::unexpected(
            invalid(QString(), QStringLiteral("nothing to change: send role and/or disabled")))));
    QJsonObject details;
    if (change.role)
        details.insert(QStringLiteral("role"), Auth::adminRoleName(*change.role));
    if (change.disabled)
        details.insert(QStringLiteral("disabled"), *change.disabled);
    return m_db.run<Storage::AdminRecord>([actor, id, change,
                                           details](pqxx::connection &c) -> Expected<Storage::AdminRecord> {
        pqxx::work tx(c);
        const auto updated = Storage::AdminRepository::update(tx, id, change.role, change.disabled);
        if (!updated)
            return tl::unexpected(updated.error());
        // Locking everyone out (the last active admin demoted or disabled) is refused: the change rolls
        // back with the transaction.
        if (Storage::AdminRepository::countActiveAdmins(tx) == 0)
            return makeError(ErrorCode::Conflict, QStringLiteral("at least one active admin must remain"));
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("admin.update"), QStringLiteral("admin:%1").arg(id), details));
        tx.commit();
        return *updated;
    });
}

} // namespace Proctor::Collector::Services
