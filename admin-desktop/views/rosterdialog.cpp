// SPDX-License-Identifier: MIT
#include "views/rosterdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "api/apiclient.h"
#include "export/rostercodesexport.h"
#include "models/rostermodel.h"
#include "views/tableview.h"

namespace Proctor::Admin::Views {

using Models::RosterModel;

RosterDialog::RosterDialog(Api::ApiClient *api, const QJsonObject &test, QWidget *parent)
    : QDialog(parent), m_api(api), m_testId(test.value(QStringLiteral("id")).toString()),
      m_testTitle(test.value(QStringLiteral("title")).toString()), m_model(new RosterModel(api, this)),
      m_summary(new QLabel(this)), m_status(new QLabel(this)), m_codesLabel(new QLabel(this)),
      m_expires(new QCheckBox(tr("Codes valid until"), this)), m_expiryDate(new QDateEdit(this)),
      m_regenerate(new QPushButton(tr("New code…"), this)), m_delete(new QPushButton(tr("Delete…"), this)),
      m_copy(new QPushButton(tr("Copy code"), this)),
      m_exportCsv(new QPushButton(tr("Save codes as CSV…"), this)),
      m_exportPdf(new QPushButton(tr("Print sheet (PDF)…"), this))
{
    setWindowTitle(tr("Roster: %1").arg(m_testTitle));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b> <span style=\"color: gray;\">(%2)</span>")
                                   .arg(m_testTitle.toHtmlEscaped(), m_testId.toHtmlEscaped()),
                               this);
    layout->addWidget(heading);
    // The one thing an administrator must know before importing: a code is visible once.
    auto *warning = new QLabel(
        tr("<b>Access codes are shown only once</b>, right after they are issued (import or new code). The "
           "server keeps only a fingerprint of each code and cannot show it again. Save the new codes as CSV "
           "or "
           "print the sheet before you close this window; a lost code can only be replaced by a new one."),
        this);
    warning->setWordWrap(true);
    warning->setObjectName(QStringLiteral("onceWarning"));
    warning->setStyleSheet(QStringLiteral("QLabel#onceWarning { background: #fff4ce; color: #3b2f00; border: "
                                          "1px solid #e0c060; padding: 8px; }"));
    layout->addWidget(warning);

    auto *importRow = new QHBoxLayout;
    auto *import = new QPushButton(tr("Import CSV…"), this);
    import->setToolTip(
        tr("Columns: last name, first name, middle name, position, email, employee no. (the last "
           "four optional), separated by ; or ,. People already listed (same employee no. or "
           "email) are updated and keep their codes."));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setDate(QDate::currentDate().addMonths(1));
    m_expiryDate->setMinimumDate(QDate::currentDate());
    m_expiryDate->setEnabled(false);
    connect(m_expires, &QCheckBox::toggled, m_expiryDate, &QWidget::setEnabled);
    auto *reloadButton = new QPushButton(tr("Reload"), this);
    importRow->addWidget(import);
    importRow->addSpacing(16);
    importRow->addWidget(m_expires);
    importRow->addWidget(m_expiryDate);
    importRow->addStretch();
    importRow->addWidget(reloadButton);
    layout->addLayout(importRow);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_table = makeTableView(m_model, tr("Roster"), this);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(m_regenerate);
    entryRow->addWidget(m_copy);
    entryRow->addWidget(m_delete);
    entryRow->addStretch();
    layout->addLayout(entryRow);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *codesRow = new QHBoxLayout;
    codesRow->addWidget(m_codesLabel, 1);
    codesRow->addWidget(m_exportCsv);
    codesRow->addWidget(m_exportPdf);
    layout->addLayout(codesRow);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, &RosterDialog::browseImport);
    connect(reloadButton, &QPushButton::clicked, this, &RosterDialog::reload);
    connect(m_regenerate, &QPushButton::clicked, this, &RosterDialog::askRegenerate);
    connect(m_delete, &QPushButton::clicked, this, &RosterDialog::askDelete);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QString code = m_table->currentIndex().data(RosterModel::KnownCodeRole).toString();
        if (!code.isEmpty()) {
            QApplication::clipboard()->setText(code);
            m_status->setText(tr("Code %1 copied to the clipboard.").arg(code));
        }
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { browseExport(false); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { browseExport(true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RosterDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RosterDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RosterDialog::updateButtons);
    connect(m_model, &Models::PagedJsonModel::loaded, this, [this] {
        const int row = m_model->rowOfId(m_selectAfterLoad);
        if (row >= 0)
            m_table->setCurrentIndex(m_model->index(row, RosterModel::Code));
        m_selectAfterLoad.clear();
        m_table->resizeColumnsToContents();
        // Sizing to contents leaves the last column narrow: stretch it again over the rest.
        m_table->horizontalHeader()->setStretchLastSection(false);
        m_table->horizontalHeader()->setStretchLastSection(true);
        updateButtons();
    });
    connect(m_model, &Models::PagedJsonModel::loadFailed, this,
            [this](const Api::ApiError &e) { m_status->setText(e.userMessage()); });
    resize(980, 620);
    m_model->setTest(m_testId);
    updateButtons();
}

QString RosterDialog::statusText() const
{
    return m_status->text();
}

QString RosterDialog::importSummary() const
{
    return m_summary->text();
}

bool RosterDialog::hasUnsavedCodes() const
{
    return m_issued > m_issuedAtExport;
}

void RosterDialog::reload()
{
    m_model->reload();
}

void RosterDialog::setExpiry(const QDate &day)
{
    m_expires->setChecked(day.isValid());
    if (day.isValid())
        m_expiryDate->setDate(day);
}

QUrlQuery RosterDialog::expiryQuery() const
{
    QUrlQuery q;
    if (m_expires->isChecked())
        q.addQueryItem(QStringLiteral("expiresAt"), m_expiryDate->date().toString(Qt::ISODate));
    return q;
}

void RosterDialog::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    m_regenerate->setEnabled(current.isValid());
    m_delete->setEnabled(current.isValid());
    m_copy->setEnabled(!current.data(RosterModel::KnownCodeRole).toString().isEmpty());
    const int known = m_model->knownCodeCount();
    m_exportCsv->setEnabled(known > 0);
    m_exportPdf->setEnabled(known > 0);
    if (known == 0)
        m_codesLabel->setText(tr("No codes were issued in this window yet."));
    else if (hasUnsavedCodes())
        m_codesLabel->setText(
            tr("<b>%n new code(s) issued in this window, not saved yet.</b>", nullptr, known));
    else
        m_codesLabel->setText(tr("%n new code(s) issued in this window, saved.", nullptr, known));
}

