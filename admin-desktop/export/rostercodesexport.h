// SPDX-License-Identifier: MIT
// The access codes just issued for a roster test, handed out two ways: a CSV for a mail merge (`;` and a
// UTF-8 BOM, which is what Excel with Russian regional settings opens correctly) and a printable PDF sheet
// with one block per person to cut apart. Codes exist only here and on the server's one answer, so these
// files are the administrator's only copy.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace Proctor::Admin::Export {

struct RosterSheet
{
    QString testId;
    QString testTitle;
    QUrl startUrl;              // where a candidate starts this test (startUrlFor)
    QList<QJsonObject> entries; // roster entries with "code"
};

class RosterCodesExport
{
    Q_DECLARE_TR_FUNCTIONS(RosterCodesExport)
public:
    // The candidate page with this test preselected: <collector>/?test=<id>.
    static QUrl startUrlFor(const QUrl &collector, const QString &testId);
    // A cell a spreadsheet would run as a formula (= + - @, or a tab or CR in front) gets a leading
    // apostrophe, so a name like "=HYPERLINK(…)" in an imported roster cannot become a live formula.
    static QString neutralise(const QString &cell);
    static QByteArray toCsv(const RosterSheet &sheet);
    static bool writeCsv(const RosterSheet &sheet, const QString &path, QString *error = nullptr);
    // The printable sheet as HTML (what the PDF renders; tests read it).
    static QString toHtml(const RosterSheet &sheet);
    static bool writePdf(const RosterSheet &sheet, const QString &path, QString *error = nullptr);
};

} // namespace Proctor::Admin::Export
