// SPDX-License-Identifier: MIT
#include "http/json/adminjson.h"

#include <QJsonArray>

#include "http/json/timestampjson.h"

namespace Proctor::Collector::Http::Json {
namespace {

tl::unexpected<Error> invalid(const QString &pointer, const QString &message)
{
    return tl::unexpected(Error{ErrorCode::ValidationFailed, message, pointer, 0});
}

} // namespace

Expected<Services::NewAdmin> parseNewAdmin(const QJsonObject &body)
{
    Services::NewAdmin admin;
    admin.email = body.value(QStringLiteral("email")).toString();
    admin.password = body.value(QStringLiteral("password")).toString().toUtf8();
    admin.role = body.value(QStringLiteral("role")).toString();
    const QJsonValue displayName = body.value(QStringLiteral("displayName"));
    if (!displayName.isUndefined() && !displayName.isString())
        return invalid(QStringLiteral("/displayName"),
                       QStringLiteral("must be a string of at most 200 characters"));
    admin.displayName = displayName.toString();
    return admin;
}

Expected<Services::AdminChange> parseAdminChange(const QJsonObject &body)
{
    Services::AdminChange change;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == QLatin1String("role")) {
            change.role = Auth::adminRoleFromName(it.value().toString());
            if (!change.role)
                return invalid(QStringLiteral("/role"), QStringLiteral("must be admin or proctor"));
        } else if (it.key() == QLatin1String("disabled")) {
            if (!it.value().isBool())
                return invalid(QStringLiteral("/disabled"), QStringLiteral("must be true or false"));
            change.disabled = it.value().toBool();
        } else {
            return invalid(QLatin1Char('/') + it.key(),
                           QStringLiteral("unknown field; role and disabled can change"));
        }
    }
    return change;
}

QJsonObject toJson(const Storage::AdminRecord &a)
{
    return QJsonObject{{QStringLiteral("id"), a.identity.id},
                       {QStringLiteral("email"), a.identity.email},
                       {QStringLiteral("role"), Auth::adminRoleName(a.identity.role)},
                       {QStringLiteral("displayName"), a.identity.displayName},
                       {QStringLiteral("disabled"), a.disabled()},
                       {QStringLiteral("createdAt"), timestampJson(a.createdAt)},
                       {QStringLiteral("disabledAt"), timestampJson(a.disabledAt)},
                       {QStringLiteral("lastLoginAt"), timestampJson(a.lastLoginAt)}};
}

QJsonObject toJson(const QList<Storage::AdminRecord> &admins)
{
    QJsonArray items;
    for (const Storage::AdminRecord &a : admins)
        items.append(toJson(a));
    return QJsonObject{{QStringLiteral("items"), items}};
}

} // namespace Proctor::Collector::Http::Json
