// SPDX-License-Identifier: MIT
// GET /api/v1/certificates: a page of the certificate registry (docs/api.md).
#pragma once

#include <QJsonObject>

#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::CertificatePage &page);

} // namespace Proctor::Collector::Http::Json
