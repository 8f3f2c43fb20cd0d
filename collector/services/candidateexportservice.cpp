// SPDX-License-Identifier: MIT
#include "services/candidateexportservice.h"

#include <QJsonObject>

#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

QFuture<Expected<Storage::CandidateExport::Document>>
CandidateExportService::exportCandidate(const Actor &actor, qint64 candidateId)
{
    using Storage::CandidateExport::Document;
    return m_db.run<Document>([actor, candidateId,
                               max = m_maxEvents](pqxx::connection &c) -> Expected<Document> {
        // One snapshot for the whole document; the audit row commits with it.
        pqxx::work tx(c);
        tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        auto doc = Storage::CandidateExport::build(tx, candidateId, max);
        if (!doc)
            return tl::unexpected(doc.error());
        Storage::AuditLog::record(
            tx,
            actor.audit(QStringLiteral("candidate.export"), QStringLiteral("candidate:%1").arg(candidateId),
                        QJsonObject{{QStringLiteral("sessions"), doc->sessions},
                                    {QStringLiteral("events"), doc->events},
                                    {QStringLiteral("bytes"), qint64(doc->json.size())}}));
        tx.commit();
        return doc;
    });
}

} // namespace Proctor::Collector::Services
