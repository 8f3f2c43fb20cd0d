// SPDX-License-Identifier: MIT
#include "views/changepassworddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "api/apiclient.h"

namespace Proctor::Admin::Views {

ChangePasswordDialog::ChangePasswordDialog(Api::ApiClient *api, QWidget *parent)
    : QDialog(parent), m_api(api), m_current(new QLineEdit(this)), m_new(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Change my password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Your other sign-ins (other computers) end when the password changes; this one "
                      "stays signed in."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (QLineEdit *e : {m_current, m_new, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_current->setAccessibleName(tr("Current password"));
    m_new->setAccessibleName(tr("New password"));
    m_repeat->setAccessibleName(tr("New password again"));
    m_new->setPlaceholderText(tr("at least %n characters", nullptr, kMinLength));
    form->addRow(tr("&Current password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat:"), m_repeat);
    layout->addLayout(form);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Password change message"));
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Change password"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_ok->setDefault(true);
    layout->addWidget(buttons);
    // Accept only when the server agreed: the button submits, it does not close.
    connect(m_ok, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(440, sizeHint().height());
}

void ChangePasswordDialog::setPasswords(const QString &current, const QString &next, const QString &repeated)
{
    m_current->setText(current);
    m_new->setText(next);
    m_repeat->setText(repeated);
}

QString ChangePasswordDialog::statusText() const
{
    return m_status->text();
}

void ChangePasswordDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #dc2626;") : QString());
}

void ChangePasswordDialog::submit()
{
    if (m_busy)
        return;
    const auto refuse = [this](const QString &text, QLineEdit *field) {
        setStatus(text, true);
        field->setFocus();
        emit failed(text);
    };
    if (m_current->text().isEmpty())
        return refuse(tr("Enter your current password."), m_current);
    if (m_new->text().size() < kMinLength)
        return refuse(tr("The new password needs at least %n characters.", nullptr, kMinLength), m_new);
    if (m_new->text() == m_current->text())
        return refuse(tr("The new password must differ from the current one."), m_new);
    if (m_repeat->text() != m_new->text())
        return refuse(tr("The two new passwords differ."), m_repeat);
    m_busy = true;
    m_ok->setEnabled(false);
    setStatus(tr("Changing the password…"), false);
    const QJsonObject body{{QStringLiteral("current"), m_current->text()},
                           {QStringLiteral("new"), m_new->text()}};
    m_api->post(QStringLiteral("/auth/password"), body, this, [this](const Api::Response &r) {
        m_busy = false;
        m_ok->setEnabled(true);
        if (!r.ok()) {
            // The fields keep what was typed; the one the server named gets the focus.
            const QString field = r.error.field;
            setStatus(r.error.userMessage(), true);
            (field == QLatin1String("/current") ? m_current : m_new)->setFocus();
            emit failed(r.error.userMessage());
            return;
        }
        const int others = r.object().value(QStringLiteral("tokensRevoked")).toInt();
        setStatus(tr("The password was changed."), false);
        emit changed(others);
        accept();
    });
}

} // namespace Proctor::Admin::Views
