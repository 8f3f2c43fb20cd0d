// SPDX-License-Identifier: MIT
// The tests a deployment offers, as administrators see them (GET /tests with the sign-in token): access mode,
// attempt policy and roster size per test. The Administration page's Tests tab shows it.
#pragma once

#include "models/pagedjsonmodel.h"

namespace Proctor::Admin::Models {

class TestsModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Title,
        Id,
        Access,
        MaxAttempts,
        Cooldown,
        Disclosure,
        Roster,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TestsModel(Api::ApiClient *api, QObject *parent = nullptr);
    // Loads the list (one array, no paging).
    void load();
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Words shared with the attempt policy dialog.
    static QString disclosureName(const QString &disclosure);
    static QString durationText(int seconds);

protected:
    QVariant display(const QJsonObject &item, int column) const override;
    QVariant sortValue(const QJsonObject &item, int column) const override;
};

} // namespace Proctor::Admin::Models
