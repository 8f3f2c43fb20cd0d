// SPDX-License-Identifier: MIT
// Erasing one candidate's personal data on request: the candidate, all their sessions, events, telemetry
// and certificates, in one transaction.
#pragma once

#include <pqxx/pqxx>

#include <QStringList>

#include "core/error.h"

namespace Proctor::Collector::Storage {

struct CandidateDeletion
{
    qint64 sessions = 0;
    qint64 events = 0;
    qint64 telemetry = 0;
    qint64 certificates = 0;
    QStringList sessionIds;
};

namespace AdminCandidates {

// NotFound when there is no such candidate. The caller commits (together with the audit receipt).
Expected<CandidateDeletion> erase(pqxx::work &tx, qint64 candidateId);

} // namespace AdminCandidates
} // namespace Proctor::Collector::Storage
