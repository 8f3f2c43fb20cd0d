// SPDX-License-Identifier: MIT
// settings table access.
#include "storage/settingsrepository.h"

#include <QJsonArray>

#include "storage/adminsql.h"
#include "storage/database.h"

namespace Proctor::Collector::Storage::SettingsRepository {
namespace {

const std::string kCertificateKey = "certificate";

std::optional<QJsonObject> get(pqxx::connection &c, const std::string &key)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec_params("SELECT value::text FROM settings WHERE key = $1", key);
    if (r.empty())
        return std::nullopt;
    return AdminSql::jsonb(r[0][0]).toObject();
}

void put(pqxx::work &tx, const std::string &key, const QJsonObject &value, std::optional<qint64> adminId)
{
    tx.exec_params(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = "
        "EXCLUDED.updated_by",
        key, AdminSql::jsonText(value), adminId);
}

} // namespace

std::optional<CertificateSettings> certificate(pqxx::connection &c)
{
    const std::optional<QJsonObject> stored = get(c, kCertificateKey);
    if (!stored)
        return std::nullopt;
    CertificateSettings s;
    s.organisationName = stored->value(QStringLiteral("organisationName")).toString();
    s.addressLine = stored->value(QStringLiteral("addressLine")).toString();
    s.contacts = stored->value(QStringLiteral("contacts")).toString();
    for (const QJsonValue &v : stored->value(QStringLiteral("signatories")).toArray())
        s.signatories.append(Signatory{v.toObject().value(QStringLiteral("title")).toString(),
                                       v.toObject().value(QStringLiteral("name")).toString()});
    return s;
}

void putCertificate(pqxx::work &tx, const CertificateSettings &settings, std::optional<qint64> adminId)
{
    put(tx, kCertificateKey, certificateDocument(settings), adminId);
}

QJsonObject certificateDocument(const CertificateSettings &settings)
{
    QJsonArray signatories;
    for (const Signatory &s : settings.signatories)
        signatories.append(QJsonObject{{QStringLiteral("title"), s.title}, {QStringLiteral("name"), s.name}});
    return QJsonObject{{QStringLiteral("organisationName"), settings.organisationName},
                       {QStringLiteral("addressLine"), settings.addressLine},
                       {QStringLiteral("contacts"), settings.contacts},
                       {QStringLiteral("signatories"), signatories}};
}

} // namespace Proctor::Collector::Storage::SettingsRepository
