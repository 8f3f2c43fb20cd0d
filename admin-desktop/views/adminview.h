// SPDX-License-Identifier: MIT
// Administration: API keys (create, shown once; revoke), admins, certificate settings, audit log,
// candidate data deletion with confirmation.
#pragma once

#include "views/view.h"

class QLabel;
class QMessageBox;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTabWidget;
class QTableWidget;

namespace Proctor::Admin::Models {
class ApiKeysModel;
class AdminsModel;
class AuditModel;
} // namespace Proctor::Admin::Models

namespace Proctor::Admin::Views {

class TestsPanel;
class AddAdminDialog;
class RiskSettingsDialog;

class AdminView final : public View
{
    Q_OBJECT
public:
    AdminView(const Services &services, QWidget *parent = nullptr);
    void activate() override;
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("administration"); }
    Models::ApiKeysModel *apiKeys() const { return m_keys; }
    Models::AdminsModel *admins() const { return m_admins; }
    Models::AuditModel *audit() const { return m_audit; }
    QTabWidget *tabs() const { return m_tabs; }
    TestsPanel *testsPanel() const { return m_testsPanel; }

    // The actions without their dialogs (the dialogs call these; tests too).
    void createApiKey(const QString &name, const QStringList &scopes,
                      std::function<void(QString key, QString error)> done);
    void revokeApiKey(const QString &id, std::function<void(QString error)> done);
    void deleteCandidate(const QString &candidateId,
                         std::function<void(QJsonObject deleted, QString error)> done);
    // POST /admins/{id}/password: `password` is the new one, answered once.
    void resetPassword(const QString &adminId, std::function<void(QString password, QString error)> done);
    // The once-only box that shows a reset password (with Copy); the caller executes and deletes it.
    QMessageBox *newPasswordBox(const QString &email, const QString &password);
    // The "Add…" dialog, opened (window-modal) and deleted when closed.
    AddAdminDialog *openAddAdmin();
    // The risk settings dialog (GET/PUT /settings/risk), opened and deleted when closed.
    RiskSettingsDialog *openRiskSettings();

public slots:
    void reload();

signals:
    void message(const QString &text);

private:
    void buildKeysTab();
    void buildAdminsTab();
    void buildSettingsTab();
    void buildAuditTab();
    void buildDeletionTab();
    void loadSettings();
    void saveSettings();

    Services m_services;
    QTabWidget *m_tabs;
    Models::ApiKeysModel *m_keys;
    Models::AdminsModel *m_admins;
    Models::AuditModel *m_audit;
    QTableView *m_keysTable = nullptr;
    QTableView *m_adminsTable = nullptr;
    QLineEdit *m_orgName = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_contacts = nullptr;
    QPlainTextEdit *m_legalBasis = nullptr; // cited on the certificate as the authority to issue it
    QTableWidget *m_signatories = nullptr;
    QLabel *m_settingsStatus = nullptr;
    QLineEdit *m_deleteId = nullptr;
    QLabel *m_deleteStatus = nullptr;
    QLabel *m_roleNote = nullptr;
    TestsPanel *m_testsPanel = nullptr; // Tests tab: attempt policies and rosters
    bool m_loaded = false;
};

} // namespace Proctor::Admin::Views
