// SPDX-License-Identifier: MIT
// The organisation's certificate settings: what the candidate page prints on a certificate (organisation,
// address, contacts, up to five signatories). Public to read, admins change them, every change is audited.
#pragma once

#include <QFuture>

#include "core/error.h"
#include "services/actor.h"
#include "storage/settingsrepository.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

struct PublicCertificateSettings
{
    Storage::CertificateSettings settings; // the encoder picks the public members
    bool hasEmblem = false;
    qint64 emblemVersion = 0; // changes with every upload, so a cached image is not shown after a change
};

struct EmblemInfo
{
    QString contentType;
    int width = 0;
    int height = 0;
    int bytes = 0;
};

class SettingsService
{
public:
    static constexpr int kMaxOrganisationName = 200;
    static constexpr int kMaxAddressLine = 300;
    static constexpr int kMaxContacts = 300;
    static constexpr int kMaxSignatories = 5;
    static constexpr int kMaxSignatoryText = 120; // title and name each
    static constexpr int kMaxLegalBasis = 1000;
    static constexpr int kMaxEmblemBytes = 256 * 1024;
    static constexpr int kMaxEmblemSide = 1024;

    explicit SettingsService(Storage::DbPool &db) : m_db(db) {}

    // Empty settings when none were ever saved.
    QFuture<Expected<Storage::CertificateSettings>> certificate();
    // Stores the settings trimmed and answers what was stored. ValidationFailed naming the field: the
    // organisation name is required, texts have their maximum length, signatories need a title and a name.
    QFuture<Expected<Storage::CertificateSettings>>
    setCertificate(const Actor &actor, const Storage::CertificateSettings &settings);

    QFuture<Expected<PublicCertificateSettings>> publicCertificate();

    // The image's type from its magic bytes (PNG or JPEG, whatever the request declared) and its dimensions
    // from its header: PayloadTooLarge over kMaxEmblemBytes, UnsupportedMediaType for anything else,
    // ValidationFailed (/image) for a header without dimensions or a side over kMaxEmblemSide.
    static Expected<EmblemInfo> checkEmblem(const QByteArray &image);
    // Stores the checked image (audited as settings.emblem).
    QFuture<Expected<EmblemInfo>> setEmblem(const Actor &actor, const QByteArray &image);
    // NotFound when there is none (audited as settings.emblem.delete).
    QFuture<Expected<void>> deleteEmblem(const Actor &actor);
    // NotFound when there is none.
    QFuture<Expected<Storage::Emblem>> emblem();

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
