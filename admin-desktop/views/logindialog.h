// SPDX-License-Identifier: MIT
// Connect and sign in: server URL, email, password. Failures get one clear sentence (unreachable server,
// wrong credentials, expired sign-in, TLS).
#pragma once

#include <QDialog>

#include "api/apierror.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
class TokenStore;
} // namespace Proctor::Admin::Api

namespace Proctor::Admin::Views {

class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(Api::ApiClient *api, Api::TokenStore *tokens, QWidget *parent = nullptr);

    void setServer(const QString &url);
    void setEmail(const QString &email);
    void setPassword(const QString &password);
    void setMessage(const QString &message, bool error = true);
    QString message() const;
    QString server() const;
    QString email() const;

    bool isSigningIn() const { return m_attempt != 0; }

public slots:
    void signIn();
    // Cancel: closes the dialog and abandons a sign-in still under way (its answer, if it comes, is
    // dropped and its token signed out), so Cancel never ends up signed in.
    void reject() override;

signals:
    void signedIn();
    void failed(const Proctor::Admin::Api::ApiError &error);

private:
    Api::ApiClient *m_api;
    Api::TokenStore *m_tokens;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_message;
    QLabel *m_storeNote;
    QPushButton *m_signIn;
    quint64 m_attempt = 0;     // the sign-in under way (0: none)
    quint64 m_lastAttempt = 0; // numbers attempts, so an abandoned one's answer is recognised
};

// Turns what the user typed into a server URL ("host:8080" -> "http://host:8080").
QUrl normaliseServerUrl(const QString &text);

} // namespace Proctor::Admin::Views
