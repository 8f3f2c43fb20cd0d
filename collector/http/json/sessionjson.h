// SPDX-License-Identifier: MIT
// The wire shape of a session start: the request body (POST /api/v1/sessions) and the 201 answer.
#pragma once

#include <QJsonObject>

#include "core/error.h"
#include "services/sessionservice.h"

namespace Proctor::Collector::Http::Json {

// `body` has passed the session-start schema; the transport adds the client's address, user agent and key.
Expected<Services::SessionStart> parseSessionStart(const QJsonObject &body);

// The session id, its token and the attempt's questions without the key (study material for a study
// session, whose self-check questions keep their answers: learning aids, never scored). A test session also
// says "resumed", "answers" (so far), "attemptsUsed" and "attemptsLeft".
QJsonObject toJson(const Services::StartedSession &session);

// A refused start: {"error":{"code":"attempts_exhausted"|"attempt_cooldown","message","field":"candidate",
// "attemptsUsed","attemptsLeft","nextAttemptAt"}}.
QJsonObject refusalJson(const Services::StartedSession &session);

} // namespace Proctor::Collector::Http::Json
