// SPDX-License-Identifier: MIT
// The list tables of the review and management views. Each is final and names its columns; loading and
// paging come from PagedJsonModel.
#pragma once

#include <QAbstractListModel>

#include "models/pagedjsonmodel.h"

namespace Proctor::Admin::Models {

#define PROCTOR_LIST_MODEL_BODY                                                                              \
public:                                                                                                      \
    using PagedJsonModel::PagedJsonModel;                                                                    \
    int columnCount(const QModelIndex &parent = {}) const override                                           \
    {                                                                                                        \
        return parent.isValid() ? 0 : ColumnCount;                                                           \
    }                                                                                                        \
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole)                \
        const override;                                                                                      \
                                                                                                             \
protected:                                                                                                   \
    QVariant display(const QJsonObject &item, int column) const override;

// GET /sessions/abandoned
class AbandonedModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Candidate,
        Kind,
        Test,
        Started,
        LastEvent,
        Events,
        FocusLosses,
        Screenshots,
        Prints,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
    QVariant sortValue(const QJsonObject &item, int column) const override;
    QString idOf(const QJsonObject &item) const override;
};

// GET /certificates
class CertificatesModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Holder,
        Position,
        Test,
        Score,
        Issued,
        Status,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
    QString idOf(const QJsonObject &item) const override;
    QVariant styleData(const QJsonObject &item, int column, int role) const override;
};

// GET /audit
class AuditModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Actor,
        Action,
        Target,
        Details,
        ClientIp,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
};

// GET /apikeys
class ApiKeysModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Prefix,
        Scopes,
        Created,
        Status,
        Usage,
        LastUsed,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
    QVariant styleData(const QJsonObject &item, int column, int role) const override;
};

// GET /admins
class AdminsModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Email,
        DisplayName,
        Role,
        Status,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
};

// POST /analysis/mouse/similar (matches)
class SimilarModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Candidate,
        Session,
        Question,
        Similarity,
        Distance,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
    QVariant sortValue(const QJsonObject &item, int column) const override;
    QVariant styleData(const QJsonObject &item, int column, int role) const override;
    QString idOf(const QJsonObject &item) const override;
};

// GET /fingerprints/groups (groups)
class DeviceGroupsModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Device,
        Sessions,
        Candidates,
        Flags,
        ColumnCount
    };
    Q_ENUM(Column)
    enum
    {
        FlaggedRole = Qt::UserRole + 120
    };
    PROCTOR_LIST_MODEL_BODY
    QVariant sortValue(const QJsonObject &item, int column) const override;
    QVariant styleData(const QJsonObject &item, int column, int role) const override;
    QString idOf(const QJsonObject &item) const override;
};

// GET /fingerprints/groups (multiDeviceCandidates)
class MultiDeviceModel final : public PagedJsonModel
{
    Q_OBJECT
public:
    enum Column
    {
        Candidate,
        DeviceCount,
        Devices,
        ColumnCount
    };
    Q_ENUM(Column)
    PROCTOR_LIST_MODEL_BODY
};

#undef PROCTOR_LIST_MODEL_BODY

// GET /search: candidates, sessions and certificates in one flat list for the Ctrl+K popup.
class SearchModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        SessionIdRole,
        ObjectRole
    };
    using QAbstractListModel::QAbstractListModel;
    void setAnswer(const QJsonObject &answer);
    void clear();
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QString kind; // candidate | session | certificate
        QString text;
        QString sessionId;
        QJsonObject object;
    };
    QList<Entry> m_entries;
};

} // namespace Proctor::Admin::Models
