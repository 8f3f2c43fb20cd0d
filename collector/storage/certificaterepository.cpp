// SPDX-License-Identifier: MIT
#include "storage/certificaterepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::CertificateRepository {

QString maskHolderName(const QString &fullName)
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

std::optional<QJsonObject> verify(pqxx::connection &c, const QString &number)
{
    pqxx::nontransaction tx(c);
    tx.exec("SET TIME ZONE 'UTC'");
    const auto r =
        tx.exec_params("SELECT c.number, c.revoked_at IS NOT NULL, c.holder_name, t.title, c.score, "
                       "to_char(c.issued_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM certificates c JOIN "
                       "tests t ON t.id = c.test_id "
                       "WHERE c.number = $1",
                       toStd(number));
    if (r.empty())
        return std::nullopt;
    const bool revoked = r[0][1].as<bool>();
    return QJsonObject{{QStringLiteral("number"), toQString(r[0][0].as<std::string>())},
                       {QStringLiteral("valid"), !revoked},
                       {QStringLiteral("revoked"), revoked},
                       {QStringLiteral("holder"), maskHolderName(toQString(r[0][2].as<std::string>()))},
                       {QStringLiteral("testTitle"), toQString(r[0][3].as<std::string>())},
                       {QStringLiteral("score"), r[0][4].as<int>()},
                       {QStringLiteral("issuedAt"), toQString(r[0][5].as<std::string>())}};
}

} // namespace Proctor::Collector::Storage::CertificateRepository
