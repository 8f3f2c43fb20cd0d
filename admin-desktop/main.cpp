// SPDX-License-Identifier: MIT
// proctor-admin: the proctors' desktop app.
//   proctor-admin [--server URL] [--email E] [--password-stdin] [--page NAME]
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "api/apiclient.h"
#include "api/livefeedclient.h"
#include "api/tokenstore.h"
#include "app/appearance.h"
#include "cache/sessioncache.h"
#include "core/version.h"
#include "views/logindialog.h"
#include "views/mainwindow.h"

using namespace Proctor::Admin;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Proctor"));
    QApplication::setApplicationName(QStringLiteral("proctor-admin"));
    QApplication::setApplicationVersion(QString::fromLatin1(Proctor::kVersion));
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);

    QSettings settings;
    Appearance::applyLanguage(settings.value(QStringLiteral("appearance/language")).toString());
    Appearance::applyTheme(
        Appearance::themeFromKey(settings.value(QStringLiteral("appearance/theme")).toString()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Proctor review and administration desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption serverOption(
        QStringLiteral("server"), QApplication::translate("main", "Server address."), QStringLiteral("url"));
    QCommandLineOption emailOption(QStringLiteral("email"), QApplication::translate("main", "Account email."),
                                   QStringLiteral("email"));
    QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QApplication::translate("main", "Read the password from standard input and sign in at start."));
    QCommandLineOption pageOption(QStringLiteral("page"),
                                  QApplication::translate("main", "View to open: dashboard, results, …"),
                                  QStringLiteral("name"));
    parser.addOptions({serverOption, emailOption, passwordOption, pageOption});
    parser.process(app);

    QString password;
    if (parser.isSet(passwordOption)) {
        std::string line;
        std::getline(std::cin, line);
        password = QString::fromStdString(line).trimmed();
    }

    Api::ApiClient api;
    Api::LiveFeedClient live;
    Api::TokenStore tokens;
    Cache::SessionCache cache;
    Views::Services services{&api, &live, &tokens, &cache};

    // A language switch builds the window again (every view makes its texts when it is built); the
    // services, the sign-in and the page stay.
    auto window = std::make_unique<Views::MainWindow>(services);
    QWidget *loginDialog = nullptr; // a child of the window: moved to the new one, not deleted with the old
    std::function<void()> watchLanguage;
    watchLanguage = [&] {
        QObject::connect(window.get(), &Views::MainWindow::languageChanged, window.get(), [&] {
            QTimer::singleShot(0, qApp, [&] {
                const auto page = window->currentPage();
                const QByteArray geometry = window->saveGeometry();
                window->hide();
                if (loginDialog)
                    loginDialog->setParent(nullptr, loginDialog->windowFlags());
                window.release()->deleteLater();
                window = std::make_unique<Views::MainWindow>(services);
                if (loginDialog)
                    loginDialog->setParent(window.get(), loginDialog->windowFlags());
                window->restoreGeometry(geometry);
                window->showPage(page);
                window->show();
                if (api.hasToken())
                    window->onSignedIn();
                watchLanguage();
            });
        });
    };
    watchLanguage();
    if (parser.isSet(pageOption)) {
        const QString name = parser.value(pageOption).toLower();
        const QStringList pages{
            QStringLiteral("dashboard"), QStringLiteral("results"),      QStringLiteral("session"),
            QStringLiteral("compare"),   QStringLiteral("similar"),      QStringLiteral("devices"),
            QStringLiteral("abandoned"), QStringLiteral("certificates"), QStringLiteral("administration")};
        if (pages.contains(name))
            window->showPage(static_cast<Views::MainWindow::Page>(pages.indexOf(name)));
    }
    window->show();

    Views::LoginDialog login(&api, &tokens, window.get());
    loginDialog = &login;
    if (parser.isSet(serverOption))
        login.setServer(parser.value(serverOption));
    if (parser.isSet(emailOption))
        login.setEmail(parser.value(emailOption));
    QObject::connect(&login, &Views::LoginDialog::signedIn, &login, [&window] { window->onSignedIn(); });

    if (!password.isEmpty()) {
        // Non-interactive sign-in (make demo); on failure the dialog stays open with the reason.
        login.setPassword(password);
        login.show();
        login.signIn();
    } else {
        // A token kept in the keychain from the last run is tried first.
        const QUrl server = Views::normaliseServerUrl(login.server());
        const QString email = login.email();
        login.show();
        if (!email.isEmpty()) {
            tokens.load(Api::TokenStore::accountKey(server.toString(), email), [&](const QByteArray &token) {
                if (token.isEmpty())
                    return;
                api.setServerUrl(server);
                api.setToken(token);
                api.me(&login, [&](Api::Result<Api::AdminAccount> me) {
                    if (me) {
                        login.accept();
                        window->onSignedIn();
                    } else {
                        api.setToken({});
                        login.setMessage(me.error().userMessage());
                    }
                });
            });
        }
    }
    // Cancel leaves the window open and signed out (File > Sign in opens the dialog again); Quit quits.
    QObject::connect(&login, &QDialog::rejected, &login, [&window, &api] {
        if (!api.hasToken())
            window->statusBar()->showMessage(
                QApplication::translate("main", "Not signed in. Use File > Sign in to sign in."));
    });
    return QApplication::exec();
}
