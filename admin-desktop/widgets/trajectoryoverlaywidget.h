// SPDX-License-Identifier: MIT
// Mouse trajectories of one question drawn over each other, with the DTW warping path as thin lines
// between matched points of the reference (first) trajectory and each other one.
#pragma once

#include <QImage>
#include <QWidget>

#include "models/compareanalysis.h"

namespace Proctor::Admin::Widgets {

// Maps prepared (normalised) coordinates into a widget rectangle: one uniform scale for both axes so
// shapes are not distorted, centred, with a margin. Pure, so tests can check it.
class OverlayGeometry
{
public:
    OverlayGeometry() = default;
    OverlayGeometry(const QList<Models::OverlayTrajectory> &trajectories, const QRectF &target,
                    double margin = 16);

    QPointF map(const QPointF &p) const
    {
        return {m_offset.x() + p.x() * m_scale, m_offset.y() + p.y() * m_scale};
    }
    double scale() const { return m_scale; }
    QRectF dataBounds() const { return m_bounds; }
    QRectF target() const { return m_target; }

private:
    QRectF m_bounds;
    QRectF m_target;
    double m_scale = 1;
    QPointF m_offset;
};

class TrajectoryOverlayWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit TrajectoryOverlayWidget(QWidget *parent = nullptr);

    void setData(const Models::OverlayData &data);
    const Models::OverlayData &data() const { return m_data; }
    void setShowWarpingPaths(bool show);
    bool showWarpingPaths() const { return m_showPaths; }
    OverlayGeometry geometryFor(const QRectF &rect) const;
    QRectF plotRect() const; // where the trajectories are drawn inside the widget
    // The warping-path segments that are drawn (after thinning), in widget coordinates.
    QList<QLineF> pathLines(int alignment) const;
    // Paints into an image of the given logical size (PDF report).
    QImage render(const QSize &size, qreal devicePixelRatio = 2.0) const;

    QSize sizeHint() const override { return {640, 400}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paint(QPainter &p, const QRectF &rect) const;
    QList<QLineF> pathLinesFor(int alignment, const OverlayGeometry &g) const;

    Models::OverlayData m_data;
    bool m_showPaths = true;
};

} // namespace Proctor::Admin::Widgets
