// SPDX-License-Identifier: MIT
// Public verification of a certificate: anyone holding the number may check it, and learns only what the
// printed certificate already shows, with the holder's name masked.
#pragma once

#include <QDateTime>
#include <QFuture>
#include <QString>

#include "core/error.h"

namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

struct CertificateCheck
{
    QString number;
    bool revoked = false;
    QString holder; // masked: "И****в И. И."
    QString testTitle;
    int score = 0;
    QDateTime issuedAt; // UTC, millisecond precision
};

class CertificateService
{
public:
    explicit CertificateService(Storage::DbPool &db);

    // BadParameter (number) unless the number looks like 26/11-0001; NotFound (number) when unknown.
    QFuture<Expected<CertificateCheck>> verify(const QString &number);

    // The format check alone, for transports that refuse a malformed number before any other work.
    static Expected<void> checkNumber(const QString &number);
    // "Иванов Иван Иванович" -> "И****в И. И."
    static QString maskHolderName(const QString &fullName);

private:
    Storage::DbPool &m_db;
};

} // namespace Proctor::Collector::Services
