// SPDX-License-Identifier: MIT
// The wire shapes of certificates: the public check (GET /api/v1/certificates/{number}?code=) and the
// answer to a revocation.
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "services/certificateservice.h"

namespace Proctor::Collector::Http::Json {

// {"number","status":"valid"|"revoked","valid","revoked","holder"
// (masked),"testTitle","issuedOn":"YYYY-MM-DD",
//  "revokedOn":"YYYY-MM-DD"|null}: never the score, never a time of day.
QJsonObject toJson(const Services::CertificateCheck &check);
// {"number","revoked":true,"revokedOn","reason"}
QJsonObject toJson(const Services::CertificateRevocation &revocation);
// {"reason": string}: 400 naming /reason when absent or not a string (the service checks its length).
Expected<QString> parseRevocationReason(const QJsonObject &body);

} // namespace Proctor::Collector::Http::Json
