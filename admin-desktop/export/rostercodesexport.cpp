// SPDX-License-Identifier: MIT
#include "export/rostercodesexport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrlQuery>

namespace Proctor::Admin::Export {

namespace {

constexpr int kBlocksPerPage = 4;

QString field(const QJsonObject &e, const char *key)
{
    return e.value(QLatin1String(key)).toString();
}

QString expiryText(const QJsonObject &e)
{
    const QDateTime t = QDateTime::fromString(field(e, "codeExpiresAt"), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toUTC().date(), QLocale::ShortFormat) : QString();
}

QString csvCell(const QString &value)
{
    QString v = RosterCodesExport::neutralise(value);
    if (v.contains(QLatin1Char(';')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r')) || v.contains(QLatin1Char('\t'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QString personName(const QJsonObject &e)
{
    QStringList parts;
    for (const char *key : {"lastName", "firstName", "middleName"})
        if (!field(e, key).trimmed().isEmpty())
            parts.append(field(e, key).trimmed());
    return parts.join(QLatin1Char(' '));
}

} // namespace

QUrl RosterCodesExport::startUrlFor(const QUrl &collector, const QString &testId)
{
    QUrl u = collector;
    u.setPath(QStringLiteral("/"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("test"), testId);
    u.setQuery(q);
    u.setFragment({});
    return u;
}

QString RosterCodesExport::neutralise(const QString &cell)
{
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (!cell.isEmpty() && risky.contains(cell.front()))
        return QLatin1Char('\'') + cell;
    return cell;
}

QByteArray RosterCodesExport::toCsv(const RosterSheet &sheet)
{
    const QStringList header{tr("Last name"), tr("First name"),   tr("Middle name"), tr("Position"),
                             tr("Email"),     tr("Employee no."), tr("Access code"), tr("Valid until"),
                             tr("Test"),      tr("Start address")};
    QStringList lines;
    QStringList cells;
    for (const QString &h : header)
        cells.append(csvCell(h));
    lines.append(cells.join(QLatin1Char(';')));
    for (const QJsonObject &e : sheet.entries) {
        cells.clear();
        for (const QString &v : {field(e, "lastName"), field(e, "firstName"), field(e, "middleName"),
                                 field(e, "position"), field(e, "email"), field(e, "externalId"),
                                 field(e, "code"), expiryText(e), sheet.testTitle, sheet.startUrl.toString()})
            cells.append(csvCell(v));
        lines.append(cells.join(QLatin1Char(';')));
    }
    return "\xEF\xBB\xBF" + (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

bool RosterCodesExport::writeCsv(const RosterSheet &sheet, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toCsv(sheet)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

QString RosterCodesExport::toHtml(const RosterSheet &sheet)
{
    const QString url = sheet.startUrl.toString().toHtmlEscaped();
    QString html = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    for (int i = 0; i < sheet.entries.size(); ++i) {
        const QJsonObject &e = sheet.entries.at(i);
        const bool pageEnd = (i + 1) % kBlocksPerPage == 0 && i + 1 < sheet.entries.size();
        QString block =
            QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"10\" "
                           "style=\"border-style: dashed; border-color: #888;%1\"><tr><td>")
                .arg(pageEnd ? QStringLiteral(" page-break-after: always;") : QString());
        block +=
            QStringLiteral("<p style=\"font-size: 15pt;\"><b>%1</b></p>").arg(personName(e).toHtmlEscaped());
        if (!field(e, "position").isEmpty())
            block += QStringLiteral("<p>%1</p>").arg(field(e, "position").toHtmlEscaped());
        block += QStringLiteral("<p>%1 <b>%2</b></p>").arg(tr("Test:"), sheet.testTitle.toHtmlEscaped());
        block +=
            QStringLiteral("<p>%1 <span style=\"font-family: monospace; font-size: 18pt;\"><b>%2</b></span>")
                .arg(tr("Personal access code:"), field(e, "code").toHtmlEscaped());
        if (!expiryText(e).isEmpty())
            block += QStringLiteral(" &nbsp; ") + tr("valid until %1").arg(expiryText(e)).toHtmlEscaped();
        block += QStringLiteral("</p><p>%1 <span style=\"font-family: monospace;\">%2</span></p>")
                     .arg(tr("Start at:"), url);
        block += QStringLiteral("<p style=\"font-size: 8pt; color: #555;\">%1</p>")
                     .arg(tr("Open the address, choose the test and enter the code. The code is personal: "
                             "do not pass it on. Letter case, spaces and dashes do not matter.")
                              .toHtmlEscaped());
        block += QStringLiteral("</td></tr></table><p></p>");
        html += block;
    }
    html += QStringLiteral("</body></html>");
    return html;
}

bool RosterCodesExport::writePdf(const RosterSheet &sheet, const QString &path, QString *error)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print adds a 2 cm margin of its own around an unpaginated document.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Access codes: %1").arg(sheet.testTitle));
        writer.setCreator(QStringLiteral("Proctor"));
        QTextDocument doc;
        doc.setDefaultFont(QFont(QStringLiteral("sans-serif"), 11));
        doc.setHtml(toHtml(sheet));
        doc.print(&writer);
    } // the writer finishes the file when it goes
    const bool ok = QFileInfo(path).size() > 0;
    if (!ok && error)
        *error = tr("The PDF could not be written to %1.").arg(path);
    return ok;
}

} // namespace Proctor::Admin::Export
