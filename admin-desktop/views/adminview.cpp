// SPDX-License-Identifier: MIT
#include "views/adminview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

#include "api/apiclient.h"
#include "models/listmodels.h"
#include "models/testsmodel.h"
#include "views/addadmindialog.h"
#include "views/emblemdialog.h"
#include "views/risksettingsdialog.h"
#include "views/tableview.h"
#include "views/testspanel.h"

namespace Proctor::Admin::Views {

using Models::PagedJsonModel;

namespace {
QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *t = makeTableView(model, name, parent);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setDefaultSectionSize(150);
    t->setWordWrap(true);
    return t;
}
} // namespace

AdminView::AdminView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_tabs(new QTabWidget(this)),
      m_keys(new Models::ApiKeysModel(services.api, this)),
      m_admins(new Models::AdminsModel(services.api, this)),
      m_audit(new Models::AuditModel(services.api, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Administration</h2>"), this));
    m_roleNote = new QLabel(this);
    m_roleNote->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_roleNote, 1);
    auto *risk = new QPushButton(tr("Risk settings…"), this);
    risk->setToolTip(tr("Points, thresholds and the false-alarm target of the risk assessment"));
    connect(risk, &QPushButton::clicked, this, [this] { openRiskSettings(); });
    top->addWidget(risk);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    buildKeysTab();
    buildAdminsTab();
    buildSettingsTab();
    buildAuditTab();
    buildDeletionTab();
    m_testsPanel = new TestsPanel(services, m_tabs);
    m_tabs->addTab(m_testsPanel, tr("Tests"));
}

QAbstractItemModel *AdminView::exportModel() const
{
    switch (m_tabs->currentIndex()) {
    case 0:
        return m_keys;
    case 1:
        return m_admins;
    case 3:
        return m_audit;
    case 5:
        return m_testsPanel->model();
    default:
        return nullptr;
    }
}

void AdminView::activate()
{
    if (!m_loaded)
        reload();
}

void AdminView::reload()
{
    if (!m_services.api || !m_services.api->hasToken())
        return;
    m_loaded = true;
    m_roleNote->setText(m_services.api->isAdmin()
                            ? QString()
                            : tr("You are signed in as a proctor: management needs the administrator role, "
                                 "so the server will refuse changes."));
    m_keys->setSource(QStringLiteral("/apikeys"), {}, QStringLiteral("items"), false);
    m_admins->setSource(QStringLiteral("/admins"), {}, QStringLiteral("items"), false);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_audit->setSource(QStringLiteral("/audit"), q);
    loadSettings();
    m_testsPanel->reload();
}

void AdminView::buildKeysTab()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    m_keysTable = makeTable(m_keys, tr("API keys"), page);
    layout->addWidget(m_keysTable, 1);
    auto *row = new QHBoxLayout;
    auto *create = new QPushButton(tr("Create key…"), page);
    auto *revoke = new QPushButton(tr("Revoke…"), page);
    row->addStretch();
    row->addWidget(create);
    row->addWidget(revoke);
    layout->addLayout(row);
    m_tabs->addTab(page, tr("API keys"));

    connect(create, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("New API key"));
        auto *form = new QFormLayout(&dialog);
        auto *name = new QLineEdit(&dialog);
        name->setAccessibleName(tr("Key name"));
        auto *read = new QCheckBox(QStringLiteral("tests:read"), &dialog);
        auto *write = new QCheckBox(QStringLiteral("sessions:write"), &dialog);
        read->setChecked(true);
        write->setChecked(true);
        form->addRow(tr("Name:"), name);
        form->addRow(tr("Scopes:"), read);
        form->addRow(QString(), write);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted || name->text().trimmed().isEmpty())
            return;
        QStringList scopes;
        if (read->isChecked())
            scopes << QStringLiteral("tests:read");
        if (write->isChecked())
            scopes << QStringLiteral("sessions:write");
        createApiKey(name->text().trimmed(), scopes, [this](const QString &key, const QString &error) {
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("API key"), error);
                return;
            }
            QMessageBox box(
                QMessageBox::Information, tr("API key created"),
                tr("Copy the key now: it is shown only once and cannot be retrieved later.\n\n%1").arg(key),
                QMessageBox::Ok, this);
            auto *copy = box.addButton(tr("Copy"), QMessageBox::ActionRole);
            box.setTextInteractionFlags(Qt::TextSelectableByMouse);
            box.exec();
            if (box.clickedButton() == copy)
                QApplication::clipboard()->setText(key);
        });
    });
    connect(revoke, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_keysTable->currentIndex();
        if (!i.isValid())
            return;
        const QString name = m_keys->index(i.row(), Models::ApiKeysModel::Name).data().toString();
        if (QMessageBox::question(
                this, tr("Revoke API key"),
                tr("Revoke the key \"%1\"? Pages using it stop working at once on every server.")
                    .arg(name)) != QMessageBox::Yes)
            return;
        revokeApiKey(i.data(PagedJsonModel::IdRole).toString(), [this](const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("API key"), error);
        });
    });
}

