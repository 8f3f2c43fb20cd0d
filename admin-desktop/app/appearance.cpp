// SPDX-License-Identifier: MIT
#include "app/appearance.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace Proctor::Admin::Appearance {

namespace {
Theme g_theme = Theme::Light;
QTranslator *g_appTranslator = nullptr;
QTranslator *g_qtTranslator = nullptr;
QString g_language;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1f, 0x23, 0x2a), base(0x16, 0x19, 0x1e), alt(0x23, 0x28, 0x30),
        text(0xe5, 0xe7, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alt);
    p.setColor(QPalette::ToolTipBase, alt);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2b, 0x31, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xf8, 0x71, 0x71));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
    p.setColor(QPalette::Mid, QColor(0x4b, 0x55, 0x63));
    p.setColor(QPalette::Dark, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Light, QColor(0x37, 0x41, 0x51));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::AlternateBase, QColor(0xf9, 0xfa, 0xfb));
    p.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    return p;
}
} // namespace

void applyTheme(Theme theme)
{
    g_theme = theme;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

Theme currentTheme()
{
    return g_theme;
}

QString themeKey(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme themeFromKey(const QString &key)
{
    return key == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

QString applyLanguage(const QString &language)
{
    QString lang = language;
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
    if (!g_appTranslator) {
        g_appTranslator = new QTranslator(qApp);
        g_qtTranslator = new QTranslator(qApp);
    }
    QCoreApplication::removeTranslator(g_appTranslator);
    QCoreApplication::removeTranslator(g_qtTranslator);
    if (g_appTranslator->load(QStringLiteral(":/i18n/proctor-admin_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(g_appTranslator);
    if (g_qtTranslator->load(QStringLiteral("qtbase_%1").arg(lang),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qtTranslator);
    g_language = lang;
    QLocale::setDefault(QLocale(lang == QLatin1String("ru") ? QLocale::Russian : QLocale::English,
                                lang == QLatin1String("ru") ? QLocale::Russia : QLocale::UnitedKingdom));
    return lang;
}

QString currentLanguage()
{
    return g_language;
}

} // namespace Proctor::Admin::Appearance
