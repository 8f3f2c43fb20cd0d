// SPDX-License-Identifier: MIT
#include "widgets/timelinewidget.h"

#include <cmath>

#include <QAbstractItemModel>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include "app/eventtypes.h"
#include "models/sessionmodels.h"

namespace Proctor::Admin::Widgets {

using Models::TimelineModel;

double TimelineLayout::fitPixelsPerSecond(qint64 spanMs, int width, int leftMargin, int rightMargin)
{
    const double usable = qMax(50, width - leftMargin - rightMargin);
    return spanMs <= 0 ? 10.0 : usable / (spanMs / 1000.0);
}

qint64 TimelineLayout::offsetForX(double x) const
{
    return static_cast<qint64>(std::llround((x - leftMargin) / pixelsPerSecond * 1000.0));
}

int TimelineLayout::contentWidth() const
{
    return static_cast<int>(std::ceil(xForOffset(spanMs))) + rightMargin;
}

double TimelineLayout::tickStepSeconds(int minPixels) const
{
    const double minSeconds = minPixels / pixelsPerSecond;
    double base = std::pow(10.0, std::floor(std::log10(qMax(minSeconds, 1e-3))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (base * m >= minSeconds)
            return base * m;
    }
    return base * 10;
}

TimelineWidget::TimelineWidget(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    setAccessibleName(tr("Event timeline"));
    setAccessibleDescription(tr("Arrow keys move between events, plus and minus zoom, 0 fits the session."));
    updateLaneLabelMargin();
}

// Lane labels are translated ("Буфер обмена" is wider than "Clipboard"): the margin fits the widest.
// Measured here, on a font or language change, not in layout(), which hit-testing calls for every row.
void TimelineWidget::updateLaneLabelMargin()
{
    int widest = 0;
    for (int lane = 0; lane < EventTypes::laneCount(); ++lane)
        widest = qMax(widest, fontMetrics().horizontalAdvance(
                                  EventTypes::categoryLabel(static_cast<EventTypes::Category>(lane))));
    m_laneLabelMargin = qMax(TimelineLayout{}.leftMargin,
                             widest + 40); // 6 padding + 14 for the dot + 20 gap (see paintEvent)
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        updateLaneLabelMargin();
        updateScrollBars();
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void TimelineWidget::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_selected = -1;
    if (m_model) {
        auto refresh = [this] {
            updateScrollBars();
            viewport()->update();
        };
        connect(m_model, &QAbstractItemModel::modelReset, this, [this, refresh] {
            m_selected = -1;
            refresh();
        });
        connect(m_model, &QAbstractItemModel::rowsInserted, this, refresh);
        connect(m_model, &QAbstractItemModel::dataChanged, this, refresh);
    }
    updateScrollBars();
    viewport()->update();
}

TimelineLayout TimelineWidget::layout() const
{
    TimelineLayout l;
    l.lanes = EventTypes::laneCount();
    l.leftMargin = m_laneLabelMargin;
    if (auto *tm = qobject_cast<TimelineModel *>(m_model.data()))
        l.spanMs = tm->spanMs();
    l.pixelsPerSecond =
        TimelineLayout::fitPixelsPerSecond(l.spanMs, viewport()->width(), l.leftMargin, l.rightMargin) *
        m_zoom;
    return l;
}

void TimelineWidget::setZoom(double zoom, int anchorX)
{
    zoom = qBound(1.0, zoom, 2000.0);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const TimelineLayout before = layout();
    if (anchorX < 0)
        anchorX = viewport()->width() / 2;
    const qint64 anchorMs = before.offsetForX(anchorX + horizontalScrollBar()->value());
    m_zoom = zoom;
    updateScrollBars();
    const TimelineLayout after = layout();
    horizontalScrollBar()->setValue(static_cast<int>(after.xForOffset(anchorMs) - anchorX));
    viewport()->update();
    emit zoomChanged(m_zoom);
}

void TimelineWidget::updateScrollBars()
{
    const TimelineLayout l = layout();
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(40);
    horizontalScrollBar()->setRange(0, qMax(0, l.contentWidth() - viewport()->width()));
}

QPointF TimelineWidget::iconCenter(int row) const
{
    auto *tm = qobject_cast<TimelineModel *>(m_model.data());
    if (!tm || row < 0 || row >= tm->rowCount())
        return {};
    const TimelineLayout l = layout();
    const QModelIndex idx = tm->index(row, 0);
    const int lane = tm->data(idx, TimelineModel::CategoryRole).toInt();
    return {l.xForOffset(tm->offsetMs(row)) - horizontalScrollBar()->value(), l.laneCenterY(lane)};
}

int TimelineWidget::rowAt(const QPoint &pos) const
{
    auto *tm = qobject_cast<TimelineModel *>(m_model.data());
    if (!tm)
        return -1;
    int best = -1;
    double bestDist = 12.0;
    for (int r = 0; r < tm->rowCount(); ++r) {
        const QPointF c = iconCenter(r);
        const double d = std::hypot(c.x() - pos.x(), c.y() - pos.y());
        if (d < bestDist) {
            bestDist = d;
            best = r;
        }
    }
    return best;
}

void TimelineWidget::selectRow(int row, bool ensureVisible)
{
    if (!m_model || row < -1 || row >= m_model->rowCount())
        return;
    m_selected = row;
    if (row >= 0 && ensureVisible) {
        const QPointF c = iconCenter(row);
        if (c.x() < layout().leftMargin || c.x() > viewport()->width() - 20)
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(c.x()) -
                                            viewport()->width() / 2);
    }
    viewport()->update();
    emit rowSelected(row);
}

QSize TimelineWidget::sizeHint() const
{
    return {800, layout().contentHeight() + horizontalScrollBar()->sizeHint().height() + 4};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {300, layout().contentHeight() + horizontalScrollBar()->sizeHint().height() + 4};
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void TimelineWidget::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier || !horizontalScrollBar()->maximum()) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(m_zoom * std::pow(1.25, steps), static_cast<int>(event->position().x()));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const int row = rowAt(event->position().toPoint());
    if (row >= 0)
        selectRow(row, false);
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const int count = m_model ? m_model->rowCount() : 0;
    switch (event->key()) {
    case Qt::Key_Right:
        if (count)
            selectRow(qMin(count - 1, m_selected + 1));
        return;
    case Qt::Key_Left:
        if (count)
            selectRow(qMax(0, m_selected - 1));
        return;
    case Qt::Key_Home:
        if (count)
            selectRow(0);
        return;
    case Qt::Key_End:
        if (count)
            selectRow(count - 1);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(m_zoom * 1.5);
        return;
    case Qt::Key_Minus:
        setZoom(m_zoom / 1.5);
        return;
    case Qt::Key_0:
        setZoom(1.0);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

bool TimelineWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0 && m_model) {
            const QString type = m_model->index(row, TimelineModel::Type).data().toString();
            const QString details = m_model->index(row, TimelineModel::Details).data().toString();
            const QString time = m_model->index(row, TimelineModel::Time).data().toString();
            const QString flags = m_model->index(row, TimelineModel::Flags).data().toString();
            QToolTip::showText(
                help->globalPos(),
                QStringLiteral("%1 — %2\n%3%4")
                    .arg(time, type, details, flags.isEmpty() ? QString() : QStringLiteral("\n") + flags),
                viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    const TimelineLayout l = layout();
    const int scroll = horizontalScrollBar()->value();
    const int w = viewport()->width();
    auto *tm = qobject_cast<TimelineModel *>(m_model.data());

    // Lanes.
    for (int lane = 0; lane < l.lanes; ++lane) {
        const QRectF band(0, l.topMargin + lane * l.laneHeight, w, l.laneHeight);
        if (lane % 2)
            p.fillRect(band, pal.color(QPalette::AlternateBase));
    }

    if (!tm || tm->rowCount() == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No events"));
    } else {
        p.save();
        p.setClipRect(QRect(l.leftMargin - 10, 0, w - l.leftMargin + 10, viewport()->height()));
        p.translate(-scroll, 0);

        // Time axis with "nice" ticks.
        const double step = l.tickStepSeconds();
        QPen axisPen(pal.color(QPalette::Mid));
        axisPen.setCosmetic(true);
        p.setPen(axisPen);
        p.drawLine(QPointF(l.leftMargin, l.topMargin - 1), QPointF(l.xForOffset(l.spanMs), l.topMargin - 1));
        const double firstVisible = qMax(0.0, (scroll - l.leftMargin) / l.pixelsPerSecond);
        const double lastVisible = (scroll + w) / l.pixelsPerSecond;
        for (double t = std::floor(firstVisible / step) * step;
             t <= qMin(lastVisible, l.spanMs / 1000.0) + 1e-9; t += step) {
            const double x = l.xForOffset(static_cast<qint64>(t * 1000));
            p.setPen(axisPen);
            p.drawLine(QPointF(x, l.topMargin - 5), QPointF(x, l.contentHeight() - 8));
            p.setPen(pal.color(QPalette::Text));
            const int secs = static_cast<int>(std::lround(t));
            const QString label =
                step < 1 ? QStringLiteral("%1 s").arg(t, 0, 'f', 1)
                         : QStringLiteral("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
            p.drawText(QRectF(x - 40, 2, 80, l.topMargin - 8), Qt::AlignHCenter | Qt::AlignBottom, label);
        }

        // After-finish region: from the first test_finished to the end.
        for (int r = 0; r < tm->rowCount(); ++r) {
            if (tm->data(tm->index(r, 0), TimelineModel::TypeRole).toString() ==
                QLatin1String("test_finished")) {
                const double x0 = l.xForOffset(tm->offsetMs(r));
                const double x1 = qMax(x0 + 4, l.xForOffset(l.spanMs) + 12);
                QColor shade(0xdc, 0x26, 0x26, 28);
                p.fillRect(QRectF(x0, l.topMargin, x1 - x0, l.lanes * l.laneHeight), shade);
                QPen finishPen(QColor(0xdc, 0x26, 0x26), 1.5, Qt::DashLine);
                p.setPen(finishPen);
                p.drawLine(QPointF(x0, l.topMargin), QPointF(x0, l.topMargin + l.lanes * l.laneHeight));
                break;
            }
        }

        // Gaps: a bracket on the axis labelled with the gap length.
        QPen gapPen(pal.color(QPalette::Dark), 1, Qt::DotLine);
        for (int r = 1; r < tm->rowCount(); ++r) {
            const qint64 gap = tm->data(tm->index(r, 0), TimelineModel::GapBeforeMsRole).toLongLong();
            if (gap < TimelineModel::kGapMs)
                continue;
            const double x0 = l.xForOffset(tm->offsetMs(r - 1));
            const double x1 = l.xForOffset(tm->offsetMs(r));
            if (x1 - x0 < 24)
                continue;
            const double y = l.topMargin + l.lanes * l.laneHeight + 2;
            p.setPen(gapPen);
            p.drawLine(QPointF(x0 + 8, y), QPointF(x1 - 8, y));
            p.drawLine(QPointF(x0 + 8, y - 4), QPointF(x0 + 8, y + 2));
            p.drawLine(QPointF(x1 - 8, y - 4), QPointF(x1 - 8, y + 2));
            p.setPen(pal.color(QPalette::Text));
            const QString label = tr("gap %1 min").arg(QLocale().toString(gap / 60000.0, 'f', 1));
            p.drawText(QRectF(x0, y - 16, x1 - x0, 14), Qt::AlignCenter, label);
        }

        // Events.
        QFont glyphFont = font();
        glyphFont.setBold(true);
        glyphFont.setPointSizeF(glyphFont.pointSizeF() * 0.8);
        p.setFont(glyphFont);
        const double half = 8;
        for (int r = 0; r < tm->rowCount(); ++r) {
            const QModelIndex idx = tm->index(r, 0);
            const QString type = tm->data(idx, TimelineModel::TypeRole).toString();
            const auto category =
                static_cast<EventTypes::Category>(tm->data(idx, TimelineModel::CategoryRole).toInt());
            const QPointF c(l.xForOffset(tm->offsetMs(r)), l.laneCenterY(EventTypes::lane(category)));
            if (c.x() < scroll - 20 || c.x() > scroll + w + 20)
                continue;
            const QRectF box(c.x() - half, c.y() - half, 2 * half, 2 * half);
            if (tm->data(idx, TimelineModel::HighlightRole).toBool()) {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(0xfa, 0xcc, 0x15, 170));
                p.drawEllipse(c, half + 6, half + 6);
            }
            p.setBrush(EventTypes::color(category));
            const bool after = tm->data(idx, TimelineModel::AfterFinishRole).toBool();
            QPen outline(after ? QColor(0xdc, 0x26, 0x26) : EventTypes::color(category).darker(130),
                         after ? 2.5 : 1);
            if (r == m_selected)
                outline = QPen(pal.color(QPalette::Highlight), 3);
            p.setPen(outline);
            if (EventTypes::isViolation(type))
                p.drawRoundedRect(box, 2, 2); // square-ish: a violation
            else
                p.drawEllipse(box);
            p.setPen(Qt::white);
            p.drawText(box, Qt::AlignCenter, QString(EventTypes::glyph(type)));
            if (after) {
                p.setPen(QColor(0xdc, 0x26, 0x26));
                p.drawText(QRectF(c.x() + half, c.y() - 2 * half, 12, 12), Qt::AlignCenter,
                           QStringLiteral("!"));
            }
        }
        p.restore();
    }

    // Lane labels on top of everything (they do not scroll).
    p.fillRect(QRectF(0, 0, l.leftMargin - 12, viewport()->height()), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::WindowText));
    p.setFont(font());
    for (int lane = 0; lane < l.lanes; ++lane) {
        const auto category = static_cast<EventTypes::Category>(lane);
        const QRectF band(6, l.topMargin + lane * l.laneHeight, l.leftMargin - 20, l.laneHeight);
        p.setBrush(EventTypes::color(category));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(band.left() + 5, band.center().y()), 4, 4);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(band.adjusted(14, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   EventTypes::categoryLabel(category));
    }
    if (hasFocus()) {
        QPen focusPen(pal.color(QPalette::Highlight), 1, Qt::DashLine);
        p.setPen(focusPen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(viewport()->rect().adjusted(0, 0, -1, -1));
    }
}

} // namespace Proctor::Admin::Widgets
