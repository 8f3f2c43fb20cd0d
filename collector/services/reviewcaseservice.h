// SPDX-License-Identifier: MIT
// Review cases: a proctor's decision on a session (cleared, violation confirmed, needs a second look, or
// back to unreviewed) with a comment, kept with its history, audited and announced; confirming a violation
// may revoke the session's certificate in the same transaction. Also counts, per risk factor, how many
// flagged sessions reviewers confirmed: the factor's precision.
#pragma once

#include <optional>

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QUuid>

#include "core/error.h"
#include "services/actor.h"
#include "storage/reviewcaserepository.h"

namespace Proctor::Collector::Live {
class Announcer;
}
namespace Proctor::Collector::Storage {
class DbPool;
}

namespace Proctor::Collector::Services {

// The values of sessions.review_state.
enum class ReviewState
{
    Unreviewed = 0,
    Cleared = 1,
    Violation = 2,
    SecondLook = 3,
};

struct ReviewDecisionInput
{
    ReviewState state = ReviewState::Unreviewed;
    QString comment;
    bool revokeCertificate = false; // only with Violation; admin role
};

struct ReviewCase
{
    QUuid sessionId;
    ReviewState state = ReviewState::Unreviewed;
    QString sessionStatus;     // in_progress | completed | abandoned
    QString certificateNumber; // empty when the session has no certificate
    bool certificateRevoked = false;
    QList<Storage::ReviewDecisionRecord> history; // newest first
};

struct FactorPrecision
{
    QString reason;
    int flagged = 0;   // sessions where the factor fired
    int decided = 0;   // of those, cleared or confirmed (second looks and unreviewed are open)
    int confirmed = 0; // of those, violation confirmed
    std::optional<double> precision() const
    {
        return decided > 0 ? std::optional<double>(double(confirmed) / decided) : std::nullopt;
    }
};

struct ReviewPrecision
{
    int days = 0;
    QList<FactorPrecision> factors; // by reason key
};

class ReviewCaseService
{
public:
    static constexpr int kMaxComment = 2000;
    static constexpr int kHistoryLimit = 200;
    static constexpr int kMaxDays = 3650;
    static constexpr int kDefaultDays = 30;

    ReviewCaseService(Storage::DbPool &db, Live::Announcer &announcer);

    // Records a decision. ValidationFailed (/comment) when the comment is longer than kMaxComment,
    // (/revokeCertificate) when revocation is asked with another state than Violation; ForbiddenRole when a
    // proctor asks for revocation (revoking is the admin's); NotFound (id) for an unknown session; Conflict
    // (/revokeCertificate) when the session has no certificate or it is already revoked. Audited as
    // review.decide (and certificate.revoke), sessions.review_state updated in the same transaction, then
    // ReviewDecided (and CertificateRevoked) announced.
    QFuture<Expected<ReviewCase>> decide(const Actor &actor, const QUuid &sessionId,
                                         const ReviewDecisionInput &input);
    // The current state and the history (newest first, at most kHistoryLimit); NotFound (id).
    QFuture<Expected<ReviewCase>> reviewCase(const QUuid &sessionId);
    // Sessions started in the last `days` days; BadParameter (days) outside 1..kMaxDays.
    QFuture<Expected<ReviewPrecision>> precision(int days);

    static QString stateName(ReviewState state);
    static std::optional<ReviewState> stateFromName(const QString &name);

private:
    Storage::DbPool &m_db;
    Live::Announcer &m_announcer;
};

} // namespace Proctor::Collector::Services
