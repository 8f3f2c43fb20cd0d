// SPDX-License-Identifier: MIT
#include "services/positionservice.h"

#include <QSet>

#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {

Expected<Storage::PositionList> PositionService::checked(Storage::PositionList list)
{
    if (list.positions.size() > kMaxPositions)
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("must be an array of at most %1 positions").arg(kMaxPositions),
                         QStringLiteral("/positions"));
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.positions.size(); ++i) {
        const QString at = QStringLiteral("/positions/%1").arg(i);
        QString text = list.positions[i].simplified();
        if (text.isEmpty() || text.size() > kMaxPositionLength)
            return makeError(
                ErrorCode::ValidationFailed,
                QStringLiteral("must be a non-empty string of at most %1 characters").arg(kMaxPositionLength),
                at);
        if (seen.contains(text.toCaseFolded()))
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("is listed twice"), at);
        seen.insert(text.toCaseFolded());
        list.positions[i] = text;
    }
    if (list.positions.isEmpty() && !list.allowOther)
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("with no positions listed, candidates must be allowed to type one"),
                         QStringLiteral("/allowOther"));
    return list;
}

Expected<QString> PositionService::candidatePosition(const Storage::PositionList &list,
                                                     const QString &position)
{
    const QString field = QStringLiteral("/candidate/position");
    const QString text = position.simplified();
    if (text.isEmpty())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("is required"), field);
    const QString folded = text.toCaseFolded();
    for (const QString &listed : list.positions)
        if (listed.simplified().toCaseFolded() == folded)
            return listed;
    if (!list.allowOther && !list.positions.isEmpty())
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("must be one of the positions listed by GET /api/v1/positions"),
                         field);
    if (text.size() > kMaxPositionLength)
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("must be at most %1 characters").arg(kMaxPositionLength), field);
    return text;
}

Expected<QString> PositionService::candidatePosition(pqxx::transaction_base &tx, const QString &position)
{
    return candidatePosition(Storage::PositionRepository::get(tx).value_or(Storage::PositionList{{}, true}),
                             position);
}

QFuture<Expected<Storage::PositionList>> PositionService::list()
{
    return m_db.run<Storage::PositionList>([](pqxx::connection &c) -> Expected<Storage::PositionList> {
        pqxx::nontransaction tx(c);
        return Storage::PositionRepository::get(tx).value_or(Storage::PositionList{{}, true});
    });
}

QFuture<Expected<Storage::PositionList>> PositionService::set(const Actor &actor,
                                                              const Storage::PositionList &list)
{
    const auto valid = checked(list);
    if (!valid)
        return QtFuture::makeReadyFuture(Expected<Storage::PositionList>(tl::unexpected(valid.error())));
    return m_db.run<Storage::PositionList>(
        [actor, stored = *valid](pqxx::connection &c) -> Expected<Storage::PositionList> {
            pqxx::work tx(c);
            Storage::PositionRepository::put(
                tx, stored, actor.admin ? std::optional<qint64>(actor.admin->id) : std::nullopt);
            Storage::AuditLog::record(tx, actor.audit(QStringLiteral("settings.positions"),
                                                      QStringLiteral("settings:positions"),
                                                      Storage::PositionRepository::document(stored)));
            tx.commit();
            return stored;
        });
}

} // namespace Proctor::Collector::Services
