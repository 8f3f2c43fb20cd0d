// SPDX-License-Identifier: MIT
// A dashboard card: a title, a big value and its week-over-week change.
#pragma once

#include <optional>

#include <QFrame>

class QLabel;

namespace Proctor::Admin::Widgets {

class StatCard final : public QFrame
{
    Q_OBJECT
public:
    explicit StatCard(const QString &title, QWidget *parent = nullptr);
    // `higherIsBetter` colours the change (more anomalies is bad).
    void setValue(const QString &value, std::optional<double> changePercent, bool higherIsBetter = true);
    QString valueText() const;
    QString changeText() const;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_change;
};

} // namespace Proctor::Admin::Widgets
