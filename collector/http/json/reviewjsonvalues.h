// SPDX-License-Identifier: MIT
// Pieces the review and analysis wire shapes share: RFC 3339 times, nullable values, the candidate
// summary, grade, stored risk, review state and violation counts of a row, and a page's cursor.
#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QUuid>

#include "contract/testdefinition.h"
#include "storage/reviewrecords.h"

namespace Proctor::Collector::Http::Json {

// "2026-11-25T10:00:00.123Z" (always milliseconds, UTC); null for no time.
inline QJsonValue timestampJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

template <typename T> QJsonValue nullableJson(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

inline QString uuidJson(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// The next page's cursor; null on the last page.
inline QJsonValue cursorJson(const QString &cursor)
{
    return cursor.isEmpty() ? QJsonValue() : QJsonValue(cursor);
}

inline QJsonObject candidateJson(const Storage::CandidateSummary &c)
{
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("lastName"), c.lastName},
                       {QStringLiteral("firstName"), c.firstName},
                       {QStringLiteral("middleName"), c.middleName},
                       {QStringLiteral("position"), c.position}};
}

inline QJsonValue gradeJson(const std::optional<Contract::Grade> &g)
{
    if (!g)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("number"), g->number}, {QStringLiteral("key"), g->key}};
}

inline QJsonObject listRiskJson(const Storage::ListRisk &r)
{
    return QJsonObject{{QStringLiteral("score"), r.score}, {QStringLiteral("level"), r.level}};
}

// {"state": "unreviewed" | "cleared" | "violation" | "second_look"}: an object so the decision's details
// (comment, reviewer, time) can join it without changing the field's type.
inline QJsonObject reviewJson(Storage::ReviewState state)
{
    return QJsonObject{{QStringLiteral("state"), Storage::reviewStateName(state)}};
}

inline QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

inline QJsonObject pageJson(const QJsonArray &items, const QString &nextCursor)
{
    return QJsonObject{{QStringLiteral("items"), items},
                       {QStringLiteral("nextCursor"), cursorJson(nextCursor)}};
}

} // namespace Proctor::Collector::Http::Json
