// SPDX-License-Identifier: MIT
// The settings table: small JSON documents by key. The one stored today is "certificate": what the
// candidate's certificate PDF prints about the organisation.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QDateTime>
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
    QString legalBasis; // the text the certificate cites as the organisation's authority to issue it (last,
                        // so the brace-initialised settings of older code stay valid)
};

// The image the certificate prints in its header (checked before it is stored).
struct Emblem
{
    QString contentType; // image/png or image/jpeg
    QByteArray image;
    int width = 0;
    int height = 0;
    QDateTime updatedAt;
};

namespace SettingsRepository {

// nullopt when they were never set.
std::optional<CertificateSettings> certificate(pqxx::connection &c);
// `adminId` is who changed them (nullopt: the command line).
void putCertificate(pqxx::work &tx, const CertificateSettings &settings, std::optional<qint64> adminId);
// The stored document ({"organisationName", "addressLine", "contacts", "signatories": [{"title", "name"}]}),
// which the audit row of a change keeps as its details.
QJsonObject certificateDocument(const CertificateSettings &settings);

// nullopt when none was uploaded.
std::optional<Emblem> emblem(pqxx::transaction_base &tx);
void putEmblem(pqxx::work &tx, const Emblem &emblem, std::optional<qint64> adminId);
// false when there was none.
bool deleteEmblem(pqxx::work &tx);

} // namespace SettingsRepository
} // namespace Proctor::Collector::Storage
