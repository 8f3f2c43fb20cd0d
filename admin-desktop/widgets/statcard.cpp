// SPDX-License-Identifier: MIT
#include "widgets/statcard.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Proctor::Admin::Widgets {

StatCard::StatCard(const QString &title, QWidget *parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_value(new QLabel(QStringLiteral("—"), this)),
      m_change(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    setAccessibleName(title);
    setMinimumWidth(160);
}

void StatCard::setValue(const QString &value, std::optional<double> change, bool higherIsBetter)
{
    m_value->setText(value);
    if (!change) {
        m_change->setText(tr("no data for the previous week"));
        m_change->setStyleSheet(QString());
    } else {
        const bool up = *change >= 0;
        const QString arrow = up ? QStringLiteral("↑") : QStringLiteral("↓");
        m_change->setText(
            tr("%1 %2 % vs previous week").arg(arrow, QLocale().toString(qAbs(*change), 'f', 1)));
        const bool good = qFuzzyIsNull(*change) || (up == higherIsBetter);
        m_change->setStyleSheet(good ? QStringLiteral("color: #059669;") : QStringLiteral("color: #dc2626;"));
    }
    setAccessibleDescription(m_value->text() + QLatin1Char(' ') + m_change->text());
}

QString StatCard::valueText() const
{
    return m_value->text();
}

QString StatCard::changeText() const
{
    return m_change->text();
}

} // namespace Proctor::Admin::Widgets
