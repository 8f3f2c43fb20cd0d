// SPDX-License-Identifier: MIT
#include "export/pdfreport.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

#include "models/sessionmodels.h"
#include "app/eventtypes.h"

namespace Proctor::Admin::Export {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("Proctor::Admin::Export", s);
}

// A tiny flowing layout: lines of text top to bottom, a new page when full.
class Flow
{
public:
    Flow(QPdfWriter &writer, QPainter &p)
        : m_writer(writer), m_p(p), m_width(p.viewport().width()), m_height(p.viewport().height())
    {
    }
    void heading(const QString &text)
    {
        QFont f = m_p.font();
        f.setPointSize(14);
        f.setBold(true);
        line(text, f, 1.6);
    }
    void text(const QString &text, bool bold = false, QColor color = Qt::black)
    {
        QFont f = m_p.font();
        f.setPointSize(10);
        f.setBold(bold);
        line(text, f, 1.35, color);
    }
    void space(double lines = 0.6) { m_y += static_cast<int>(lineHeight(10) * lines); }
    void image(const QImage &img)
    {
        if (img.isNull())
            return;
        const double w = m_width;
        const double h = w * img.height() / img.width();
        ensure(static_cast<int>(h));
        m_p.drawImage(QRectF(0, m_y, w, h), img);
        m_y += static_cast<int>(h) + lineHeight(10) / 2;
    }

private:
    int lineHeight(int pt) const { return m_writer.resolution() * pt / 72; }
    void ensure(int h)
    {
        if (m_y + h > m_height) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    void line(const QString &text, const QFont &font, double spacing, QColor color = Qt::black)
    {
        m_p.setFont(font);
        m_p.setPen(color);
        const QRect bound = m_p.boundingRect(QRect(0, 0, m_width, 100000), Qt::TextWordWrap, text);
        const int h = qMax(bound.height(), static_cast<int>(lineHeight(font.pointSize()) * spacing));
        ensure(h);
        m_p.drawText(QRect(0, m_y, m_width, h), Qt::TextWordWrap, text);
        m_y += h;
    }

    QPdfWriter &m_writer;
    QPainter &m_p;
    int m_width;
    int m_height;
    int m_y = 0;
};
} // namespace

bool writeSessionPdf(const SessionReport &report, const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(150);
    writer.setTitle(tr("Session report"));
    writer.setCreator(QStringLiteral("proctor-admin"));
    QPainter p;
    if (!p.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    const QLocale locale;
    const Api::SessionDetail &d = report.detail;
    Flow flow(writer, p);
    flow.heading(tr("Session report: %1").arg(d.candidate.fullName()));
    flow.text(tr("Position: %1").arg(d.candidate.position));
    if (!d.candidate.email.isEmpty())
        flow.text(tr("Email: %1").arg(d.candidate.email));
    flow.text(tr("Test: %1").arg(d.testTitle.isEmpty() ? d.testId : d.testTitle));
    flow.text(tr("Session: %1").arg(d.sessionId));
    flow.text(tr("Started: %1, finished: %2, duration %3")
                  .arg(locale.toString(d.startedAt.toLocalTime(), QLocale::ShortFormat),
                       locale.toString(d.finishedAt.toLocalTime(), QLocale::ShortFormat),
                       Models::RiskFactorsModel::formatDuration(d.durationSeconds * 1000.0)));
    flow.text(tr("IP address: %1; device: …%2").arg(d.clientIp, d.fingerprintHash.right(12)));
    flow.space();
    flow.heading(tr("Result"));
    flow.text(tr("Score %1 % (%2 of %3 correct), %4; grade: %5")
                  .arg(d.score, 0, 'f', 0)
                  .arg(d.correct)
                  .arg(d.total)
                  .arg(d.passed ? tr("passed") : tr("not passed"), Api::gradeText(d.gradeKey)),
              true, d.passed ? QColor(0x05, 0x96, 0x69) : QColor(0xdc, 0x26, 0x26));
    if (!d.certificateNumber.isEmpty())
        flow.text(tr("Certificate %1 issued %2")
                      .arg(d.certificateNumber,
                           locale.toString(d.certificateIssuedAt.toLocalTime(), QLocale::ShortFormat)));
    flow.space();
    flow.heading(tr("Risk: %1 (%2 of 100)")
                     .arg(Api::riskLevelText(report.risk.level))
                     .arg(report.risk.score, 0, 'f', 0));
    if (report.risk.factors.isEmpty())
        flow.text(tr("No risk factors."));
    for (const Api::RiskFactor &f : report.risk.factors)
        flow.text(tr("+%1  %2 (observed %3, threshold %4; %5 events)")
                      .arg(f.points, 0, 'f', 0)
                      .arg(Api::riskReasonText(f.reason))
                      .arg(Models::RiskFactorsModel::formatValue(f.reason, f.observed))
                      .arg(Models::RiskFactorsModel::formatValue(f.reason, f.threshold))
                      .arg(f.eventIds.size()));
    flow.space();
    flow.heading(tr("Violations"));
    if (d.violations.isEmpty())
        flow.text(tr("None recorded."));
    for (auto it = d.violations.begin(); it != d.violations.end(); ++it)
        flow.text(QStringLiteral("%1: %2").arg(EventTypes::label(it.key())).arg(it.value()));
    flow.space();
    flow.heading(tr("Timeline summary"));
    int afterFinish = 0;
    QMap<QString, int> byType;
    for (const Api::EventItem &e : report.events) {
        ++byType[e.type];
        if (e.afterFinish)
            ++afterFinish;
    }
    flow.text(tr("%1 events; %2 after the test was finished.").arg(report.events.size()).arg(afterFinish),
              afterFinish > 0, afterFinish > 0 ? QColor(0xdc, 0x26, 0x26) : QColor(Qt::black));
    QStringList parts;
    for (auto it = byType.begin(); it != byType.end(); ++it)
        parts.append(QStringLiteral("%1 × %2").arg(EventTypes::label(it.key())).arg(it.value()));
    flow.text(parts.join(QStringLiteral(", ")));
    int shown = 0;
    for (const Api::EventItem &e : report.events) {
        if (!EventTypes::isViolation(e.type) && !e.afterFinish)
            continue;
        if (++shown > 40)
            break;
        flow.text(QStringLiteral("%1  %2%3")
                      .arg(locale.toString(e.clientTs.toLocalTime().time(), QStringLiteral("HH:mm:ss")),
                           EventTypes::label(e.type), e.afterFinish ? tr("  (after finish)") : QString()));
    }
    if (!report.trajectory.isNull()) {
        flow.space();
        flow.heading(tr("Mouse trajectory"));
        if (!report.trajectoryCaption.isEmpty())
            flow.text(report.trajectoryCaption);
        flow.image(report.trajectory);
    }
    p.end();
    if (!QFile::exists(path)) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace Proctor::Admin::Export