void AdminView::createApiKey(const QString &name, const QStringList &scopes,
                             std::function<void(QString, QString)> done)
{
    const QJsonObject body{{QStringLiteral("name"), name},
                           {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}};
    m_services.api->post(QStringLiteral("/apikeys"), body, this, [this, done](const Api::Response &r) {
        if (!r.ok()) {
            done({}, r.error.userMessage());
            return;
        }
        m_keys->reload();
        m_audit->reload();
        done(r.object().value(QStringLiteral("key")).toString(), {});
    });
}

void AdminView::revokeApiKey(const QString &id, std::function<void(QString)> done)
{
    m_services.api->remove(QStringLiteral("/apikeys/") + id, this, [this, done](const Api::Response &r) {
        if (r.ok()) {
            m_keys->reload();
            m_audit->reload();
        }
        done(r.ok() ? QString() : r.error.userMessage());
    });
}

void AdminView::buildAdminsTab()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    m_adminsTable = makeTable(m_admins, tr("Administrators and proctors"), page);
    layout->addWidget(m_adminsTable, 1);
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add…"), page);
    auto *reset = new QPushButton(tr("Reset password…"), page);
    reset->setToolTip(tr("A new random password for the selected account, shown once"));
    auto *role = new QPushButton(tr("Change role"), page);
    auto *toggle = new QPushButton(tr("Disable / enable"), page);
    row->addStretch();
    row->addWidget(add);
    row->addWidget(reset);
    row->addWidget(role);
    row->addWidget(toggle);
    layout->addLayout(row);
    m_tabs->addTab(page, tr("Admins"));

    auto done = [this](const Api::Response &r) {
        if (!r.ok())
            QMessageBox::warning(this, tr("Admins"), r.error.userMessage());
        m_admins->reload();
        m_audit->reload();
    };
    connect(add, &QPushButton::clicked, this, [this] { openAddAdmin(); });
    connect(reset, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_adminsTable->currentIndex();
        if (!i.isValid())
            return;
        const QString email =
            i.data(PagedJsonModel::ObjectRole).toJsonObject().value(QStringLiteral("email")).toString();
        if (QMessageBox::question(
                this, tr("Reset password"),
                tr("Give %1 a new random password? Their current password stops working and "
                   "every sign-in of the account ends.")
                    .arg(email)) != QMessageBox::Yes)
            return;
        resetPassword(i.data(PagedJsonModel::IdRole).toString(),
                      [this, email](const QString &password, const QString &error) {
                          if (!error.isEmpty()) {
                              QMessageBox::warning(this, tr("Reset password"), error);
                              return;
                          }
                          QMessageBox *box = newPasswordBox(email, password);
                          box->exec();
                          delete box;
                      });
    });
    connect(role, &QPushButton::clicked, this, [this, done] {
        const QModelIndex i = m_adminsTable->currentIndex();
        if (!i.isValid())
            return;
        const QJsonObject o = i.data(PagedJsonModel::ObjectRole).toJsonObject();
        const QString next = o.value(QStringLiteral("role")).toString() == QLatin1String("admin")
                                 ? QStringLiteral("proctor")
                                 : QStringLiteral("admin");
        const QString email = o.value(QStringLiteral("email")).toString();
        const QString question = next == QLatin1String("admin")
                                     ? tr("Give %1 the administrator role?").arg(email)
                                     : tr("Give %1 the proctor role?").arg(email);
        if (QMessageBox::question(this, tr("Change role"), question) != QMessageBox::Yes)
            return;
        m_services.api->patch(QStringLiteral("/admins/") + i.data(PagedJsonModel::IdRole).toString(),
                              QJsonObject{{QStringLiteral("role"), next}}, this, done);
    });
    connect(toggle, &QPushButton::clicked, this, [this, done] {
        const QModelIndex i = m_adminsTable->currentIndex();
        if (!i.isValid())
            return;
        const QJsonObject o = i.data(PagedJsonModel::ObjectRole).toJsonObject();
        m_services.api->patch(
            QStringLiteral("/admins/") + i.data(PagedJsonModel::IdRole).toString(),
            QJsonObject{{QStringLiteral("disabled"), !o.value(QStringLiteral("disabled")).toBool()}}, this,
            done);
    });
}

