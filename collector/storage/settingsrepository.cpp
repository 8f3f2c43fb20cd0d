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
    s.legalBasis = stored->value(QStringLiteral("legalBasis")).toString();
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
                       {QStringLiteral("legalBasis"), settings.legalBasis},
                       {QStringLiteral("signatories"), signatories}};
}

std::optional<Emblem> emblem(pqxx::transaction_base &tx)
{
    const auto rows = tx.exec("SELECT content_type, image, width, height, "
                              "floor(extract(epoch FROM updated_at) * 1000)::bigint FROM certificate_emblem");
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    const pqxx::binarystring image(r[1]);
    return Emblem{QString::fromStdString(r[0].as<std::string>()),
                  QByteArray(reinterpret_cast<const char *>(image.data()), qsizetype(image.size())),
                  r[2].as<int>(), r[3].as<int>(), QDateTime::fromMSecsSinceEpoch(r[4].as<qint64>(), Qt::UTC)};
}

void putEmblem(pqxx::work &tx, const Emblem &e, std::optional<qint64> adminId)
{
    const pqxx::binarystring image(e.image.constData(), size_t(e.image.size()));
    tx.exec_params(
        "INSERT INTO certificate_emblem (id, content_type, image, width, height, updated_at, "
        "updated_by) VALUES (true, $1, $2, $3, $4, now(), $5) "
        "ON CONFLICT (id) DO UPDATE SET content_type = EXCLUDED.content_type, image = EXCLUDED.image, "
        "width = EXCLUDED.width, height = EXCLUDED.height, updated_at = now(), "
        "updated_by = EXCLUDED.updated_by",
        e.contentType.toStdString(), image, e.width, e.height, adminId);
}

bool deleteEmblem(pqxx::work &tx)
{
    return tx.exec("DELETE FROM certificate_emblem").affected_rows() > 0;
}

} // namespace Proctor::Collector::Storage::SettingsRepository
