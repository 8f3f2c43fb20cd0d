// SPDX-License-Identifier: MIT
#include "storage/testrepository.h"

#include <QJsonDocument>

#include "storage/database.h"

namespace Proctor::Collector::Storage::TestRepository {

ImportResult importTest(pqxx::transaction_base &tx, const Contract::TestDefinition &t,
                        const QByteArray &checksum)
{
    const auto existing = tx.exec_params("SELECT checksum FROM tests WHERE id = $1", toStd(t.id()));
    if (!existing.empty() && existing[0][0].as<std::string>() == checksum.toStdString())
        return ImportResult::Unchanged;
    tx.exec_params(
        "INSERT INTO tests (id, title, definition, pass_threshold, questions_per_attempt, "
        "time_limit_seconds, checksum) "
        "VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7) "
        "ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, definition = EXCLUDED.definition, "
        "pass_threshold = EXCLUDED.pass_threshold, questions_per_attempt = EXCLUDED.questions_per_attempt, "
        "time_limit_seconds = EXCLUDED.time_limit_seconds, checksum = EXCLUDED.checksum, updated_at = now()",
        toStd(t.id()), toStd(t.title()), QJsonDocument(t.json()).toJson(QJsonDocument::Compact).toStdString(),
        t.passThreshold(), t.questionsPerAttempt(), t.timeLimitSeconds(), checksum.toStdString());
    return existing.empty() ? ImportResult::Created : ImportResult::Updated;
}

QList<TestSummary> list(pqxx::transaction_base &tx)
{
    QList<TestSummary> out;
    for (const auto &row :
         tx.exec("SELECT id, title, coalesce(definition->>'description', ''), questions_per_attempt, "
                 "time_limit_seconds, pass_threshold, "
                 "coalesce(jsonb_array_length(definition->'study'->'modules'), 0) > 0, "
                 "coalesce(definition->>'access', 'open'), "
                 "coalesce(definition->'attemptPolicy', '{}'::jsonb)::text, "
                 "(SELECT count(*) FROM roster_entries r WHERE r.test_id = tests.id) "
                 "FROM tests ORDER BY id")) {
        TestSummary s;
        s.id = toQString(row[0].as<std::string>());
        s.title = toQString(row[1].as<std::string>());
        s.description = toQString(row[2].as<std::string>());
        s.questionsPerAttempt = row[3].as<int>();
        s.timeLimitSeconds = row[4].as<int>();
        s.passThreshold = row[5].as<int>();
        s.hasStudy = row[6].as<bool>();
        s.access = toQString(row[7].as<std::string>());
        s.attemptPolicy = Contract::AttemptPolicy::fromJson(
            QJsonDocument::fromJson(QByteArray::fromStdString(row[8].as<std::string>())).object());
        s.rosterEntries = row[9].as<int>();
        out.append(s);
    }
    return out;
}

std::optional<Contract::TestDefinition> load(pqxx::connection &c, const QString &id)
{
    pqxx::nontransaction tx(c);
    const auto r = tx.exec_params("SELECT definition::text FROM tests WHERE id = $1", toStd(id));
    if (r.empty())
        return std::nullopt;
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(r[0][0].as<std::string>())).object();
    auto parsed = Contract::TestDefinition::fromJson(json);
    if (!parsed)
        throw std::runtime_error("stored test " + id.toStdString() +
                                 " no longer parses: " + parsed.error().message.toStdString());
    return std::move(*parsed);
}

} // namespace Proctor::Collector::Storage::TestRepository
