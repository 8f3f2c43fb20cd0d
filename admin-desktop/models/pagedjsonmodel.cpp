// SPDX-License-Identifier: MIT
#include "models/pagedjsonmodel.h"

#include <QLocale>

#include "api/apiclient.h"

namespace Proctor::Admin::Models {

QString formatTime(const QJsonValue &value)
{
    const QDateTime t = Api::parseTime(value);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

PagedJsonModel::PagedJsonModel(Api::ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api)
{
}

void PagedJsonModel::setSource(const QString &path, const QUrlQuery &query, const QString &itemsKey,
                               bool paged)
{
    m_path = path;
    m_query = query;
    m_itemsKey = itemsKey;
    m_paged = paged;
    reload();
}

void PagedJsonModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_items.clear();
    m_nextCursor.clear();
    m_loadedOnce = false;
    endResetModel();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged(false);
    }
    if (m_api && !m_path.isEmpty())
        request({});
}

void PagedJsonModel::setItems(const QJsonArray &items)
{
    ++m_generation;
    beginResetModel();
    m_items.clear();
    for (const QJsonValue &v : items)
        m_items.append(v.toObject());
    m_nextCursor.clear();
    m_loadedOnce = true;
    endResetModel();
}

int PagedJsonModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (idOf(m_items.at(i)) == id)
            return i;
    return -1;
}

int PagedJsonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant PagedJsonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(item, index.column());
    case ObjectRole:
        return item;
    case IdRole:
        return idOf(item);
    case SessionIdRole:
        return sessionIdOf(item);
    case SortRole:
        return sortValue(item, index.column());
    default:
        return styleData(item, index.column(), role);
    }
}

QVariant PagedJsonModel::styleData(const QJsonObject &, int, int) const
{
    return {};
}

QString PagedJsonModel::idOf(const QJsonObject &item) const
{
    return item.value(QStringLiteral("id")).toVariant().toString();
}

QString PagedJsonModel::sessionIdOf(const QJsonObject &item) const
{
    return item.value(QStringLiteral("sessionId")).toString();
}

bool PagedJsonModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_paged && m_loadedOnce && !m_loading && !m_nextCursor.isEmpty();
}

void PagedJsonModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_nextCursor);
}

void PagedJsonModel::request(const QString &cursor)
{
    QUrlQuery q = m_query;
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    const quint64 generation = m_generation;
    m_loading = true;
    emit loadingChanged(true);
    m_api->get(m_path, q, this, [this, generation](const Api::Response &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        emit loadingChanged(false);
        if (!r.ok()) {
            m_lastError = r.error;
            emit loadFailed(r.error);
            return;
        }
        m_lastError = {};
        QJsonArray items = m_itemsKey.isEmpty() || r.json.isArray() ? r.json.array()
                                                                    : r.object().value(m_itemsKey).toArray();
        if (items.isEmpty() && r.json.isObject() && !r.object().contains(m_itemsKey)) {
            // Tolerate a differently named list ({"admins": [...]}): the first array in the answer.
            for (const QJsonValue &v : r.object())
                if (v.isArray()) {
                    items = v.toArray();
                    break;
                }
        }
        m_nextCursor = m_paged ? r.object().value(QStringLiteral("nextCursor")).toString() : QString();
        m_loadedOnce = true;
        if (!items.isEmpty()) {
            const int first = static_cast<int>(m_items.size());
            beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
            for (const QJsonValue &v : items)
                m_items.append(v.toObject());
            endInsertRows();
        }
        emit loaded();
    });
}

} // namespace Proctor::Admin::Models
