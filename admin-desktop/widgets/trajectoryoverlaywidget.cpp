// SPDX-License-Identifier: MIT
#include "widgets/trajectoryoverlaywidget.h"

#include <cmath>

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Proctor::Admin::Widgets {

namespace {
constexpr int kLegendHeight = 44;
constexpr int kMaxPathLines = 240; // thinned so the lines stay readable
} // namespace

OverlayGeometry::OverlayGeometry(const QList<Models::OverlayTrajectory> &trajectories, const QRectF &target,
                                 double margin)
    : m_target(target)
{
    bool first = true;
    for (const Models::OverlayTrajectory &t : trajectories) {
        for (const QPointF &p : t.points) {
            if (first) {
                m_bounds = QRectF(p, QSizeF(0, 0));
                first = false;
            } else {
                m_bounds.setLeft(qMin(m_bounds.left(), p.x()));
                m_bounds.setRight(qMax(m_bounds.right(), p.x()));
                m_bounds.setTop(qMin(m_bounds.top(), p.y()));
                m_bounds.setBottom(qMax(m_bounds.bottom(), p.y()));
            }
        }
    }
    const QRectF inner = target.adjusted(margin, margin, -margin, -margin);
    const double w = qMax(m_bounds.width(), 1e-9);
    const double h = qMax(m_bounds.height(), 1e-9);
    m_scale = qMin(inner.width() / w, inner.height() / h);
    if (first || !std::isfinite(m_scale) || m_scale <= 0)
        m_scale = 1;
    // Centre the scaled bounds in the inner rectangle.
    const QPointF scaledCenter(m_bounds.center().x() * m_scale, m_bounds.center().y() * m_scale);
    m_offset = inner.center() - scaledCenter;
}

TrajectoryOverlayWidget::TrajectoryOverlayWidget(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Mouse trajectory overlay"));
    setMinimumHeight(200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TrajectoryOverlayWidget::setData(const Models::OverlayData &data)
{
    m_data = data;
    QStringList desc;
    for (const Models::OverlayAlignment &a : m_data.alignments)
        desc.append(tr("%1 vs %2: similarity %3")
                        .arg(m_data.trajectories.at(a.a).label, m_data.trajectories.at(a.b).label)
                        .arg(a.similarity, 0, 'f', 1));
    setAccessibleDescription(desc.join(QStringLiteral("; ")));
    update();
}

void TrajectoryOverlayWidget::setShowWarpingPaths(bool show)
{
    m_showPaths = show;
    update();
}

QRectF TrajectoryOverlayWidget::plotRect() const
{
    return QRectF(0, kLegendHeight, width(), height() - kLegendHeight);
}

OverlayGeometry TrajectoryOverlayWidget::geometryFor(const QRectF &rect) const
{
    return OverlayGeometry(m_data.trajectories, rect);
}

QList<QLineF> TrajectoryOverlayWidget::pathLines(int alignment) const
{
    return pathLinesFor(alignment, geometryFor(plotRect()));
}

QList<QLineF> TrajectoryOverlayWidget::pathLinesFor(int alignment, const OverlayGeometry &g) const
{
    QList<QLineF> out;
    if (alignment < 0 || alignment >= m_data.alignments.size())
        return out;
    const Models::OverlayAlignment &a = m_data.alignments.at(alignment);
    const auto &pa = m_data.trajectories.at(a.a).points;
    const auto &pb = m_data.trajectories.at(a.b).points;
    const std::size_t n = a.path.size();
    if (n == 0)
        return out;
    // Thinning keeps the first and the last step, so the lines always join the start points and the end
    // points.
    const std::size_t stride = qMax<std::size_t>(1, (n + kMaxPathLines - 1) / kMaxPathLines);
    for (std::size_t k = 0; k < n; k += stride) {
        const Dtw::PathStep &s = a.path[k];
        if (s.i < pa.size() && s.j < pb.size())
            out.append(QLineF(g.map(pa[s.i]), g.map(pb[s.j])));
    }
    if ((n - 1) % stride != 0) {
        const Dtw::PathStep &s = a.path.back();
        if (s.i < pa.size() && s.j < pb.size())
            out.append(QLineF(g.map(pa[s.i]), g.map(pb[s.j])));
    }
    return out;
}

QImage TrajectoryOverlayWidget::render(const QSize &size, qreal devicePixelRatio) const
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

void TrajectoryOverlayWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    paint(p, QRectF(rect()));
}

void TrajectoryOverlayWidget::paint(QPainter &p, const QRectF &rect) const
{
    const QPalette pal = palette();
    const QRectF plot(rect.left(), rect.top() + kLegendHeight, rect.width(), rect.height() - kLegendHeight);
    if (m_data.trajectories.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect, Qt::AlignCenter, tr("No mouse trajectory for this question"));
        return;
    }
    const OverlayGeometry g(m_data.trajectories, plot);

    // Warping path first, under the trajectories.
    if (m_showPaths) {
        for (int k = 0; k < m_data.alignments.size(); ++k) {
            QColor c = m_data.trajectories.at(m_data.alignments.at(k).b).color;
            c.setAlpha(70);
            QPen pen(c, 1);
            pen.setCosmetic(true);
            p.setPen(pen);
            for (const QLineF &line : pathLinesFor(k, g))
                p.drawLine(line);
        }
    }
    for (const Models::OverlayTrajectory &t : m_data.trajectories) {
        if (t.points.empty())
            continue;
        QPainterPath path(g.map(t.points.front()));
        for (std::size_t i = 1; i < t.points.size(); ++i)
            path.lineTo(g.map(t.points[i]));
        QPen pen(t.color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setBrush(t.color);
        p.setPen(QPen(Qt::white, 1));
        p.drawEllipse(g.map(t.points.front()), 5, 5);                             // start
        p.drawRect(QRectF(g.map(t.points.back()) - QPointF(4, 4), QSizeF(8, 8))); // end
    }

    // Legend: colour, name, similarity to the reference.
    QFont f = p.font();
    p.setFont(f);
    double x = rect.left() + 8;
    double y = rect.top() + 6;
    for (int i = 0; i < m_data.trajectories.size(); ++i) {
        const Models::OverlayTrajectory &t = m_data.trajectories.at(i);
        QString text = t.label;
        if (i == 0)
            text += tr(" (reference)");
        for (const Models::OverlayAlignment &a : m_data.alignments)
            if (a.b == i)
                text += tr(": similarity %1%2")
                            .arg(QLocale().toString(a.similarity, 'f', 1),
                                 a.approximate ? tr(" (approx.)") : QString());
        const double textWidth = p.fontMetrics().horizontalAdvance(text) + 28;
        if (x + textWidth > rect.right() && x > rect.left() + 8) {
            x = rect.left() + 8;
            y += 18;
        }
        p.setPen(Qt::NoPen);
        p.setBrush(t.color);
        p.drawRoundedRect(QRectF(x, y + 3, 14, 10), 2, 2);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x + 18, y + 12), text);
        x += textWidth;
    }
}

} // namespace Proctor::Admin::Widgets
