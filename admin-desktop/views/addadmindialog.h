// SPDX-License-Identifier: MIT
// A new administrator or proctor account (POST /admins). The dialog stays open until the server agrees:
// a refusal (the e-mail taken, a short password) is shown in it and what was typed is kept.
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Views {

class AddAdminDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AddAdminDialog(Api::ApiClient *api, QWidget *parent = nullptr);

    // `role` is "proctor" or "admin".
    void setFields(const QString &email, const QString &name, const QString &password, const QString &role);
    QLineEdit *emailField() const { return m_email; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *passwordField() const { return m_password; }
    QComboBox *roleBox() const { return m_role; }
    QString statusText() const;

public slots:
    void submit();

signals:
    void created(const QJsonObject &account);
    void failed(const QString &message);

private:
    Api::ApiClient *m_api;
    QLineEdit *m_email;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QComboBox *m_role;
    QLabel *m_status;
    QPushButton *m_ok;
};

} // namespace Proctor::Admin::Views
