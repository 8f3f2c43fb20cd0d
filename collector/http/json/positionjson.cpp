// SPDX-License-Identifier: MIT
#include "http/json/positionjson.h"

#include <QJsonArray>

namespace Proctor::Collector::Http::Json {

Expected<Storage::PositionList> parsePositionList(const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("positions") && it.key() != QLatin1String("allowOther"))
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("unknown member"),
                             QStringLiteral("/") + it.key());
    const QJsonValue positions = body.value(QStringLiteral("positions"));
    if (!positions.isArray())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("positions must be an array of strings"),
                         QStringLiteral("/positions"));
    const QJsonValue allowOther = body.value(QStringLiteral("allowOther"));
    if (!allowOther.isUndefined() && !allowOther.isBool())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("allowOther must be a boolean"),
                         QStringLiteral("/allowOther"));
    Storage::PositionList list;
    list.allowOther = allowOther.toBool(false);
    const QJsonArray items = positions.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items[i].isString())
            return makeError(ErrorCode::ValidationFailed, QStringLiteral("must be a string"),
                             QStringLiteral("/positions/%1").arg(i));
        list.positions.append(items[i].toString());
    }
    return list;
}

QJsonObject toJson(const Storage::PositionList &list)
{
    return QJsonObject{{QStringLiteral("positions"), QJsonArray::fromStringList(list.positions)},
                       {QStringLiteral("allowOther"), list.allowOther}};
}

} // namespace Proctor::Collector::Http::Json
