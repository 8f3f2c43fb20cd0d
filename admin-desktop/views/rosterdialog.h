// SPDX-License-Identifier: MIT
// The roster of one test whose access is "roster": import people from CSV (the server's import: created,
// updated, or the line and column at fault), list them, issue a new code, delete an entry, and hand out the
// codes issued in this window as CSV or a printable PDF sheet. The server returns a code only once, in the
// answer that creates it, so the dialog says so and warns before a window with unsaved codes closes.
#pragma once

#include <QDate>
#include <QDialog>
#include <QJsonObject>
#include <QUrlQuery>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace Proctor::Admin::Api {
class ApiClient;
}
namespace Proctor::Admin::Models {
class RosterModel;
}

namespace Proctor::Admin::Views {

class RosterDialog final : public QDialog
{
    Q_OBJECT
public:
    // `test` is an item of GET /tests (admin view): id, title.
    RosterDialog(Api::ApiClient *api, const QJsonObject &test, QWidget *parent = nullptr);

    Models::RosterModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    QString importSummary() const;
    // Codes issued in this window and not yet saved to a file.
    bool hasUnsavedCodes() const;

    // The actions without their file dialogs and confirmations (the buttons call these; tests too).
    void importCsv(const QByteArray &csv);
    bool importFile(const QString &path);
    void regenerateCode(int row);
    void deleteEntry(int row);
    bool exportCsv(const QString &path);
    bool exportPdf(const QString &path);
    // Codes expire at the end of this day (invalid date: no expiry).
    void setExpiry(const QDate &day);

public slots:
    void reload();
    void done(int result) override;

signals:
    void imported(int created, int updated);
    void importFailed(const QString &message);
    void codeIssued(const QString &code);
    void entryDeleted();
    void failed(const QString &message);

private:
    QUrlQuery expiryQuery() const;
    void updateButtons();
    void browseImport();
    void askRegenerate();
    void askDelete();
    void browseExport(bool pdf);

    Api::ApiClient *m_api;
    QString m_testId;
    QString m_testTitle;
    Models::RosterModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_status;
    QLabel *m_codesLabel;
    QCheckBox *m_expires;
    QDateEdit *m_expiryDate;
    QPushButton *m_regenerate;
    QPushButton *m_delete;
    QPushButton *m_copy;
    QPushButton *m_exportCsv;
    QPushButton *m_exportPdf;
    QString m_selectAfterLoad; // entry id
    int m_issued = 0;          // codes received in this window
    int m_issuedAtExport = 0;  // of them, received before the last export
};

} // namespace Proctor::Admin::Views
