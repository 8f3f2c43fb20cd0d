// SPDX-License-Identifier: MIT
#include "services/candidateerasureservice.h"

#include <QJsonArray>

#include "live/announcer.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

QFuture<Expected<CandidateErasure>> CandidateErasureService::erase(const Actor &actor, qint64 candidateId)
{
    return m_db.run<CandidateErasure>([actor, candidateId, &announcer = m_announcer](
                                          pqxx::connection &c) -> Expected<CandidateErasure> {
        pqxx::work tx(c);
        const auto erased = Storage::AdminCandidates::erase(tx, candidateId);
        if (!erased)
            return tl::unexpected(erased.error());
        const QJsonObject counts{{QStringLiteral("sessions"), erased->sessions},
                                 {QStringLiteral("events"), erased->events},
                                 {QStringLiteral("telemetry"), erased->telemetry},
                                 {QStringLiteral("certificates"), erased->certificates}};
        // The receipt names what was removed by id and count only: copying the person's name into the
        // audit log would keep the very data the erasure removes.
        const qint64 auditId = Storage::AuditLog::record(
            tx,
            actor.audit(
                QStringLiteral("candidate.delete"), QStringLiteral("candidate:%1").arg(candidateId),
                QJsonObject{{QStringLiteral("deleted"), counts},
                            {QStringLiteral("sessionIds"), QJsonArray::fromStringList(erased->sessionIds)}}));
        tx.commit();
        // Caches and open desktops drop what they hold of these sessions.
        announcer.announce(Contract::CandidateDeleted{candidateId, erased->sessionIds});
        return CandidateErasure{candidateId, *erased, auditId};
    });
}

} // namespace Proctor::Collector::Services
