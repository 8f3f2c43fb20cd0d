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

class SettingsService
{
public:
    static constexpr int kMaxOrganisationName = 200;
    static constexpr int kMaxAddressLine = 300;
    static constexpr int kMaxContacts = 300;
    static constexpr int kMaxSignatories = 5;
    static constexpr int kMaxSignatoryText = 120; // title and name each

    explicit SettingsService(Storage::DbPool &db) : m_db(db) {}

    // Empty settings when none were ever saved.
    QFuture<Expected<Storage::CertificateSettings>> certificate();
    // Stores the settings trimmed and answers what was stored. ValidationFailed naming the field: the
    // organisation name is required, texts have their maximum length, signatories need a title and a name.
    QFuture<Expected<Storage::CertificateSettings>>
    setCertificate(const Actor &actor, const Storage::CertificateSettings &settings);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
