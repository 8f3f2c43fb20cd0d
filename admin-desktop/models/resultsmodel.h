// SPDX-License-Identifier: MIT
// The results table: server-side filters and sorting, keyset pages loaded by fetchMore(), updated in
// place when the live feed says a result was saved.
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QUrlQuery>

#include "api/apierror.h"
#include "api/apitypes.h"

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Models {

struct ResultsFilter
{
    QString test;
    QDate from;
    QDate to;
    std::optional<bool> passed;
    QString search;                            // q: names, certificate numbers, session ids
    QString risk;                              // low | medium | high
    QString fingerprint;                       // one device group
    QString sort = QStringLiteral("finished"); // finished | score (the server's keyset orders)
    int pageSize = 100;

    QUrlQuery toQuery() const;
    friend bool operator==(const ResultsFilter &, const ResultsFilter &) = default;
};

class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Candidate,
        Position,
        Test,
        Finished,
        Duration,
        Score,
        Grade,
        Risk,
        Violations,
        Certificate,
        Fingerprint,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        SessionIdRole = Qt::UserRole + 1,
        RiskLevelRole,
        RiskScoreRole,
        PassedRole,
        FingerprintRole,
        SortRole,
        CandidateIdRole,
    };

    explicit ResultsModel(Api::ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Only Finished and Score sort on the server (its keyset orders); other columns keep the order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    ResultsFilter filter() const { return m_filter; }
    void setFilter(const ResultsFilter &filter);
    void reload();
    bool isLoading() const { return m_loading; }
    Api::ApiError lastError() const { return m_lastError; }

    const Api::ResultRow &rowAt(int row) const { return m_rows.at(row); }
    int rowOfSession(const QString &sessionId) const { return m_index.value(sessionId, -1); }
    // Replaces the rows without the network (offline cache, tests).
    void setRows(const QList<Api::ResultRow> &rows, const QString &nextCursor = {});

public slots:
    // Live feed: a result was saved. The first page is fetched again and merged: rows already shown are
    // updated in place, new rows are inserted at the top (newest-first order) or announced.
    void onResultSaved(const QString &sessionId);
    // Live feed: a candidate was erased. Their rows go at once (by session id, or by candidate id when the
    // message lists no sessions); nothing is fetched, the rest of the list is unchanged.
    void onCandidateDeleted(qint64 candidateId, const QStringList &sessionIds);

signals:
    void loadingChanged(bool loading);
    void loadFailed(const Proctor::Admin::Api::ApiError &error);
    void pageLoaded(int rowsAdded);
    void liveRowsChanged(int inserted, int updated);
    void liveRowsRemoved(int removed);

private:
    void requestPage(const QString &cursor, bool head);
    void mergeHead(const QList<Api::ResultRow> &rows);
    void rebuildIndex();
    void setLoading(bool loading);

    Api::ApiClient *m_api;
    ResultsFilter m_filter;
    QList<Api::ResultRow> m_rows;
    QHash<QString, int> m_index;
    QString m_nextCursor;
    bool m_loading = false;
    bool m_loadedOnce = false;
    quint64 m_generation = 0;
    Api::ApiError m_lastError;
};

// Colours shared by the results, session and dashboard views.
QColor riskColor(const QString &level);

} // namespace Proctor::Admin::Models
