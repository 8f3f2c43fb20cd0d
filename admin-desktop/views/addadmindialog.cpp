// SPDX-License-Identifier: MIT
#include "views/addadmindialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "api/apiclient.h"

namespace Proctor::Admin::Views {

AddAdminDialog::AddAdminDialog(Api::ApiClient *api, QWidget *parent)
    : QDialog(parent), m_api(api), m_email(new QLineEdit(this)), m_name(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_role(new QComboBox(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("New account"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least %n characters", nullptr, 10));
    m_role->addItem(tr("proctor"), QStringLiteral("proctor"));
    m_role->addItem(tr("administrator"), QStringLiteral("admin"));
    m_email->setAccessibleName(tr("Email"));
    m_name->setAccessibleName(tr("Name"));
    m_password->setAccessibleName(tr("Password"));
    m_role->setAccessibleName(tr("Role"));
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Role:"), m_role);
    layout->addLayout(form);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setStyleSheet(QStringLiteral("color: #dc2626;"));
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Create account"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_ok->setDefault(true);
    layout->addWidget(buttons);
    connect(m_ok, &QPushButton::clicked, this, &AddAdminDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, sizeHint().height());
}

void AddAdminDialog::setFields(const QString &email, const QString &name, const QString &password,
                               const QString &role)
{
    m_email->setText(email);
    m_name->setText(name);
    m_password->setText(password);
    m_role->setCurrentIndex(qMax(0, m_role->findData(role)));
}

QString AddAdminDialog::statusText() const
{
    return m_status->text();
}

void AddAdminDialog::submit()
{
    if (m_email->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_status->setText(tr("Enter the email and a password."));
        (m_email->text().trimmed().isEmpty() ? m_email : m_password)->setFocus();
        emit failed(m_status->text());
        return;
    }
    m_ok->setEnabled(false);
    m_status->clear();
    const QJsonObject body{{QStringLiteral("email"), m_email->text().trimmed()},
                           {QStringLiteral("password"), m_password->text()},
                           {QStringLiteral("role"), m_role->currentData().toString()},
                           {QStringLiteral("displayName"), m_name->text().trimmed()}};
    m_api->post(QStringLiteral("/admins"), body, this, [this](const Api::Response &r) {
        m_ok->setEnabled(true);
        if (!r.ok()) {
            // Nothing typed is lost; the field the server named (or the e-mail for a taken one) gets the
            // focus.
            m_status->setText(r.error.userMessage());
            const QString field = r.error.field;
            QLineEdit *focus = field == QLatin1String("/password")      ? m_password
                               : field == QLatin1String("/displayName") ? m_name
                                                                        : m_email;
            focus->setFocus();
            emit failed(m_status->text());
            return;
        }
        emit created(r.object());
        accept();
    });
}

} // namespace Proctor::Admin::Views
