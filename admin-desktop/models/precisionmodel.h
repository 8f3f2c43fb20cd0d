// SPDX-License-Identifier: MIT
// Per risk factor, how often the reviewers confirmed what it flagged (GET /review/precision?days=N):
// flagged sessions, decided, confirmed and precision = confirmed / decided.
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace Proctor::Admin::Models {

class PrecisionModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Factor,
        Flagged,
        Decided,
        Confirmed,
        Precision,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        ReasonKeyRole = Qt::UserRole + 1,
        PrecisionRole // double 0..1, or an invalid QVariant when nothing was decided
    };

    struct Row
    {
        QString reason;
        int flagged = 0;
        int decided = 0;
        int confirmed = 0;
        std::optional<double> precision;
    };

    using QAbstractTableModel::QAbstractTableModel;
    // The server's answer: {"days", "factors": [{"reason", "flagged", "decided", "confirmed", "precision"}]}.
    void setAnswer(const QJsonObject &answer);
    int days() const { return m_days; }
    int rowOfReason(const QString &reason) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    int m_days = 0;
};

} // namespace Proctor::Admin::Models
