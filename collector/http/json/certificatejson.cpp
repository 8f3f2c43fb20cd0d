// SPDX-License-Identifier: MIT
#include "http/json/certificatejson.h"

namespace Proctor::Collector::Http::Json {
namespace {

QJsonValue day(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject toJson(const Services::CertificateCheck &c)
{
    return QJsonObject{
        {QStringLiteral("number"), c.number},
        {QStringLiteral("status"), c.revoked ? QStringLiteral("revoked") : QStringLiteral("valid")},
        {QStringLiteral("valid"), !c.revoked},
        {QStringLiteral("revoked"), c.revoked},
        {QStringLiteral("holder"), c.holder},
        {QStringLiteral("testTitle"), c.testTitle},
        {QStringLiteral("issuedOn"), day(c.issuedOn)},
        {QStringLiteral("revokedOn"), c.revoked ? day(c.revokedOn) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject toJson(const Services::CertificateRevocation &r)
{
    return QJsonObject{{QStringLiteral("number"), r.number},
                       {QStringLiteral("revoked"), true},
                       {QStringLiteral("revokedOn"), day(r.revokedOn)},
                       {QStringLiteral("reason"), r.reason}};
}

Expected<QString> parseRevocationReason(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("reason"))
            return tl::unexpected(Error{ErrorCode::ValidationFailed, QStringLiteral("unknown field"),
                                        QLatin1Char('/') + it.key(), 0});
    const QJsonValue v = body.value(QStringLiteral("reason"));
    if (!v.isString())
        return tl::unexpected(Error{ErrorCode::ValidationFailed,
                                    QStringLiteral("must be a non-empty string of at most %1 characters")
                                        .arg(Services::CertificateService::kMaxReason),
                                    QStringLiteral("/reason"), 0});
    return v.toString();
}

} // namespace Proctor::Collector::Http::Json
