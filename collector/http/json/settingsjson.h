// SPDX-License-Identifier: MIT
// Certificate settings on the wire (/api/v1/settings/certificate, /api/v1/certificate-settings).
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "storage/settingsrepository.h"

namespace Proctor::Collector::Http::Json {

// {"organisationName", "addressLine"?, "contacts"?, "signatories"?: [{"title", "name"}]}; null counts as
// absent. ValidationFailed naming an unknown field or a value of the wrong JSON type; lengths and required
// values are the service's to check.
Expected<Storage::CertificateSettings> parseCertificateSettings(const QJsonObject &body);
// {"organisationName", "addressLine", "contacts", "signatories": [{"title", "name"}]}
QJsonObject toJson(const Storage::CertificateSettings &settings);

} // namespace Proctor::Collector::Http::Json
