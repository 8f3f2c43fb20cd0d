// SPDX-License-Identifier: MIT
// Change my own password (POST /auth/password): current, new, repeated; checked here first, then by the
// server, whose refusal is shown under the fields without clearing them.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Views {

class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ChangePasswordDialog(Api::ApiClient *api, QWidget *parent = nullptr);

    void setPasswords(const QString &current, const QString &next, const QString &repeated);
    QLineEdit *currentField() const { return m_current; }
    QLineEdit *newField() const { return m_new; }
    QLineEdit *repeatField() const { return m_repeat; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }

    // The server's rule (docs/api.md "Passwords"): 10 characters at least.
    static constexpr int kMinLength = 10;

public slots:
    void submit();

signals:
    // The server changed the password; `otherSignIns` sessions of this account were signed out.
    void changed(int otherSignIns);
    void failed(const QString &message);

private:
    void setStatus(const QString &text, bool error);

    Api::ApiClient *m_api;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_status;
    QPushButton *m_ok;
    bool m_busy = false;
};

} // namespace Proctor::Admin::Views
