// SPDX-License-Identifier: MIT
// The people of one roster test (GET /tests/{id}/roster) and the access codes issued to them while this
// model lives: the server returns a code only in the answer that creates it, so the model keeps the ones
// this window received (import, new code) and shows every other code as hidden.
#pragma once

#include <QHash>

#include "models/pagedjsonmodel.h"

namespace Proctor::Admin::Models {

class RosterModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Position,
        Email,
        ExternalId,
        Code,
        Expires,
        Starts,
        ColumnCount
    };
    Q_ENUM(Column)
    enum RosterRole
    {
        KnownCodeRole = Qt::UserRole + 200 // the code when this window received it, else empty
    };

    explicit RosterModel(Api::ApiClient *api, QObject *parent = nullptr);
    void setTest(const QString &testId);
    QString testId() const { return m_testId; }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // A code the server just issued to `entry` (an item of the import or regenerate answer, with "code").
    void rememberCode(const QJsonObject &entry);
    void forgetEntry(const QString &entryId);
    // The entries whose codes this window knows, with "code" filled in, in table order.
    QList<QJsonObject> entriesWithKnownCodes() const;
    int knownCodeCount() const { return int(m_codes.size()); }

    static QString fullName(const QJsonObject &entry);

protected:
    QVariant display(const QJsonObject &item, int column) const override;
    QVariant styleData(const QJsonObject &item, int column, int role) const override;

private:
    QString m_testId;
    QHash<QString, QString> m_codes; // entry id -> code
};

} // namespace Proctor::Admin::Models