void RosterDialog::importCsv(const QByteArray &csv)
{
    m_summary->setText(tr("Importing…"));
    m_api->sendBytes(
        "POST", QStringLiteral("/tests/%1/roster").arg(m_testId), expiryQuery(), csv,
        "text/csv; charset=utf-8", this, [this](const Api::Response &r) {
            if (!r.ok()) {
                // A bad file: the server names the line and column, and stores nothing.
                const QString text =
                    r.error.kind == Api::ApiError::Kind::BadRequest
                        ? tr("Nothing was imported. The file has an error: %1").arg(r.error.message)
                        : r.error.userMessage();
                m_summary->setText(text);
                emit importFailed(text);
                return;
            }
            const QJsonObject o = r.object();
            const QJsonArray codes = o.value(QStringLiteral("codes")).toArray();
            for (const QJsonValue &c : codes) {
                m_model->rememberCode(c.toObject());
                ++m_issued;
            }
            const int created = o.value(QStringLiteral("created")).toInt();
            const int updated = o.value(QStringLiteral("updated")).toInt();
            QString text = tr("Imported: %1 new, %2 updated.").arg(created).arg(updated);
            if (!codes.isEmpty())
                text +=
                    QLatin1Char(' ') + tr("%n new code(s) are shown in the table: save or print them now.",
                                          nullptr, int(codes.size()));
            const int kept = int(o.value(QStringLiteral("unchanged")).toArray().size());
            if (kept > 0)
                text += QLatin1Char(' ') +
                        tr("%n updated person(s) keep the code they already have.", nullptr, kept);
            m_summary->setText(text);
            m_model->reload();
            updateButtons();
            emit imported(created, updated);
        });
}

bool RosterDialog::importFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), f.errorString()));
        return false;
    }
    importCsv(f.readAll());
    return true;
}

