// SPDX-License-Identifier: MIT
#include "views/logindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "api/apiclient.h"
#include "api/tokenstore.h"

namespace Proctor::Admin::Views {

void LoginDialog::reject()
{
    m_attempt = 0;
    m_signIn->setEnabled(true);
    m_password->clear();
    setMessage(QString(), false);
    QDialog::reject();
}

QUrl normaliseServerUrl(const QString &text)
{
    QString t = text.trimmed();
    if (!t.contains(QStringLiteral("://")))
        t.prepend(QStringLiteral("http://"));
    return QUrl(t, QUrl::StrictMode);
}

LoginDialog::LoginDialog(Api::ApiClient *api, Api::TokenStore *tokens, QWidget *parent)
    : QDialog(parent), m_api(api), m_tokens(tokens), m_server(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_password(new QLineEdit(this)), m_message(new QLabel(this)),
      m_storeNote(new QLabel(this))
{
    setWindowTitle(tr("Sign in to Proctor"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Proctor</h2>Sign in with your proctor or administrator account."), this);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    m_server->setPlaceholderText(QStringLiteral("https://proctor.example.org"));
    m_email->setPlaceholderText(QStringLiteral("name@example.org"));
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setAccessibleName(tr("Server address"));
    m_email->setAccessibleName(tr("Email"));
    m_password->setAccessibleName(tr("Password"));
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Sign-in message"));
    layout->addWidget(m_message);
    m_storeNote->setWordWrap(true);
    m_storeNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_storeNote);
    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_signIn->setDefault(true);
    layout->addWidget(buttons);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto updateNote = [this] {
        m_storeNote->setText(
            m_tokens && m_tokens->backend() == Api::TokenStore::Backend::Memory
                ? tr("The sign-in is kept in memory only (%1): you will sign in again next time.")
                      .arg(m_tokens->memoryReason())
                : tr("The sign-in is kept in the system keychain."));
    };
    updateNote();
    if (m_tokens)
        connect(m_tokens, &Api::TokenStore::backendChanged, this, updateNote);

    QSettings settings;
    m_server->setText(
        settings.value(QStringLiteral("login/server"), QStringLiteral("http://127.0.0.1:8080")).toString());
    m_email->setText(settings.value(QStringLiteral("login/email")).toString());
    resize(460, sizeHint().height());
}

void LoginDialog::setServer(const QString &url)
{
    m_server->setText(url);
}
void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}
void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}
QString LoginDialog::message() const
{
    return m_message->text();
}
QString LoginDialog::server() const
{
    return m_server->text();
}
QString LoginDialog::email() const
{
    return m_email->text();
}

void LoginDialog::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #dc2626;") : QString());
}

void LoginDialog::signIn()
{
    const QUrl url = normaliseServerUrl(m_server->text());
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        setMessage(tr("Enter the server address, e.g. https://proctor.example.org"));
        m_server->setFocus();
        return;
    }
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        setMessage(tr("Enter your email and password."));
        (m_email->text().trimmed().isEmpty() ? m_email : m_password)->setFocus();
        return;
    }
    m_api->setServerUrl(url);
    m_api->setToken({});
    m_signIn->setEnabled(false);
    setMessage(tr("Signing in…"), false);
    const QString email = m_email->text().trimmed();
    const quint64 attempt = ++m_lastAttempt;
    m_attempt = attempt;
    m_api->login(email, m_password->text(), this,
                 [this, url, email, attempt](Api::Result<Api::LoginResult> r) {
                     if (attempt != m_attempt) {
                         // Cancelled meanwhile: the client took the token already; give it back.
                         if (r)
                             m_api->logout();
                         return;
                     }
                     m_attempt = 0;
                     m_signIn->setEnabled(true);
                     if (!r) {
                         setMessage(r.error().userMessage());
                         // A refused password does not stay in the field to be sent again.
                         if (r.error().kind == Api::ApiError::Kind::BadCredentials) {
                             m_password->clear();
                             m_password->setFocus();
                         }
                         emit failed(r.error());
                         return;
                     }
                     m_password->clear();
                     QSettings settings;
                     settings.setValue(QStringLiteral("login/server"), url.toString());
                     settings.setValue(QStringLiteral("login/email"), email);
                     if (m_tokens)
                         m_tokens->save(Api::TokenStore::accountKey(url.toString(), email), r->token);
                     setMessage(QString(), false);
                     emit signedIn();
                     accept();
                 });
}

} // namespace Proctor::Admin::Views
