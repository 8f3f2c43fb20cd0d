// SPDX-License-Identifier: MIT
// The settings table: small JSON documents by key (e.g. "certificate": what the certificate PDF prints).
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QJsonObject>
#include <QString>

namespace Proctor::Collector::Storage::SettingsRepository {

inline const QString kCertificateSettings = QStringLiteral("certificate");

// The stored document, or nullopt when it was never set.
std::optional<QJsonObject> get(pqxx::connection &c, const QString &key);
void put(pqxx::work &tx, const QString &key, const QJsonObject &value, qint64 adminId);

} // namespace Proctor::Collector::Storage::SettingsRepository