void RosterDialog::browseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import roster"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void RosterDialog::regenerateCode(int row)
{
    const QJsonObject entry = m_model->item(row);
    const QString id = entry.value(QStringLiteral("id")).toVariant().toString();
    if (id.isEmpty())
        return;
    const QString name = RosterModel::fullName(entry);
    m_api->sendBytes("POST", QStringLiteral("/tests/%1/roster/%2/code").arg(m_testId, id), expiryQuery(), {},
                     "application/json", this, [this, name](const Api::Response &r) {
                         if (!r.ok()) {
                             m_status->setText(r.error.userMessage());
                             emit failed(r.error.userMessage());
                             return;
                         }
                         const QJsonObject entry = r.object();
                         const QString code = entry.value(QStringLiteral("code")).toString();
                         m_model->rememberCode(entry);
                         ++m_issued;
                         m_status->setText(
                             tr("New code for %1: %2. The old code no longer works. Copy it, or "
                                "save or print the codes, before closing this window.")
                                 .arg(name, code));
                         // Selected again once the list is back, so "Copy code" is at hand.
                         m_selectAfterLoad = entry.value(QStringLiteral("id")).toVariant().toString();
                         m_model->reload();
                         updateButtons();
                         emit codeIssued(code);
                     });
}

void RosterDialog::askRegenerate()
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid())
        return;
    const QString name = RosterModel::fullName(m_model->item(i.row()));
    if (QMessageBox::question(
            this, tr("New access code"),
            tr("Issue a new code for %1? The current code stops working at once.").arg(name)) ==
        QMessageBox::Yes)
        regenerateCode(i.row());
}

void RosterDialog::deleteEntry(int row)
{
    const QString id = m_model->item(row).value(QStringLiteral("id")).toVariant().toString();
    if (id.isEmpty())
        return;
    const QString name = RosterModel::fullName(m_model->item(row));
    m_api->remove(QStringLiteral("/tests/%1/roster/%2").arg(m_testId, id), this,
                  [this, id, name](const Api::Response &r) {
                      if (!r.ok()) {
                          m_status->setText(r.error.userMessage());
                          emit failed(r.error.userMessage());
                          return;
                      }
                      m_model->forgetEntry(id);
                      m_status->setText(
                          tr("%1 was removed from the roster; their code no longer works.").arg(name));
                      m_model->reload();
                      emit entryDeleted();
                  });
}

void RosterDialog::askDelete()
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid())
        return;
    const QString name = RosterModel::fullName(m_model->item(i.row()));
    if (QMessageBox::question(this, tr("Remove from roster"),
                              tr("Remove %1 from the roster? Their code stops working at once.").arg(name)) ==
        QMessageBox::Yes)
        deleteEntry(i.row());
}

bool RosterDialog::exportCsv(const QString &path)
{
    Export::RosterSheet sheet{m_testId, m_testTitle,
                              Export::RosterCodesExport::startUrlFor(m_api->serverUrl(), m_testId),
                              m_model->entriesWithKnownCodes()};
    QString error;
    if (!Export::RosterCodesExport::writeCsv(sheet, path, &error)) {
        m_status->setText(tr("Could not save %1: %2").arg(path, error));
        return false;
    }
    m_issuedAtExport = m_issued;
    m_status->setText(tr("%n code(s) saved to %1.", nullptr, int(sheet.entries.size())).arg(path));
    updateButtons();
    return true;
}

bool RosterDialog::exportPdf(const QString &path)
{
    Export::RosterSheet sheet{m_testId, m_testTitle,
                              Export::RosterCodesExport::startUrlFor(m_api->serverUrl(), m_testId),
                              m_model->entriesWithKnownCodes()};
    QString error;
    if (!Export::RosterCodesExport::writePdf(sheet, path, &error)) {
        m_status->setText(error);
        return false;
    }
    m_issuedAtExport = m_issued;
    m_status->setText(tr("Sheet with %n code(s) saved to %1.", nullptr, int(sheet.entries.size())).arg(path));
    updateButtons();
    return true;
}

void RosterDialog::browseExport(bool pdf)
{
    const QString base = m_testId + (pdf ? QStringLiteral("-codes.pdf") : QStringLiteral("-codes.csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, pdf ? tr("Print sheet (PDF)") : tr("Save codes as CSV"), base,
                                     pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (pdf)
        exportPdf(path);
    else
        exportCsv(path);
}

void RosterDialog::done(int result)
{
    if (hasUnsavedCodes() && isVisible() &&
        QMessageBox::warning(this, tr("Unsaved access codes"),
                             tr("%n code(s) issued in this window were not saved or printed. They cannot be "
                                "shown again. Close anyway?",
                                nullptr, m_issued - m_issuedAtExport),
                             QMessageBox::Close | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Close)
        return;
    QDialog::done(result);
}

} // namespace Proctor::Admin::Views
