// SPDX-License-Identifier: MIT
// Timestamps on the wire: RFC 3339 in UTC with milliseconds ("2026-11-25T10:00:00.123Z"), null when unset.
#pragma once

#include <QDateTime>
#include <QJsonValue>

namespace Proctor::Collector::Http::Json {

inline QJsonValue timestampJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace Proctor::Collector::Http::Json
