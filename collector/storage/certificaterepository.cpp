// SPDX-License-Identifier: MIT
#include "storage/certificaterepository.h"

#include "storage/database.h"

namespace Proctor::Collector::Storage::CertificateRepository {

void insert(pqxx::transaction_base &tx, const NewCertificate &c)
{
    tx.exec_params("INSERT INTO certificates (number, session_id, candidate_id, test_id, holder_name, "
                   "position, score, issued_at, verification_code) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)",
                   toStd(c.number), toStd(c.sessionId.toString(QUuid::WithoutBraces)), c.candidateId,
                   toStd(c.testId), toStd(c.holderName), toStd(c.position), c.score,
                   toStd(c.verificationCode));
}

std::optional<CertificateRecord> find(pqxx::transaction_base &tx, const QString &number, bool forUpdate)
{
    const std::string sql = std::string("SELECT c.number, c.revoked_at IS NOT NULL, c.holder_name, t.title, "
                                        "c.score, floor(extract(epoch FROM c.issued_at) * 1000)::bigint, "
                                        "c.verification_code, "
                                        "floor(extract(epoch FROM c.revoked_at) * 1000)::bigint, "
                                        "c.session_id::text "
                                        "FROM certificates c JOIN tests t ON t.id = c.test_id "
                                        "WHERE c.number = $1") +
                            (forUpdate ? " FOR UPDATE OF c" : "");
    const auto rows = tx.exec_params(sql, toStd(number));
    if (rows.empty())
        return std::nullopt;
    const auto r = rows[0];
    CertificateRecord out;
    out.number = toQString(r[0].as<std::string>());
    out.revoked = r[1].as<bool>();
    out.holderName = toQString(r[2].as<std::string>());
    out.testTitle = toQString(r[3].as<std::string>());
    out.score = r[4].as<int>();
    out.issuedAt = QDateTime::fromMSecsSinceEpoch(r[5].as<qint64>(), Qt::UTC);
    out.verificationCode = toQString(r[6].as<std::string>());
    if (!r[7].is_null())
        out.revokedAt = QDateTime::fromMSecsSinceEpoch(r[7].as<qint64>(), Qt::UTC);
    out.sessionId = QUuid::fromString(toQString(r[8].as<std::string>()));
    return out;
}

void revoke(pqxx::transaction_base &tx, const QString &number, const QString &reason,
            std::optional<qint64> adminId)
{
    tx.exec_params("UPDATE certificates SET revoked_at = now(), revoked_reason = $2, revoked_by = $3 "
                   "WHERE number = $1",
                   toStd(number), toStd(reason), adminId);
}

} // namespace Proctor::Collector::Storage::CertificateRepository
