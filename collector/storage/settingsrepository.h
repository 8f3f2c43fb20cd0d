// SPDX-License-Identifier: MIT
// The settings table: small JSON documents by key. The one stored today is "certificate": what the
// candidate's certificate PDF prints about the organisation.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Proctor::Collector::Storage {

struct Signatory
{
    QString title;
    QString name;
};

struct CertificateSettings
{
    QString organisationName;
    QString addressLine;
    QString contacts;
    QList<Signatory> signatories;
};

namespace SettingsRepository {

// nullopt when they were never set.
std::optional<CertificateSettings> certificate(pqxx::connection &c);
// `adminId` is who changed them (nullopt: the command line).
void putCertificate(pqxx::work &tx, const CertificateSettings &settings, std::optional<qint64> adminId);
// The stored document ({"organisationName", "addressLine", "contacts", "signatories": [{"title", "name"}]}),
// which the audit row of a change keeps as its details.
QJsonObject certificateDocument(const CertificateSettings &settings);

} // namespace SettingsRepository
} // namespace Proctor::Collector::Storage
