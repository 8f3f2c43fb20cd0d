// SPDX-License-Identifier: MIT
#include "http/json/settingsjson.h"

#include <QJsonArray>

#include "services/settingsservice.h"

namespace Proctor::Collector::Http::Json {
namespace {

using Services::SettingsService;

tl::unexpected<Error> invalid(const QString &pointer, const QString &message)
{
    return tl::unexpected(Error{ErrorCode::ValidationFailed, message, pointer, 0});
}

// A text member: absent or null is empty.
Expected<QString> text(const QJsonObject &body, const QString &name, int max)
{
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString())
        return invalid(QLatin1Char('/') + name,
                       QStringLiteral("must be a string of at most %1 characters").arg(max));
    return v.toString();
}

} // namespace

Expected<Storage::CertificateSettings> parseCertificateSettings(const QJsonObject &body)
{
    static const QStringList known{QStringLiteral("organisationName"), QStringLiteral("addressLine"),
                                   QStringLiteral("contacts"), QStringLiteral("signatories"),
                                   QStringLiteral("legalBasis")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.contains(it.key()))
            return invalid(QLatin1Char('/') + it.key(), QStringLiteral("unknown field"));
    Storage::CertificateSettings s;
    const auto organisation =
        text(body, QStringLiteral("organisationName"), SettingsService::kMaxOrganisationName);
    if (!organisation)
        return tl::unexpected(organisation.error());
    const auto address = text(body, QStringLiteral("addressLine"), SettingsService::kMaxAddressLine);
    if (!address)
        return tl::unexpected(address.error());
    const auto contacts = text(body, QStringLiteral("contacts"), SettingsService::kMaxContacts);
    if (!contacts)
        return tl::unexpected(contacts.error());
    s.organisationName = *organisation;
    s.addressLine = *address;
    s.contacts = *contacts;
    const auto legalBasis = text(body, QStringLiteral("legalBasis"), SettingsService::kMaxLegalBasis);
    if (!legalBasis)
        return tl::unexpected(legalBasis.error());
    s.legalBasis = *legalBasis;

    const QJsonValue list = body.value(QStringLiteral("signatories"));
    if (list.isUndefined() || list.isNull())
        return s;
    if (!list.isArray())
        return invalid(QStringLiteral("/signatories"),
                       QStringLiteral("must be an array of at most %1 signatories")
                           .arg(SettingsService::kMaxSignatories));
    const QJsonArray signatories = list.toArray();
    for (qsizetype i = 0; i < signatories.size(); ++i) {
        const QString at = QStringLiteral("/signatories/%1").arg(i);
        if (!signatories[i].isObject())
            return invalid(at, QStringLiteral("must be an object {title, name}"));
        const QJsonObject o = signatories[i].toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("title") && it.key() != QLatin1String("name"))
                return invalid(at + QLatin1Char('/') + it.key(), QStringLiteral("unknown field"));
        // A title or name that is not a string reads as empty, which the service refuses in the same words.
        s.signatories.append(Storage::Signatory{o.value(QStringLiteral("title")).toString(),
                                                o.value(QStringLiteral("name")).toString()});
    }
    return s;
}

QJsonObject toJson(const Storage::CertificateSettings &settings)
{
    QJsonArray signatories;
    for (const Storage::Signatory &s : settings.signatories)
        signatories.append(QJsonObject{{QStringLiteral("title"), s.title}, {QStringLiteral("name"), s.name}});
    return QJsonObject{{QStringLiteral("organisationName"), settings.organisationName},
                       {QStringLiteral("addressLine"), settings.addressLine},
                       {QStringLiteral("contacts"), settings.contacts},
                       {QStringLiteral("legalBasis"), settings.legalBasis},
                       {QStringLiteral("signatories"), signatories}};
}

QJsonObject toJson(const Services::PublicCertificateSettings &p)
{
    QJsonArray signatories;
    for (const Storage::Signatory &s : p.settings.signatories)
        signatories.append(QJsonObject{{QStringLiteral("title"), s.title}, {QStringLiteral("name"), s.name}});
    return QJsonObject{
        {QStringLiteral("organisationName"), p.settings.organisationName},
        {QStringLiteral("addressLine"), p.settings.addressLine},
        {QStringLiteral("legalBasis"), p.settings.legalBasis},
        {QStringLiteral("signatories"), signatories},
        {QStringLiteral("emblemUrl"),
         p.hasEmblem
             ? QJsonValue(QStringLiteral("/api/v1/certificate-settings/emblem?v=%1").arg(p.emblemVersion))
             : QJsonValue(QJsonValue::Null)}};
}

QJsonObject toJson(const Services::EmblemInfo &e)
{
    return QJsonObject{{QStringLiteral("contentType"), e.contentType},
                       {QStringLiteral("width"), e.width},
                       {QStringLiteral("height"), e.height},
                       {QStringLiteral("bytes"), e.bytes}};
}

} // namespace Proctor::Collector::Http::Json
