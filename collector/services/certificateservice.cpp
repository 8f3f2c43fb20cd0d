// SPDX-License-Identifier: MIT
#include "services/certificateservice.h"

#include <QRegularExpression>

#include "storage/certificaterepository.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

CertificateService::CertificateService(Storage::DbPool &db) : m_db(db) {}

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

QFuture<Expected<CertificateCheck>> CertificateService::verify(const QString &number)
{
    return m_db.run<CertificateCheck>([number](pqxx::connection &c) -> Expected<CertificateCheck> {
        if (auto ok = checkNumber(number); !ok)
            return tl::unexpected(ok.error());
        pqxx::nontransaction tx(c);
        const auto found = Storage::CertificateRepository::find(tx, number);
        if (!found)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such certificate"),
                             QStringLiteral("number"));
        return CertificateCheck{found->number,    found->revoked, maskHolderName(found->holderName),
                                found->testTitle, found->score,   found->issuedAt};
    });
}

} // namespace Proctor::Collector::Services
