// SPDX-License-Identifier: MIT
#include "storage/sessionrepository.h"

#include <QJsonDocument>

#include "storage/database.h"

namespace Proctor::Collector::Storage {

QString CandidateIdentity::identityKey() const
{
    if (rosterEntryId > 0)
        return QStringLiteral("roster:%1").arg(rosterEntryId);
    auto norm = [](const QString &s) { return s.simplified().toLower(); };
    return persistentId + QLatin1Char('|') + norm(lastName) + QLatin1Char('|') + norm(firstName) +
           QLatin1Char('|') + norm(middleName);
}

namespace SessionRepository {

qint64 create(pqxx::transaction_base &tx, const NewSession &s)
{
    std::string questions = "{";
    for (qsizetype i = 0; i < s.questionIds.size(); ++i) {
        if (i)
            questions += ',';
        questions += '"' + s.questionIds[i].toStdString() + '"'; // ids match ^[A-Za-z0-9_-]+$
    }
    questions += '}';
    const auto ip = s.clientIp.isNull() ? std::optional<std::string>()
                                        : std::optional<std::string>(s.clientIp.toString().toStdString());

    const auto candidate =
        tx.exec_params1("INSERT INTO candidates (identity_key, persistent_id, last_name, first_name, "
                        "middle_name, position, email) "
                        "VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')) "
                        "ON CONFLICT (identity_key) DO UPDATE SET position = EXCLUDED.position, "
                        // A roster person's name follows the roster after a re-import.
                        "last_name = CASE WHEN candidates.identity_key LIKE 'roster:%' "
                        "THEN EXCLUDED.last_name ELSE candidates.last_name END, "
                        "first_name = CASE WHEN candidates.identity_key LIKE 'roster:%' "
                        "THEN EXCLUDED.first_name ELSE candidates.first_name END, "
                        "middle_name = CASE WHEN candidates.identity_key LIKE 'roster:%' "
                        "THEN EXCLUDED.middle_name ELSE candidates.middle_name END, "
                        "email = COALESCE(EXCLUDED.email, candidates.email), updated_at = now() RETURNING id",
                        toStd(s.candidate.identityKey()), toStd(s.candidate.persistentId),
                        toStd(s.candidate.lastName.simplified()), toStd(s.candidate.firstName.simplified()),
                        toStd(s.candidate.middleName.simplified()), toStd(s.candidate.position.simplified()),
                        toStd(s.candidate.email.trimmed()));
    const qint64 candidateId = candidate[0].as<qint64>();
    tx.exec_params(
        "INSERT INTO sessions (id, test_id, kind, candidate_id, question_ids, fingerprint_hash, fingerprint, "
        "persistent_id, locale, client_ip, user_agent, started_at, api_key_id) "
        "VALUES ($1, $2, $3, $4, $5::text[], $6, $7::jsonb, $8, $9, $10::inet, $11, to_timestamp($12 / "
        "1000.0), "
        // Looked up rather than trusted: a key id that names no key (none given, or a test's made-up one)
        // is recorded as NULL instead of failing the candidate's start on the foreign key.
        "(SELECT id FROM api_keys WHERE id = $13))",
        toStd(s.id.toString(QUuid::WithoutBraces)), toStd(s.testId), toStd(s.kind), candidateId, questions,
        toStd(s.fingerprintHash), QJsonDocument(s.fingerprint).toJson(QJsonDocument::Compact).toStdString(),
        toStd(s.candidate.persistentId), toStd(s.locale), ip, toStd(s.userAgent.left(512)), s.startedAtMs,
        s.apiKeyId);
    return candidateId;
}

} // namespace SessionRepository
} // namespace Proctor::Collector::Storage
