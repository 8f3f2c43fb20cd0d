// SPDX-License-Identifier: MIT
#include "http/json/candidatejson.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Services::CandidateErasure &erasure)
{
    const Storage::CandidateDeletion &d = erasure.deleted;
    return QJsonObject{
        {QStringLiteral("candidateId"), erasure.candidateId},
        {QStringLiteral("deleted"), QJsonObject{{QStringLiteral("sessions"), d.sessions},
                                                {QStringLiteral("events"), d.events},
                                                {QStringLiteral("telemetry"), d.telemetry},
                                                {QStringLiteral("certificates"), d.certificates}}},
        {QStringLiteral("auditId"), erasure.auditId}};
}

} // namespace Proctor::Collector::Http::Json
