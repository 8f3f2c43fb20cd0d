// SPDX-License-Identifier: MIT
// Certificates after they are issued: public verification (number and verification code; it reveals a masked
// name, the test and the day only) and revocation by an administrator, audited and announced.
#pragma once

#include <pqxx/pqxx>

#include <QDate>
#include <QFuture>
#include <QString>
#include <QUuid>

#include "core/error.h"
#include "services/actor.h"

namespace Proctor::Collector::Live {
class Announcer;
}
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
    QDate issuedOn;  // the day (UTC): the time of day would tell more than the paper does
    QDate revokedOn; // null unless revoked
};

struct CertificateRevocation
{
    QString number;
    QDate revokedOn;
    QString reason;
    QUuid sessionId; // the session the certificate was issued for
};

class CertificateService
{
public:
    static constexpr int kCodeLength = 12; // 60 bits of Crockford base32
    static constexpr int kMaxReason = 500;

    CertificateService(Storage::DbPool &db, Live::Announcer &announcer);

    // BadParameter (number) unless the number looks like 26/11-0001. NotFound (number) when the number is
    // unknown or the code is missing or wrong: the same error either way, so numbers cannot be enumerated.
    QFuture<Expected<CertificateCheck>> verify(const QString &number, const QString &code);
    // Admin only (the route checks the role). ValidationFailed (/reason) when the reason is empty or longer
    // than kMaxReason; NotFound; Conflict when already revoked. Audited as certificate.revoke and announced
    // as CertificateRevoked after the commit.
    QFuture<Expected<CertificateRevocation>> revoke(const Actor &actor, const QString &number,
                                                    const QString &reason);

    // The revocation's work inside the caller's transaction (the row locked, the audit row written), for a
    // use case that revokes as part of a larger change (a review decision confirming a violation). The
    // caller commits and then announces Contract::CertificateRevoked. NotFound; Conflict when already
    // revoked. The reason is stored as given (the caller checked it).
    static Expected<CertificateRevocation> revokeIn(pqxx::work &tx, const Actor &actor, const QString &number,
                                                    const QString &reason);

    // The format check alone, for transports that refuse a malformed number before any other work.
    static Expected<void> checkNumber(const QString &number);
    // "Иванов Иван Иванович" -> "И****в И. И."
    static QString maskHolderName(const QString &fullName);
    // kCodeLength characters of Crockford base32 from the system's CSPRNG.
    static QString newVerificationCode();
    // Case-insensitive (Crockford: O reads as 0, I and L as 1), in time independent of where they differ.
    static bool codesMatch(const QString &stored, const QString &given);

private:
    Storage::DbPool &m_db;
    Live::Announcer &m_announcer;
};

} // namespace Proctor::Collector::Services
