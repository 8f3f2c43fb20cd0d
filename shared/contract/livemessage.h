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

// Coalesced: one message per publication interval for every session that received events.
struct EventsAppended
{
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
    qint64 id = 0;   // 0 when not known (older publishers)
    QByteArray hash; // SHA-256 of the key (raw bytes; hex on the wire)
};

struct CandidateDeleted
{
    qint64 candidateId = 0;
    QStringList sessionIds;
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

using LiveMessage = std::variant<SessionStarted, EventsAppended, ResultSaved, ApiKeyRevoked, CandidateDeleted,
                                 LoginThrottled>;

// The wire name of the message's type ("session_started", …).
QString liveMessageType(const LiveMessage &message);
// Every type name of the protocol, in the order of the variant.
QStringList liveMessageTypes();

// Compact JSON.
QByteArray encodeLiveMessage(const LiveMessage &message);
// BadJson, or ValidationFailed naming the JSON pointer, for anything that is not a well-formed message of a
// known type.
tl::expected<LiveMessage, ContractError> decodeLiveMessage(const QByteArray &payload);

} // namespace Proctor::Contract
