// SPDX-License-Identifier: MIT
// The wire shape of a certificate check (GET /api/v1/certificates/{number}).
#pragma once

#include <QJsonObject>

#include "services/certificateservice.h"

namespace Proctor::Collector::Http::Json {

// {"number","valid","revoked","holder" (masked),"testTitle","score","issuedAt"}
QJsonObject toJson(const Services::CertificateCheck &check);

} // namespace Proctor::Collector::Http::Json
