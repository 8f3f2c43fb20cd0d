// SPDX-License-Identifier: MIT
#include "services/settingsservice.h"

#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

Error invalid(const QString &pointer, const QString &message)
{
    return Error{ErrorCode::ValidationFailed, message, pointer, 0};
}

// The length is checked before trimming, as the person typed it.
std::optional<Error> trimText(QString &text, const QString &pointer, int max)
{
    if (text.size() > max)
        return invalid(pointer, QStringLiteral("must be a string of at most %1 characters").arg(max));
    text = text.trimmed();
    return std::nullopt;
}

std::optional<Error> trimSignatoryText(QString &text, const QString &pointer)
{
    if (text.trimmed().isEmpty() || text.size() > SettingsService::kMaxSignatoryText)
        return invalid(pointer, QStringLiteral("must be a non-empty string of at most %1 characters")
                                    .arg(SettingsService::kMaxSignatoryText));
    text = text.trimmed();
    return std::nullopt;
}

Expected<Storage::CertificateSettings> checked(Storage::CertificateSettings s)
{
    if (auto e = trimText(s.organisationName, QStringLiteral("/organisationName"),
                          SettingsService::kMaxOrganisationName))
        return tl::unexpected(*e);
    if (auto e = trimText(s.addressLine, QStringLiteral("/addressLine"), SettingsService::kMaxAddressLine))
        return tl::unexpected(*e);
    if (auto e = trimText(s.contacts, QStringLiteral("/contacts"), SettingsService::kMaxContacts))
        return tl::unexpected(*e);
    if (s.organisationName.isEmpty())
        return tl::unexpected(invalid(QStringLiteral("/organisationName"), QStringLiteral("is required")));
    if (s.signatories.size() > SettingsService::kMaxSignatories)
        return tl::unexpected(invalid(QStringLiteral("/signatories"),
                                      QStringLiteral("must be an array of at most %1 signatories")
                                          .arg(SettingsService::kMaxSignatories)));
    for (qsizetype i = 0; i < s.signatories.size(); ++i) {
        const QString at = QStringLiteral("/signatories/%1").arg(i);
        if (auto e = trimSignatoryText(s.signatories[i].title, at + QStringLiteral("/title")))
            return tl::unexpected(*e);
        if (auto e = trimSignatoryText(s.signatories[i].name, at + QStringLiteral("/name")))
            return tl::unexpected(*e);
    }
    return s;
}

} // namespace

QFuture<Expected<Storage::CertificateSettings>> SettingsService::certificate()
{
    return m_db.run<Storage::CertificateSettings>(
        [](pqxx::connection &c) -> Expected<Storage::CertificateSettings> {
            return Storage::SettingsRepository::certificate(c).value_or(Storage::CertificateSettings{});
        });
}

QFuture<Expected<Storage::CertificateSettings>>
SettingsService::setCertificate(const Actor &actor, const Storage::CertificateSettings &settings)
{
    const auto valid = checked(settings);
    if (!valid)
        return QtFuture::makeReadyFuture(
            Expected<Storage::CertificateSettings>(tl::unexpected(valid.error())));
    return m_db.run<Storage::CertificateSettings>(
        [actor, s = *valid](pqxx::connection &c) -> Expected<Storage::CertificateSettings> {
            pqxx::work tx(c);
            Storage::SettingsRepository::putCertificate(
                tx, s, actor.admin ? std::optional<qint64>(actor.admin->id) : std::nullopt);
            Storage::AuditLog::record(tx, actor.audit(QStringLiteral("settings.certificate"),
                                                      QStringLiteral("settings:certificate"),
                                                      Storage::SettingsRepository::certificateDocument(s)));
            tx.commit();
            return s;
        });
}

} // namespace Proctor::Collector::Services
