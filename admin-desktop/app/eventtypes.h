// SPDX-License-Identifier: MIT
// What the UI knows about each event type of docs/api.md: its name, lane on the timeline, colour and glyph.
#pragma once

#include <QColor>
#include <QString>

namespace Proctor::Admin::EventTypes {

enum class Category
{
    Flow,
    Answer,
    Focus,
    Clipboard,
    Capture,
    Network,
    Study,
    Other
};

Category category(const QString &type);
QString label(const QString &type);      // "Focus lost"
QString shortLabel(const QString &type); // for compact cells: "focus", "print"
QString categoryLabel(Category category);
QColor color(Category category);
QChar glyph(const QString &type); // one character drawn inside the timeline icon
bool isViolation(const QString &type);
int laneCount();
int lane(Category category);

} // namespace Proctor::Admin::EventTypes
