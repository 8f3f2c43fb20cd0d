// SPDX-License-Identifier: MIT
// The results table: server-side filters and sorting, keyset pages loaded by fetchMore(), updated in
// place when the live feed says a result was saved.
#pragma once

#include <functional>
#include <optional>

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QStringList>
#include <QUrlQuery>

#include "api/apierror.h"
#include "api/apitypes.h"

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Models {

struct ResultsFilter
{
    QStringList tests; // test ids; empty: every test
    QDate from;
    QDate to;
    std::optional<bool> passed;
    QString search;      // q: names, certificate numbers, session ids
    QStringList risk;    // levels among low | medium | high; empty: any ("medium or higher": medium, high)
    QStringList review;  // states among unreviewed | cleared | violation | second_look; empty: any
    QString fingerprint; // one device group
    QString sort = QStringLiteral("finished"); // finished | score | risk | duration | candidate
    bool ascending = false;                    // order=asc|desc
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
        Review,
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
        ReviewStateRole,
    };

    explicit ResultsModel(Api::ApiClient *api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Candidate, Finished, Duration, Score and Risk sort on the server, both directions; the other columns
    // keep the order (sortKey() is empty for them).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static QString sortKey(int column);
    static int sortColumn(const QString &key); // -1 for an unknown key

    ResultsFilter filter() const { return m_filter; }
    void setFilter(const ResultsFilter &filter);
    void reload();
    bool isLoading() const { return m_loading; }
    Api::ApiError lastError() const { return m_lastError; }

    const Api::ResultRow &rowAt(int row) const { return m_rows.at(row); }
    int rowOfSession(const QString &sessionId) const { return m_index.value(sessionId, -1); }
    // The first row after `afterSessionId` (from the top when it is not listed) whose review state is
    // unreviewed, in the list's current order; further pages are fetched until one is found or the list
    // ends. `done` gets the session id, or an empty string when there is none.
    void findNextUnreviewed(const QString &afterSessionId, std::function<void(const QString &)> done);
    // Replaces the rows without the network (offline cache, tests).
    void setRows(const QList<Api::ResultRow> &rows, const QString &nextCursor = {});

public slots:
    // Live feed: a result was saved. The first page is fetched again and merged: rows already shown are
    // updated in place, new rows are inserted at the top (newest-first order) or announced.
    void onResultSaved(const QString &sessionId);
    // Live feed: a candidate was erased. Their rows go at once (by session id, or by candidate id when the
    // message lists no sessions); nothing is fetched, the rest of the list is unchanged.
    void onCandidateDeleted(qint64 candidateId, const QStringList &sessionIds);
    // Live feed or this desktop: a review decision was recorded; the row's state changes in place.
    void onReviewDecided(const QString &sessionId, const QString &state);

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
    void continueNextUnreviewed();
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
    QString m_nextAfter; // findNextUnreviewed() waiting for a page
    std::function<void(const QString &)> m_nextDone;
};

// Colours shared by the results, session and dashboard views.
QColor riskColor(const QString &level);
QColor reviewColor(const QString &state);

} // namespace Proctor::Admin::Models
