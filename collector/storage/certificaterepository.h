// SPDX-License-Identifier: MIT
// Public certificate verification: the minimum of personal data.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QJsonObject>

namespace Proctor::Collector::Storage::CertificateRepository {

// {"number","valid","revoked","holder" (masked),"testTitle","score","issuedAt"}; nullopt when unknown.
std::optional<QJsonObject> verify(pqxx::connection &c, const QString &number);

// "Иванов Иван Иванович" -> "И****в И. И."
QString maskHolderName(const QString &fullName);

} // namespace Proctor::Collector::Storage::CertificateRepository
