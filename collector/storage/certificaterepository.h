// SPDX-License-Identifier: MIT
// certificates table: issuing a numbered certificate inside the result's transaction, and reading one back
// for verification. What the public may see of it is decided by Services::CertificateService.
#pragma once

#include <optional>

#include <pqxx/pqxx>

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace Proctor::Collector::Storage {

struct NewCertificate
{
    QString number; // "26/11-0007"
    QUuid sessionId;
    qint64 candidateId = 0;
    QString testId;
    QString holderName; // the full name as printed
    QString position;
    int score = 0;
    QString verificationCode; // 12 Crockford base32 characters, printed and inside the verify link
};

struct CertificateRecord
{
    QString number;
    bool revoked = false;
    QString holderName; // full, unmasked
    QString testTitle;
    int score = 0;
    QDateTime issuedAt; // UTC, millisecond precision
    QString verificationCode;
    QDateTime revokedAt; // null unless revoked
    QUuid sessionId;
};

namespace CertificateRepository {

// Issued at the transaction's time (now()).
void insert(pqxx::transaction_base &tx, const NewCertificate &certificate);
// nullopt when there is no certificate with that number.
// `forUpdate` locks the row until `tx` ends (revocation).
std::optional<CertificateRecord> find(pqxx::transaction_base &tx, const QString &number,
                                      bool forUpdate = false);
// Marks the certificate revoked at the transaction's time; `adminId` nullopt: the command line.
void revoke(pqxx::transaction_base &tx, const QString &number, const QString &reason,
            std::optional<qint64> adminId);

} // namespace CertificateRepository
} // namespace Proctor::Collector::Storage
