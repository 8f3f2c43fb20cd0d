// SPDX-License-Identifier: MIT
#include "services/settingsservice.h"

#include "storage/auditlog.h"
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
    if (auto e = trimText(s.legalBasis, QStringLiteral("/legalBasis"), SettingsService::kMaxLegalBasis))
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

quint32 bigEndian32(const QByteArray &b, qsizetype at)
{
    return (quint32(uchar(b[at])) << 24) | (quint32(uchar(b[at + 1])) << 16) |
           (quint32(uchar(b[at + 2])) << 8) | quint32(uchar(b[at + 3]));
}

// The frame size of a JPEG: the first SOFn segment's height and width; {0, 0} when there is none.
std::pair<int, int> jpegSize(const QByteArray &b)
{
    qsizetype at = 2;
    while (at + 9 < b.size()) {
        if (uchar(b[at]) != 0xFF)
            return {0, 0};
        const uchar marker = uchar(b[at + 1]);
        if (marker == 0xFF) { // fill byte
            ++at;
            continue;
        }
        const int length = (uchar(b[at + 2]) << 8) | uchar(b[at + 3]);
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof)
            return {(uchar(b[at + 7]) << 8) | uchar(b[at + 8]), (uchar(b[at + 5]) << 8) | uchar(b[at + 6])};
        if (length < 2)
            return {0, 0};
        at += 2 + length;
    }
    return {0, 0};
}

} // namespace

Expected<EmblemInfo> SettingsService::checkEmblem(const QByteArray &image)
{
    if (image.size() > kMaxEmblemBytes)
        return makeError(ErrorCode::PayloadTooLarge,
                         QStringLiteral("the emblem may be at most %1 bytes").arg(kMaxEmblemBytes),
                         QStringLiteral("image"));
    static const QByteArray png("\x89PNG\r\n\x1a\n", 8);
    EmblemInfo info;
    info.bytes = int(image.size());
    if (image.startsWith(png)) {
        // The IHDR chunk comes first: length, "IHDR", width, height.
        if (image.size() < 24 || image.mid(12, 4) != "IHDR")
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("a PNG without its IHDR header"),
                             QStringLiteral("/image"));
        info.contentType = QStringLiteral("image/png");
        info.width = int(qMin<quint32>(bigEndian32(image, 16), 1u << 30));
        info.height = int(qMin<quint32>(bigEndian32(image, 20), 1u << 30));
    } else if (image.size() > 3 && uchar(image[0]) == 0xFF && uchar(image[1]) == 0xD8 &&
               uchar(image[2]) == 0xFF) {
        info.contentType = QStringLiteral("image/jpeg");
        const auto [w, h] = jpegSize(image);
        info.width = w;
        info.height = h;
    } else {
        return makeError(ErrorCode::UnsupportedMediaType,
                         QStringLiteral("the emblem must be a PNG or JPEG image"), QStringLiteral("image"));
    }
    if (info.width <= 0 || info.height <= 0 || info.width > kMaxEmblemSide || info.height > kMaxEmblemSide)
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("the emblem must be at most %1x%1 pixels (this one is %2x%3)")
                             .arg(kMaxEmblemSide)
                             .arg(info.width)
                             .arg(info.height),
                         QStringLiteral("/image"));
    return info;
}

QFuture<Expected<EmblemInfo>> SettingsService::setEmblem(const Actor &actor, const QByteArray &image)
{
    const auto info = checkEmblem(image);
    if (!info)
        return QtFuture::makeReadyFuture(Expected<EmblemInfo>(tl::unexpected(info.error())));
    return m_db.run<EmblemInfo>([actor, image, info = *info](pqxx::connection &c) -> Expected<EmblemInfo> {
        pqxx::work tx(c);
        Storage::SettingsRepository::putEmblem(
            tx, Storage::Emblem{info.contentType, image, info.width, info.height, {}},
            actor.admin ? std::optional<qint64>(actor.admin->id) : std::nullopt);
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("settings.emblem"), QStringLiteral("settings:certificate"),
                            QJsonObject{{QStringLiteral("contentType"), info.contentType},
                                        {QStringLiteral("width"), info.width},
                                        {QStringLiteral("height"), info.height},
                                        {QStringLiteral("bytes"), info.bytes}}));
        tx.commit();
        return info;
    });
}

QFuture<Expected<void>> SettingsService::deleteEmblem(const Actor &actor)
{
    return m_db.run<void>([actor](pqxx::connection &c) -> Expected<void> {
        pqxx::work tx(c);
        if (!Storage::SettingsRepository::deleteEmblem(tx))
            return makeError(ErrorCode::NotFound, QStringLiteral("no emblem was uploaded"),
                             QStringLiteral("emblem"));
        Storage::AuditLog::record(tx, actor.audit(QStringLiteral("settings.emblem.delete"),
                                                  QStringLiteral("settings:certificate")));
        tx.commit();
        return {};
    });
}

QFuture<Expected<Storage::Emblem>> SettingsService::emblem()
{
    return m_db.run<Storage::Emblem>([](pqxx::connection &c) -> Expected<Storage::Emblem> {
        pqxx::nontransaction tx(c);
        auto found = Storage::SettingsRepository::emblem(tx);
        if (!found)
            return makeError(ErrorCode::NotFound, QStringLiteral("no emblem was uploaded"),
                             QStringLiteral("emblem"));
        return *found;
    });
}

QFuture<Expected<PublicCertificateSettings>> SettingsService::publicCertificate()
{
    return m_db.run<PublicCertificateSettings>(
        [](pqxx::connection &c) -> Expected<PublicCertificateSettings> {
            PublicCertificateSettings out;
            out.settings =
                Storage::SettingsRepository::certificate(c).value_or(Storage::CertificateSettings{});
            pqxx::nontransaction tx(c);
            const auto found = Storage::SettingsRepository::emblem(tx);
            out.hasEmblem = found.has_value();
            if (found)
                out.emblemVersion = found->updatedAt.toMSecsSinceEpoch();
            return out;
        });
}

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
