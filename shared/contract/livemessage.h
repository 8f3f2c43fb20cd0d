// SPDX-License-Identifier: MIT
// The live-update protocol: every message the collector publishes on Redis and forwards to desktops over
// WebSocket, as one typed value. The publisher encodes with encodeLiveMessage(), every reader (the
// collector's dispatcher, its review cache, the desktop's live-feed client) decodes with
// decodeLiveMessage(); the wire shape is live-message.schema.json.
#pragma once

#include <variant>

#include <tl/expected.hpp>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include "contract/contracterror.h"

namespace Proctor::Contract {

struct SessionStarted
{
    QUuid sessionId;
    QString kind; // "test" | "study"
    QString testId;
};

struct AppendedEvents
{
    QUuid sessionId;
    int count = 0;
    QStringList types; // distinct event types among the appended events
};

// Coalesced: one message per publication interval for every session that received events (at most
// kMaxAppendedSessions of them; a publisher with more sends several messages).
struct EventsAppended
{
    static constexpr qsizetype kMaxAppendedSessions = 1000; // the schema's maxItems of `sessions`
    QList<AppendedEvents> sessions;
};

struct ResultSaved
{
    QUuid sessionId;
    double score = 0;
    bool passed = false;
};

struct ApiKeyRevoked
{
    qint64 id = 0;   // 0 when not known (a publisher that only had the key's hash)
    QByteArray hash; // SHA-256 of the key (raw bytes; hex on the wire)
};

struct CandidateDeleted
{
    qint64 candidateId = 0;
    QStringList sessionIds; // may be empty when the publisher did not list them: match by candidateId then
};

// Failed sign-ins to one account (or from one address) reached the point where further attempts are delayed:
// an alert for administrators. `email` is empty when only the address is throttled.
struct LoginThrottled
{
    QString email;
    QString address;
    int failures = 0;
    int delaySeconds = 0;
};

// An administrator revoked a certificate: views showing it mark it revoked.
struct CertificateRevoked
{
    QString number; // YY/MM-NNNN
    QUuid sessionId;
};

// A proctor recorded a review decision on a session: lists showing its review state update it, other
// reviewers see the case was taken. States: "unreviewed", "cleared", "violation", "second_look".
struct ReviewDecided
{
    QUuid sessionId;
    QString state;
    QString previousState;
};

// A session's stored risk assessment rose to high (from low or medium, or on its first assessment) as its
// data arrived: the few sessions worth a look right now. Not sent when a rules change re-assesses.
struct RiskRaised
{
    QUuid sessionId;
    int score = 0;         // 0..100
    int level = 2;         // 0 low, 1 medium, 2 high (always 2 today)
    int previousLevel = 0; // the level before
};

using LiveMessage = std::variant<SessionStarted, EventsAppended, ResultSaved, ApiKeyRevoked, CandidateDeleted,
                                 LoginThrottled, CertificateRevoked, ReviewDecided, RiskRaised>;

// The wire name of the message's type ("session_started", …).
QString liveMessageType(const LiveMessage &message);
// Every type name of the protocol, in the order of the variant.
QStringList liveMessageTypes();

// Compact JSON, valid against live-message.schema.json for any message a publisher may send (EventsAppended
// with 1..kMaxAppendedSessions sessions, ids and hashes set).
QByteArray encodeLiveMessage(const LiveMessage &message);
// Validates against live-message.schema.json (Schema::LiveMessage) first: BadJson, NotAnObject, or
// ValidationFailed naming the JSON pointer (/type for an unknown type, /sessionId for a bad UUID, /x for
// an unknown field x) for anything that is not a well-formed message of a known type.
tl::expected<LiveMessage, ContractError> decodeLiveMessage(const QByteArray &payload);

} // namespace Proctor::Contract
