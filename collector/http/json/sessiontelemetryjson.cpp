// SPDX-License-Identifier: MIT
#include "http/json/sessiontelemetryjson.h"

namespace Proctor::Collector::Http::Json {

QJsonObject toJson(const Storage::TelemetryRecord &t)
{
    return QJsonObject{{QStringLiteral("submitted"), t.submitted},
                       {QStringLiteral("questions"), t.questions},
                       {QStringLiteral("mouse"), t.mouse},
                       {QStringLiteral("keystrokes"), t.keystrokes},
                       {QStringLiteral("focusLossCount"), t.focusLossCount},
                       {QStringLiteral("blurMs"), t.blurMs},
                       {QStringLiteral("viewport"), t.viewport}};
}

} // namespace Proctor::Collector::Http::Json
