// SPDX-License-Identifier: MIT
#include "services/certificateservice.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include "contract/livemessage.h"
#include "live/announcer.h"
#include "storage/auditlog.h"
#include "storage/certificaterepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// What a person may type for a code: upper case, the look-alike letters read as digits, dashes and spaces
// (added for readability) dropped.
QByteArray normalisedCode(const QString &code)
{
    QByteArray out;
    out.reserve(code.size());
    for (const QChar ch : code) {
        const char c = char(ch.toUpper().unicode() < 128 ? ch.toUpper().unicode() : '?');
        if (c == '-' || c == ' ')
            continue;
        out.append(c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c);
    }
    return out;
}

} // namespace

CertificateService::CertificateService(Storage::DbPool &db, Live::Announcer &announcer)
    : m_db(db), m_announcer(announcer)
{
}

Expected<void> CertificateService::checkNumber(const QString &number)
{
    static const QRegularExpression format(QStringLiteral("^\\d{2}/\\d{2}-\\d{4,6}$"));
    if (!format.match(number).hasMatch())
        return makeError(ErrorCode::BadParameter,
                         QStringLiteral("a certificate number looks like 26/11-0001"),
                         QStringLiteral("number"));
    return {};
}

QString CertificateService::maskHolderName(const QString &fullName)
{
    const QStringList parts = fullName.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    const QString &last = parts.first();
    QString masked = last.size() <= 2
                         ? last.left(1) + QStringLiteral("*")
                         : last.left(1) + QString(last.size() - 2, QLatin1Char('*')) + last.right(1);
    for (qsizetype i = 1; i < parts.size(); ++i)
        masked += QLatin1Char(' ') + parts[i].left(1) + QLatin1Char('.');
    return masked;
}

QString CertificateService::newVerificationCode()
{
    QString code;
    code.reserve(kCodeLength);
    // 32 divides 2^32, so the remainder is uniform.
    for (int i = 0; i < kCodeLength; ++i)
        code.append(QLatin1Char(kCrockford[QRandomGenerator::system()->generate() % 32]));
    return code;
}

bool CertificateService::codesMatch(const QString &stored, const QString &given)
{
    const QByteArray a = normalisedCode(stored);
    const QByteArray b = normalisedCode(given);
    // Always walk the stored code's length; a length mismatch is folded into the result, not returned early.
    unsigned diff = unsigned(a.size() ^ b.size());
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= unsigned(uchar(a[i]) ^ uchar(i < b.size() ? b[i] : 0));
    return diff == 0 && !a.isEmpty();
}

QFuture<Expected<CertificateCheck>> CertificateService::verify(const QString &number, const QString &code)
{
    return m_db.run<CertificateCheck>([number, code](pqxx::connection &c) -> Expected<CertificateCheck> {
        if (auto ok = checkNumber(number); !ok)
            return tl::unexpected(ok.error());
        pqxx::nontransaction tx(c);
        const auto found = Storage::CertificateRepository::find(tx, number);
        // An unknown number still compares a code, so both refusals take the same path and time.
        static const QString decoy = newVerificationCode();
        const bool matches = codesMatch(found ? found->verificationCode : decoy, code);
        if (!found || !matches)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such certificate"),
                             QStringLiteral("number"));
        return CertificateCheck{found->number,    found->revoked,         maskHolderName(found->holderName),
                                found->testTitle, found->issuedAt.date(), found->revokedAt.date()};
    });
}

QFuture<Expected<CertificateRevocation>> CertificateService::revoke(const Actor &actor, const QString &number,
                                                                    const QString &reason)
{
    if (auto ok = checkNumber(number); !ok)
        return QtFuture::makeReadyFuture(Expected<CertificateRevocation>(tl::unexpected(ok.error())));
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty() || reason.size() > kMaxReason)
        return QtFuture::makeReadyFuture(Expected<CertificateRevocation>(tl::unexpected(
            Error{ErrorCode::ValidationFailed,
                  QStringLiteral("must be a non-empty string of at most %1 characters").arg(kMaxReason),
                  QStringLiteral("/reason"), 0})));
    return m_db.run<CertificateRevocation>(
        [this, actor, number, trimmed](pqxx::connection &c) -> Expected<CertificateRevocation> {
            pqxx::work tx(c);
            auto revoked = revokeIn(tx, actor, number, trimmed);
            if (!revoked)
                return revoked;
            tx.commit();
            m_announcer.announce(Contract::CertificateRevoked{number, revoked->sessionId});
            return revoked;
        });
}

Expected<CertificateRevocation> CertificateService::revokeIn(pqxx::work &tx, const Actor &actor,
                                                             const QString &number, const QString &reason)
{
    const auto found = Storage::CertificateRepository::find(tx, number, true);
    if (!found)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such certificate"),
                         QStringLiteral("number"));
    if (found->revoked)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the certificate was revoked on %1")
                             .arg(found->revokedAt.date().toString(Qt::ISODate)),
                         QStringLiteral("number"));
    Storage::CertificateRepository::revoke(
        tx, number, reason, actor.admin ? std::optional<qint64>(actor.admin->id) : std::nullopt);
    const QString sessionId = found->sessionId.toString(QUuid::WithoutBraces);
    Storage::AuditLog::record(tx, actor.audit(QStringLiteral("certificate.revoke"),
                                              QStringLiteral("certificate:") + number,
                                              QJsonObject{{QStringLiteral("reason"), reason},
                                                          {QStringLiteral("sessionId"), sessionId}}));
    const auto revokedAt = Storage::CertificateRepository::find(tx, number)->revokedAt;
    return CertificateRevocation{number, revokedAt.date(), reason, found->sessionId};
}

} // namespace Proctor::Collector::Services