AddAdminDialog *AdminView::openAddAdmin()
{
    auto *dialog = new AddAdminDialog(m_services.api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddAdminDialog::created, this, [this] {
        m_admins->reload();
        m_audit->reload();
    });
    dialog->open();
    return dialog;
}

RiskSettingsDialog *AdminView::openRiskSettings()
{
    auto *dialog = new RiskSettingsDialog(m_services.api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RiskSettingsDialog::saved, m_audit, &Models::AuditModel::reload);
    dialog->load();
    dialog->open();
    return dialog;
}

void AdminView::resetPassword(const QString &adminId, std::function<void(QString, QString)> done)
{
    m_services.api->post(QStringLiteral("/admins/%1/password").arg(adminId), QJsonObject{}, this,
                         [this, done](const Api::Response &r) {
                             if (!r.ok()) {
                                 done({}, r.error.userMessage());
                                 return;
                             }
                             m_admins->reload();
                             m_audit->reload();
                             done(r.object().value(QStringLiteral("password")).toString(), {});
                         });
}

QMessageBox *AdminView::newPasswordBox(const QString &email, const QString &password)
{
    // Shown once: the server keeps only its hash and never answers it again.
    auto *box = new QMessageBox(QMessageBox::Information, tr("New password"),
                                tr("The new password of %1 is shown only now: copy it and hand it over "
                                   "safely. They can change it after signing in.")
                                    .arg(email),
                                QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(password);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *copy = box->addButton(tr("Copy"), QMessageBox::ActionRole);
    copy->disconnect(); // copying does not close the box
    connect(copy, &QAbstractButton::clicked, box,
            [password] { QApplication::clipboard()->setText(password); });
    return box;
}

void AdminView::buildSettingsTab()
{
    auto *page = new QWidget(m_tabs);
    auto *form = new QFormLayout(page);
    m_orgName = new QLineEdit(page);
    m_address = new QLineEdit(page);
    m_contacts = new QLineEdit(page);
    m_legalBasis = new QPlainTextEdit(page);
    m_legalBasis->setAccessibleName(tr("Legal basis"));
    m_legalBasis->setPlaceholderText(
        tr("Licence or other document under which the organisation issues certificates"));
    m_legalBasis->setMaximumHeight(70);
    m_signatories = new QTableWidget(3, 2, page);
    m_signatories->setHorizontalHeaderLabels({tr("Title"), tr("Name")});
    m_signatories->horizontalHeader()->setStretchLastSection(true);
    m_signatories->setAccessibleName(tr("Signatories"));
    m_signatories->setMaximumHeight(130);
    m_settingsStatus = new QLabel(page);
    form->addRow(tr("Organisation:"), m_orgName);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Contacts:"), m_contacts);
    form->addRow(tr("Legal basis:"), m_legalBasis);
    form->addRow(tr("Signatories:"), m_signatories);
    auto *emblem = new QPushButton(tr("Emblem…"), page);
    emblem->setToolTip(tr("The image printed at the top of every certificate"));
    connect(emblem, &QPushButton::clicked, this, [this] {
        auto *dialog = new EmblemDialog(m_services.api, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->loadCurrent();
        dialog->open();
    });
    form->addRow(tr("Emblem:"), emblem);
    auto *row = new QHBoxLayout;
    auto *load = new QPushButton(tr("Reload"), page);
    auto *save = new QPushButton(tr("Save"), page);
    row->addWidget(m_settingsStatus, 1);
    row->addWidget(load);
    row->addWidget(save);
    form->addRow(row);
    m_tabs->addTab(page, tr("Certificate settings"));
    connect(load, &QPushButton::clicked, this, &AdminView::loadSettings);
    connect(save, &QPushButton::clicked, this, &AdminView::saveSettings);
}

void AdminView::loadSettings()
{
    m_services.api->get(QStringLiteral("/settings/certificate"), {}, this, [this](const Api::Response &r) {
        if (!r.ok()) {
            m_settingsStatus->setText(r.error.userMessage());
            return;
        }
        const QJsonObject o = r.object();
        m_orgName->setText(o.value(QStringLiteral("organisationName")).toString());
        m_address->setText(o.value(QStringLiteral("addressLine")).toString());
        m_contacts->setText(o.value(QStringLiteral("contacts")).toString());
        m_legalBasis->setPlainText(o.value(QStringLiteral("legalBasis")).toString());
        m_signatories->clearContents();
        const QJsonArray s = o.value(QStringLiteral("signatories")).toArray();
        for (int i = 0; i < qMin<qsizetype>(s.size(), m_signatories->rowCount()); ++i) {
            m_signatories->setItem(
                i, 0, new QTableWidgetItem(s.at(i).toObject().value(QStringLiteral("title")).toString()));
            m_signatories->setItem(
                i, 1, new QTableWidgetItem(s.at(i).toObject().value(QStringLiteral("name")).toString()));
        }
        m_settingsStatus->setText(tr("Loaded."));
    });
}

void AdminView::saveSettings()
{
    QJsonArray signatories;
    for (int i = 0; i < m_signatories->rowCount(); ++i) {
        const QString title =
            m_signatories->item(i, 0) ? m_signatories->item(i, 0)->text().trimmed() : QString();
        const QString name =
            m_signatories->item(i, 1) ? m_signatories->item(i, 1)->text().trimmed() : QString();
        if (!title.isEmpty() || !name.isEmpty())
            signatories.append(QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("name"), name}});
    }
    const QJsonObject body{{QStringLiteral("organisationName"), m_orgName->text().trimmed()},
                           {QStringLiteral("addressLine"), m_address->text().trimmed()},
                           {QStringLiteral("contacts"), m_contacts->text().trimmed()},
                           {QStringLiteral("legalBasis"), m_legalBasis->toPlainText().trimmed()},
                           {QStringLiteral("signatories"), signatories}};
    m_services.api->put(QStringLiteral("/settings/certificate"), body, this, [this](const Api::Response &r) {
        m_settingsStatus->setText(r.ok() ? tr("Saved.") : r.error.userMessage());
        if (r.ok())
            m_audit->reload();
    });
}

