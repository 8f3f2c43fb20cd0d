// SPDX-License-Identifier: MIT
// Light/dark palettes and the UI language (Russian or English), applied to the whole application.
#pragma once

#include <QString>

class QApplication;
class QTranslator;

namespace Proctor::Admin::Appearance {

enum class Theme
{
    Light,
    Dark
};

void applyTheme(Theme theme);
Theme currentTheme();
QString themeKey(Theme theme); // "light" | "dark"
Theme themeFromKey(const QString &key);

// Installs the translation for `language` ("ru", "en", or "" = system locale). Returns the language used.
// The language applyLanguage() installed last ("ru" or "en").
QString currentLanguage();
QString applyLanguage(const QString &language);

} // namespace Proctor::Admin::Appearance
