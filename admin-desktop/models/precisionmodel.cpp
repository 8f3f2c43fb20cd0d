// SPDX-License-Identifier: MIT
#include "models/precisionmodel.h"

#include <QJsonArray>
#include <QLocale>

#include "api/apitypes.h"

namespace Proctor::Admin::Models {

void PrecisionModel::setAnswer(const QJsonObject &answer)
{
    beginResetModel();
    m_rows.clear();
    m_days = answer.value(QStringLiteral("days")).toInt();
    for (const QJsonValue &v : answer.value(QStringLiteral("factors")).toArray()) {
        const QJsonObject o = v.toObject();
        Row r;
        r.reason = o.value(QStringLiteral("reason")).toString();
        r.flagged = o.value(QStringLiteral("flagged")).toInt();
        r.decided = o.value(QStringLiteral("decided")).toInt();
        r.confirmed = o.value(QStringLiteral("confirmed")).toInt();
        if (o.value(QStringLiteral("precision")).isDouble())
            r.precision = o.value(QStringLiteral("precision")).toDouble();
        m_rows.append(r);
    }
    endResetModel();
}

int PrecisionModel::rowOfReason(const QString &reason) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].reason == reason)
            return i;
    return -1;
}

int PrecisionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PrecisionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrecisionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case ReasonKeyRole:
        return r.reason;
    case PrecisionRole:
        return r.precision ? QVariant(*r.precision) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Factor ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Precision)
            return tr("Of the decided sessions this factor flagged, the share confirmed as a violation");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Factor:
            return Api::riskReasonText(r.reason);
        case Flagged:
            return locale.toString(r.flagged);
        case Decided:
            return locale.toString(r.decided);
        case Confirmed:
            return locale.toString(r.confirmed);
        case Precision:
            return r.precision ? locale.toString(*r.precision * 100.0, 'f', 0) + QStringLiteral(" %")
                               : tr("nothing decided");
        }
        return {};
    }
    return {};
}

QVariant PrecisionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Factor:
        return tr("Risk factor");
    case Flagged:
        return tr("Flagged");
    case Decided:
        return tr("Decided");
    case Confirmed:
        return tr("Confirmed");
    case Precision:
        return tr("Precision");
    }
    return {};
}

} // namespace Proctor::Admin::Models