void AdminView::buildAuditTab()
{
    auto *table = makeTable(m_audit, tr("Audit log"), m_tabs);
    table->setColumnWidth(Models::AuditModel::Details, 320);
    m_tabs->addTab(table, tr("Audit log"));
}

void AdminView::buildDeletionTab()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    auto *text = new QLabel(
        tr("Deletes every session, event, telemetry record and certificate of one candidate "
           "(personal data deletion request). This cannot be undone; it is recorded in the audit log."),
        page);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    m_deleteId = new QLineEdit(page);
    m_deleteId->setPlaceholderText(tr("Candidate id (from a session's details)"));
    m_deleteId->setAccessibleName(tr("Candidate id to delete"));
    auto *remove = new QPushButton(tr("Delete candidate data…"), page);
    row->addWidget(m_deleteId, 1);
    row->addWidget(remove);
    layout->addLayout(row);
    m_deleteStatus = new QLabel(page);
    m_deleteStatus->setWordWrap(true);
    layout->addWidget(m_deleteStatus);
    layout->addStretch();
    m_tabs->addTab(page, tr("Data deletion"));
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString id = m_deleteId->text().trimmed();
        if (id.isEmpty())
            return;
        bool ok = false;
        const QString typed = QInputDialog::getText(
            this, tr("Confirm deletion"),
            tr("This permanently deletes all data of candidate %1.\nType the id again to confirm:").arg(id),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        if (typed.trimmed() != id) {
            m_deleteStatus->setText(tr("The id did not match; nothing was deleted."));
            return;
        }
        deleteCandidate(id, [this](const QJsonObject &deleted, const QString &error) {
            if (!error.isEmpty()) {
                m_deleteStatus->setText(error);
                return;
            }
            m_deleteStatus->setText(
                tr("Deleted: %1 sessions, %2 events, %3 telemetry records, %4 certificates.")
                    .arg(deleted.value(QStringLiteral("sessions")).toInt())
                    .arg(deleted.value(QStringLiteral("events")).toInt())
                    .arg(deleted.value(QStringLiteral("telemetry")).toInt())
                    .arg(deleted.value(QStringLiteral("certificates")).toInt()));
            m_deleteId->clear();
        });
    });
}

void AdminView::deleteCandidate(const QString &candidateId, std::function<void(QJsonObject, QString)> done)
{
    m_services.api->remove(QStringLiteral("/candidates/") + candidateId, this,
                           [this, done](const Api::Response &r) {
                               if (!r.ok()) {
                                   done({}, r.error.userMessage());
                                   return;
                               }
                               m_audit->reload();
                               done(r.object().value(QStringLiteral("deleted")).toObject(), {});
                           });
}

} // namespace Proctor::Admin::Views
