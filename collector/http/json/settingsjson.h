// SPDX-License-Identifier: MIT
// Certificate settings on the wire (/api/v1/settings/certificate, /api/v1/certificate-settings).
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "services/settingsservice.h"
#include "storage/settingsrepository.h"

namespace Proctor::Collector::Http::Json {

// {"organisationName", "addressLine"?, "contacts"?, "legalBasis"?, "signatories"?: [{"title", "name"}]}; null
// counts as absent. ValidationFailed naming an unknown field or a value of the wrong JSON type; lengths and
// required values are the service's to check.
Expected<Storage::CertificateSettings> parseCertificateSettings(const QJsonObject &body);
// {"organisationName", "addressLine", "contacts", "legalBasis", "signatories": [{"title", "name"}]}
QJsonObject toJson(const Storage::CertificateSettings &settings);
// What the candidate page may read (GET /api/v1/certificate-settings/public): {"organisationName",
// "addressLine", "legalBasis", "signatories", "emblemUrl": path or null}; never the contacts or who changed
// them.
QJsonObject toJson(const Services::PublicCertificateSettings &settings);
// The stored emblem's description: {"contentType", "width", "height", "bytes"}
QJsonObject toJson(const Services::EmblemInfo &emblem);

} // namespace Proctor::Collector::Http::Json
