// SPDX-License-Identifier: MIT
#include "http/json/certificatejson.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::CertificateCheck &c)
{
    return QJsonObject{{QStringLiteral("number"), c.number},
                       {QStringLiteral("valid"), !c.revoked},
                       {QStringLiteral("revoked"), c.revoked},
                       {QStringLiteral("holder"), c.holder},
                       {QStringLiteral("testTitle"), c.testTitle},
                       {QStringLiteral("score"), c.score},
                       {QStringLiteral("issuedAt"), c.issuedAt.toString(Qt::ISODateWithMs)}};
}

} // namespace Proctor::Collector::Http::Json
