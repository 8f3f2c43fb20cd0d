// SPDX-License-Identifier: MIT
// The zoomable event timeline of one session: one lane per event category, an icon per event type,
// long gaps and "after finish" events marked, risk evidence highlighted. It reads a TimelineModel.
#pragma once

#include <QAbstractScrollArea>
#include <QPointer>

class QAbstractItemModel;

namespace Proctor::Admin::Widgets {

// Pure geometry, so tests can check it without painting.
struct TimelineLayout
{
    qint64 spanMs = 0;
    double pixelsPerSecond = 1.0;
    int leftMargin = 120; // lane labels
    int rightMargin = 24;
    int topMargin = 28; // time axis
    int laneHeight = 28;
    int lanes = 8;

    // pixels per second that fits the whole span into `width`
    static double fitPixelsPerSecond(qint64 spanMs, int width, int leftMargin = 120, int rightMargin = 24);
    double xForOffset(qint64 offsetMs) const { return leftMargin + offsetMs / 1000.0 * pixelsPerSecond; }
    qint64 offsetForX(double x) const;
    int contentWidth() const;
    int contentHeight() const { return topMargin + lanes * laneHeight + 8; }
    double laneCenterY(int lane) const { return topMargin + lane * laneHeight + laneHeight / 2.0; }
    // A "nice" tick step (1, 2, 5 × 10^k seconds) so ticks are at least `minPixels` apart.
    double tickStepSeconds(int minPixels = 80) const;
};

class TimelineWidget final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    double zoom() const { return m_zoom; } // 1 = the whole session fits
    void setZoom(double zoom, int anchorX = -1);
    TimelineLayout layout() const;
    int selectedRow() const { return m_selected; }
    void selectRow(int row, bool ensureVisible = true);
    QPointF iconCenter(int row) const; // in viewport coordinates
    int rowAt(const QPoint &viewportPos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rowSelected(int row);
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateScrollBars();
    void updateLaneLabelMargin();

    QPointer<QAbstractItemModel> m_model;
    double m_zoom = 1.0;
    int m_selected = -1;
    int m_laneLabelMargin = TimelineLayout{}.leftMargin; // fits the widest translated lane label
};

} // namespace Proctor::Admin::Widgets
