// SPDX-License-Identifier: MIT
#include "app/eventtypes.h"

#include <QCoreApplication>
#include <QHash>

namespace Proctor::Admin::EventTypes {

namespace {
const char *const kContext = "Proctor::Admin::EventTypes";

struct Info
{
    Category category;
    const char *label;
    const char *shortLabel;
    char glyph;
    bool violation;
};

const QHash<QString, Info> &table()
{
    static const QHash<QString, Info> t{
        {QStringLiteral("test_started"),
         {Category::Flow, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Test started"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "start"), 'S', false}},
        {QStringLiteral("test_finished"),
         {Category::Flow, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Test finished"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "finish"), 'F', false}},
        {QStringLiteral("study_started"),
         {Category::Study, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Study started"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "study"), 'S', false}},
        {QStringLiteral("question_shown"),
         {Category::Answer, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Question shown"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "question"), 'Q', false}},
        {QStringLiteral("answer_changed"),
         {Category::Answer, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Answer changed"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "answer"), 'A', false}},
        {QStringLiteral("focus_loss"),
         {Category::Focus, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Focus lost"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "focus"), 'B', true}},
        {QStringLiteral("focus_gain"),
         {Category::Focus, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Focus back"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "focus back"), 'b', false}},
        {QStringLiteral("visibility_hidden"),
         {Category::Focus, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Page hidden"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "hidden"), 'H', true}},
        {QStringLiteral("visibility_visible"),
         {Category::Focus, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Page visible"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "visible"), 'h', false}},
        {QStringLiteral("copy_attempt"),
         {Category::Clipboard, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Copy attempt"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "copy"), 'C', true}},
        {QStringLiteral("cut_attempt"),
         {Category::Clipboard, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Cut attempt"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "cut"), 'X', true}},
        {QStringLiteral("paste_attempt"),
         {Category::Clipboard, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Paste attempt"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "paste"), 'V', true}},
        {QStringLiteral("context_menu"),
         {Category::Clipboard, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Context menu"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "menu"), 'M', true}},
        {QStringLiteral("print_attempt"),
         {Category::Capture, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Print attempt"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "print"), 'P', true}},
        {QStringLiteral("screenshot_attempt"),
         {Category::Capture, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Screenshot attempt"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "screenshot"), 'K', true}},
        {QStringLiteral("fullscreen_exit"),
         {Category::Capture, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Left full screen"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "fullscreen"), 'E', true}},
        {QStringLiteral("network_offline"),
         {Category::Network, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Went offline"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "offline"), 'O', false}},
        {QStringLiteral("network_online"),
         {Category::Network, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Back online"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "online"), 'o', false}},
        {QStringLiteral("module_view_time"),
         {Category::Study, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Module viewed"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "module"), 'm', false}},
        {QStringLiteral("scroll_depth_milestone"),
         {Category::Study, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Scrolled"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "scroll"), 's', false}},
        {QStringLiteral("self_check_answered"),
         {Category::Study, QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "Self-check answered"),
          QT_TRANSLATE_NOOP("Proctor::Admin::EventTypes", "self-check"), 'c', false}},
    };
    return t;
}
} // namespace

Category category(const QString &type)
{
    const auto it = table().find(type);
    return it == table().end() ? Category::Other : it->category;
}

QString label(const QString &type)
{
    const auto it = table().find(type);
    return it == table().end() ? type : QCoreApplication::translate(kContext, it->label);
}

QString shortLabel(const QString &type)
{
    const auto it = table().find(type);
    return it == table().end() ? type : QCoreApplication::translate(kContext, it->shortLabel);
}

// Literal contexts here: lupdate only extracts translate() calls whose context is a string literal.
QString categoryLabel(Category c)
{
    switch (c) {
    case Category::Flow:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Flow");
    case Category::Answer:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Answers");
    case Category::Focus:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Focus");
    case Category::Clipboard:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Clipboard");
    case Category::Capture:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Print/screen");
    case Category::Network:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Network");
    case Category::Study:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Study");
    case Category::Other:
        return QCoreApplication::translate("Proctor::Admin::EventTypes", "Other");
    }
    return {};
}

QColor color(Category c)
{
    switch (c) {
    case Category::Flow:
        return QColor(0x25, 0x63, 0xeb);
    case Category::Answer:
        return QColor(0x05, 0x96, 0x69);
    case Category::Focus:
        return QColor(0xd9, 0x77, 0x06);
    case Category::Clipboard:
        return QColor(0x6d, 0x28, 0xd9);
    case Category::Capture:
        return QColor(0xdc, 0x26, 0x26);
    case Category::Network:
        return QColor(0x64, 0x74, 0x8b);
    case Category::Study:
        return QColor(0x08, 0x91, 0xb2);
    case Category::Other:
        return QColor(0x9c, 0xa3, 0xaf);
    }
    return Qt::gray;
}

QChar glyph(const QString &type)
{
    const auto it = table().find(type);
    return it == table().end() ? QLatin1Char('?') : QLatin1Char(it->glyph);
}

bool isViolation(const QString &type)
{
    const auto it = table().find(type);
    return it != table().end() && it->violation;
}

int laneCount()
{
    return 8;
}

int lane(Category c)
{
    return static_cast<int>(c);
}

} // namespace Proctor::Admin::EventTypes
