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
};

struct CertificateRecord
{
    QString number;
    bool revoked = false;
    QString holderName; // full, unmasked
    QString testTitle;
    int score = 0;
    QDateTime issuedAt; // UTC, millisecond precision
};

namespace CertificateRepository {

// Issued at the transaction's time (now()).
void insert(pqxx::transaction_base &tx, const NewCertificate &certificate);
// nullopt when there is no certificate with that number.
std::optional<CertificateRecord> find(pqxx::transaction_base &tx, const QString &number);

} // namespace CertificateRepository
} // namespace Proctor::Collector::Storage
