// SPDX-License-Identifier: MIT
// Base of the desktop's list tables: rows are JSON objects of one admin API list, loaded page by page
// through the keyset cursor (fetchMore) or in one go for the endpoints that return a plain array.
// Subclasses are final and name their columns; this class owns the loading.
#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include "api/apierror.h"

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Models {

class PagedJsonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        ObjectRole = Qt::UserRole + 100,
        IdRole,
        SortRole,
        SessionIdRole
    };

    explicit PagedJsonModel(Api::ApiClient *api, QObject *parent = nullptr);

    // GET `path` with `query`; `itemsKey` names the array in the answer ("" = the answer is the array).
    // With `paged`, nextCursor drives fetchMore().
    void setSource(const QString &path, const QUrlQuery &query,
                   const QString &itemsKey = QStringLiteral("items"), bool paged = true);
    void reload();
    // Replaces the rows without the network (POST answers, cache, tests).
    void setItems(const QJsonArray &items);
    QJsonObject item(int row) const { return m_items.value(row); }
    int rowOfId(const QString &id) const;
    bool isLoading() const { return m_loading; }
    Api::ApiError lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingChanged(bool loading);
    void loadFailed(const Proctor::Admin::Api::ApiError &error);
    void loaded();

protected:
    virtual QVariant display(const QJsonObject &item, int column) const = 0;
    virtual QVariant sortValue(const QJsonObject &item, int column) const { return display(item, column); }
    virtual QVariant styleData(const QJsonObject &item, int column, int role) const;
    virtual QString idOf(const QJsonObject &item) const;
    virtual QString sessionIdOf(const QJsonObject &item) const;

private:
    void request(const QString &cursor);

    Api::ApiClient *m_api;
    QString m_path;
    QUrlQuery m_query;
    QString m_itemsKey;
    bool m_paged = true;
    bool m_loadedOnce = false;
    bool m_loading = false;
    quint64 m_generation = 0;
    QString m_nextCursor;
    QList<QJsonObject> m_items;
    Api::ApiError m_lastError;
};

QString formatTime(const QJsonValue &value); // RFC 3339 -> local short date and time

} // namespace Proctor::Admin::Models
