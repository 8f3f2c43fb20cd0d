// SPDX-License-Identifier: MIT
#include "services/reviewcaseservice.h"

#include <QJsonObject>

#include "contract/livemessage.h"
#include "live/announcer.h"
#include "services/certificateservice.h"
#include "storage/auditlog.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

const char *const kStateNames[] = {"unreviewed", "cleared", "violation", "second_look"};

Expected<ReviewCase> readCase(pqxx::transaction_base &tx, const QUuid &sessionId)
{
    const auto head = Storage::ReviewCaseRepository::head(tx, sessionId);
    if (!head)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
    return ReviewCase{
        sessionId,
        ReviewState(head->state),
        head->status,
        head->certificateNumber,
        head->certificateRevoked,
        Storage::ReviewCaseRepository::history(tx, sessionId, ReviewCaseService::kHistoryLimit)};
}

template <typename T> QFuture<Expected<T>> refused(Error error)
{
    return QtFuture::makeReadyFuture(Expected<T>(tl::unexpected(std::move(error))));
}

} // namespace

ReviewCaseService::ReviewCaseService(Storage::DbPool &db, Live::Announcer &announcer)
    : m_db(db), m_announcer(announcer)
{
}

QString ReviewCaseService::stateName(ReviewState state)
{
    return QString::fromLatin1(kStateNames[int(state)]);
}

std::optional<ReviewState> ReviewCaseService::stateFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i)
        if (name == QLatin1String(kStateNames[i]))
            return ReviewState(i);
    return std::nullopt;
}

QFuture<Expected<ReviewCase>> ReviewCaseService::decide(const Actor &actor, const QUuid &sessionId,
                                                        const ReviewDecisionInput &input)
{
    const QString comment = input.comment.trimmed();
    if (comment.size() > kMaxComment)
        return refused<ReviewCase>(
            Error{ErrorCode::ValidationFailed,
                  QStringLiteral("must be a string of at most %1 characters").arg(kMaxComment),
                  QStringLiteral("/comment"), 0});
    if (input.revokeCertificate && input.state != ReviewState::Violation)
        return refused<ReviewCase>(
            Error{ErrorCode::ValidationFailed,
                  QStringLiteral("a certificate is revoked only with a confirmed violation"),
                  QStringLiteral("/revokeCertificate"), 0});
    if (input.revokeCertificate && actor.admin && !actor.admin->satisfies(Auth::AdminRole::Admin))
        return refused<ReviewCase>(Error{ErrorCode::ForbiddenRole,
                                         QStringLiteral("revoking a certificate needs the admin role"),
                                         QStringLiteral("/revokeCertificate"), 0});
    return m_db.run<ReviewCase>([this, actor, sessionId, input,
                                 comment](pqxx::connection &c) -> Expected<ReviewCase> {
        pqxx::work tx(c);
        const auto head = Storage::ReviewCaseRepository::head(tx, sessionId, true);
        if (!head)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such session"), QStringLiteral("id"));
        std::optional<CertificateRevocation> revoked;
        if (input.revokeCertificate) {
            if (head->certificateNumber.isEmpty())
                return makeError(ErrorCode::Conflict, QStringLiteral("the session has no certificate"),
                                 QStringLiteral("/revokeCertificate"));
            const QString reason = comment.isEmpty() ? QStringLiteral("Violation confirmed in review")
                                                     : comment.left(CertificateService::kMaxReason);
            auto done = CertificateService::revokeIn(tx, actor, head->certificateNumber, reason);
            if (!done) {
                Error e = done.error();
                e.field = QStringLiteral("/revokeCertificate");
                return tl::unexpected(e);
            }
            revoked = *done;
        }
        Storage::ReviewDecisionRecord decision;
        decision.state = int(input.state);
        decision.comment = comment;
        decision.reviewerId = actor.admin ? std::optional<qint64>(actor.admin->id) : std::nullopt;
        decision.reviewer = actor.name;
        decision.revokedCertificate = revoked ? revoked->number : QString();
        Storage::ReviewCaseRepository::record(tx, sessionId, decision);
        const QString previous = stateName(ReviewState(head->state));
        const QString state = stateName(input.state);
        QJsonObject details{{QStringLiteral("state"), state},
                            {QStringLiteral("previousState"), previous},
                            {QStringLiteral("comment"), comment}};
        if (revoked)
            details.insert(QStringLiteral("revokedCertificate"), revoked->number);
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("review.decide"),
                            QStringLiteral("session:") + sessionId.toString(QUuid::WithoutBraces), details));
        auto answer = readCase(tx, sessionId);
        tx.commit();
        if (revoked)
            m_announcer.announce(Contract::CertificateRevoked{revoked->number, sessionId});
        m_announcer.announce(Contract::ReviewDecided{sessionId, state, previous});
        return answer;
    });
}

QFuture<Expected<ReviewCase>> ReviewCaseService::reviewCase(const QUuid &sessionId)
{
    return m_db.run<ReviewCase>([sessionId](pqxx::connection &c) -> Expected<ReviewCase> {
        pqxx::read_transaction tx(c);
        return readCase(tx, sessionId);
    });
}

QFuture<Expected<ReviewPrecision>> ReviewCaseService::precision(int days)
{
    if (days < 1 || days > kMaxDays)
        return refused<ReviewPrecision>(Error{
            ErrorCode::BadParameter, QStringLiteral("days must be an integer from 1 to %1").arg(kMaxDays),
            QStringLiteral("days"), 0});
    return m_db.run<ReviewPrecision>([days](pqxx::connection &c) -> Expected<ReviewPrecision> {
        pqxx::read_transaction tx(c);
        ReviewPrecision out{days, {}};
        for (const auto &f : Storage::ReviewCaseRepository::decisionsPerFactor(tx, days))
            out.factors.append(FactorPrecision{f.reason, f.flagged, f.decided, f.confirmed});
        return out;
    });
}

} // namespace Proctor::Collector::Services
