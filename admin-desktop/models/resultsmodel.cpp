// SPDX-License-Identifier: MIT
#include "models/resultsmodel.h"

#include <utility>

#include <QColor>
#include <QLocale>

#include "api/apiclient.h"
#include "app/eventtypes.h"

namespace Proctor::Admin::Models {

QUrlQuery ResultsFilter::toQuery() const
{
    QUrlQuery q;
    if (!tests.isEmpty())
        q.addQueryItem(QStringLiteral("test"), tests.join(QLatin1Char(',')));
    if (from.isValid())
        q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (passed)
        q.addQueryItem(QStringLiteral("passed"), *passed ? QStringLiteral("true") : QStringLiteral("false"));
    if (!search.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), search.trimmed());
    if (!risk.isEmpty())
        q.addQueryItem(QStringLiteral("risk"), risk.join(QLatin1Char(',')));
    if (!review.isEmpty())
        q.addQueryItem(QStringLiteral("review"), review.join(QLatin1Char(',')));
    if (!fingerprint.isEmpty())
        q.addQueryItem(QStringLiteral("fingerprint"), fingerprint);
    if (!sort.isEmpty()) {
        q.addQueryItem(QStringLiteral("sort"), sort);
        q.addQueryItem(QStringLiteral("order"), ascending ? QStringLiteral("asc") : QStringLiteral("desc"));
    }
    q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    return q;
}

QColor riskColor(const QString &level)
{
    if (level == QLatin1String("high"))
        return QColor(0xdc, 0x26, 0x26);
    if (level == QLatin1String("medium"))
        return QColor(0xd9, 0x77, 0x06);
    return QColor(0x05, 0x96, 0x69);
}

QColor reviewColor(const QString &state)
{
    if (state == QLatin1String("violation"))
        return QColor(0xdc, 0x26, 0x26);
    if (state == QLatin1String("second_look"))
        return QColor(0xd9, 0x77, 0x06);
    if (state == QLatin1String("cleared"))
        return QColor(0x05, 0x96, 0x69);
    return QColor(0x6b, 0x72, 0x80);
}

ResultsModel::ResultsModel(Api::ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api) {}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Api::ResultRow &r = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case SessionIdRole:
        return r.sessionId;
    case RiskLevelRole:
        return r.riskLevel;
    case RiskScoreRole:
        return r.riskScore;
    case PassedRole:
        return r.passed;
    case FingerprintRole:
        return r.fingerprintHash;
    case CandidateIdRole:
        return r.candidate.id;
    case ReviewStateRole:
        return r.reviewState;
    case SortRole:
        switch (index.column()) {
        case Finished:
            return r.finishedAt;
        case Duration:
            return r.durationSeconds;
        case Score:
            return r.score;
        case Risk:
            return r.riskScore;
        case Violations:
            return r.violationTotal();
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Candidate:
            return r.candidate.fullName();
        case Position:
            return r.candidate.position;
        case Test:
            return r.testTitle.isEmpty() ? r.testId : r.testTitle;
        case Finished:
            return locale.toString(r.finishedAt.toLocalTime(), QLocale::ShortFormat);
        case Duration:
            return QStringLiteral("%1:%2")
                .arg(r.durationSeconds / 60)
                .arg(r.durationSeconds % 60, 2, 10, QLatin1Char('0'));
        case Score:
            return QStringLiteral("%1 %").arg(r.score, 0, 'f', 0);
        case Grade:
            return Api::gradeText(r.gradeKey);
        case Risk:
            return r.riskLevel.isEmpty() ? QString()
                                         : QStringLiteral("%1 (%2)")
                                               .arg(Api::riskLevelText(r.riskLevel))
                                               .arg(r.riskScore, 0, 'f', 0);
        case Review:
            return Api::reviewStateText(r.reviewState);
        case Violations: {
            QStringList parts;
            for (auto it = r.violations.begin(); it != r.violations.end(); ++it)
                if (it.value() > 0)
                    parts.append(
                        QStringLiteral("%1 %2").arg(EventTypes::shortLabel(it.key())).arg(it.value()));
            return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
        }
        case Certificate:
            return r.certificateNumber;
        case Fingerprint:
            return r.fingerprintHash.right(10);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Fingerprint)
            return r.fingerprintHash;
        if (index.column() == Candidate)
            return r.sessionId;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Risk && !r.riskLevel.isEmpty())
            return riskColor(r.riskLevel);
        if (index.column() == Score && r.finishedAt.isValid())
            return r.passed ? QColor(0x05, 0x96, 0x69) : QColor(0xdc, 0x26, 0x26);
        if (index.column() == Review)
            return reviewColor(r.reviewState);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Score || index.column() == Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Candidate:
        return tr("Candidate");
    case Position:
        return tr("Position");
    case Test:
        return tr("Test");
    case Finished:
        return tr("Finished");
    case Duration:
        return tr("Duration");
    case Score:
        return tr("Score");
    case Grade:
        return tr("Grade");
    case Risk:
        return tr("Risk");
    case Review:
        return tr("Review");
    case Violations:
        return tr("Violations");
    case Certificate:
        return tr("Certificate");
    case Fingerprint:
        return tr("Device");
    }
    return {};
}

bool ResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && (!m_loadedOnce || !m_nextCursor.isEmpty()) && m_api &&
           m_api->hasToken();
}

void ResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(m_nextCursor, false);
}

QString ResultsModel::sortKey(int column)
{
    switch (column) {
    case Candidate:
        return QStringLiteral("candidate");
    case Finished:
        return QStringLiteral("finished");
    case Duration:
        return QStringLiteral("duration");
    case Score:
        return QStringLiteral("score");
    case Risk:
        return QStringLiteral("risk");
    default:
        return {};
    }
}

int ResultsModel::sortColumn(const QString &key)
{
    for (int c = 0; c < ColumnCount; ++c)
        if (!key.isEmpty() && sortKey(c) == key)
            return c;
    return -1;
}

void ResultsModel::sort(int column, Qt::SortOrder order)
{
    const QString key = sortKey(column);
    if (key.isEmpty())
        return;
    const bool ascending = order == Qt::AscendingOrder;
    if (key == m_filter.sort && ascending == m_filter.ascending)
        return;
    ResultsFilter f = m_filter;
    f.sort = key;
    f.ascending = ascending;
    setFilter(f);
}

void ResultsModel::onReviewDecided(const QString &sessionId, const QString &state)
{
    const int row = m_index.value(sessionId.toLower(), -1);
    if (row < 0 || m_rows.at(row).reviewState == state)
        return;
    m_rows[row].reviewState = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ResultsModel::findNextUnreviewed(const QString &afterSessionId,
                                      std::function<void(const QString &)> done)
{
    m_nextAfter = afterSessionId;
    m_nextDone = std::move(done);
    continueNextUnreviewed();
}

void ResultsModel::continueNextUnreviewed()
{
    if (!m_nextDone)
        return;
    const int after = m_index.value(m_nextAfter, -1);
    for (int row = after + 1; row < m_rows.size(); ++row)
        if (m_rows.at(row).reviewState == QLatin1String("unreviewed") &&
            m_rows.at(row).finishedAt.isValid()) {
            auto done = std::exchange(m_nextDone, nullptr);
            done(m_rows.at(row).sessionId);
            return;
        }
    if (m_loading)
        return; // the page on its way calls again
    if (canFetchMore({})) {
        fetchMore({});
        return;
    }
    auto done = std::exchange(m_nextDone, nullptr);
    done(QString());
}

void ResultsModel::setFilter(const ResultsFilter &filter)
{
    m_filter = filter;
    reload();
}

void ResultsModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_nextCursor.clear();
    m_loadedOnce = false;
    endResetModel();
    setLoading(false);
    if (m_api && m_api->hasToken())
        requestPage({}, false);
}

void ResultsModel::setRows(const QList<Api::ResultRow> &rows, const QString &nextCursor)
{
    ++m_generation;
    beginResetModel();
    m_rows = rows;
    m_nextCursor = nextCursor;
    m_loadedOnce = true;
    rebuildIndex();
    endResetModel();
}

void ResultsModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void ResultsModel::requestPage(const QString &cursor, bool head)
{
    QUrlQuery q = m_filter.toQuery();
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    const quint64 generation = m_generation;
    if (!head)
        setLoading(true);
    m_api->fetchResults(q, this, [this, generation, head](Api::Result<Api::ResultsPage> page) {
        if (generation != m_generation)
            return; // the filter changed meanwhile
        if (!head)
            setLoading(false);
        if (!page) {
            m_lastError = page.error();
            emit loadFailed(page.error());
            if (m_nextDone && !head)
                std::exchange(m_nextDone, nullptr)(QString());
            return;
        }
        m_lastError = {};
        if (head) {
            mergeHead(page->items);
            return;
        }
        m_loadedOnce = true;
        m_nextCursor = page->nextCursor;
        QList<Api::ResultRow> fresh;
        for (const Api::ResultRow &r : page->items)
            if (!m_index.contains(r.sessionId))
                fresh.append(r);
        if (!fresh.isEmpty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
            for (const Api::ResultRow &r : fresh) {
                m_index.insert(r.sessionId, static_cast<int>(m_rows.size()));
                m_rows.append(r);
            }
            endInsertRows();
        }
        emit pageLoaded(static_cast<int>(fresh.size()));
        continueNextUnreviewed();
    });
}

void ResultsModel::onResultSaved(const QString &sessionId)
{
    Q_UNUSED(sessionId)
    if (!m_api || !m_api->hasToken())
        return;
    requestPage({}, true);
}

void ResultsModel::onCandidateDeleted(qint64 candidateId, const QStringList &sessionIds)
{
    const QString candidate = QString::number(candidateId);
    int removed = 0;
    // From the bottom up, one contiguous run at a time, so the rows above keep their numbers meanwhile.
    for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
        const auto gone = [&](int row) {
            const Api::ResultRow &r = m_rows.at(row);
            return r.candidate.id == candidate || sessionIds.contains(r.sessionId);
        };
        if (!gone(last))
            continue;
        int first = last;
        while (first > 0 && gone(first - 1))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        removed += last - first + 1;
        last = first;
    }
    if (removed == 0)
        return;
    rebuildIndex();
    emit liveRowsRemoved(removed);
}

void ResultsModel::mergeHead(const QList<Api::ResultRow> &rows)
{
    if (!m_loadedOnce) {
        reload();
        return;
    }
    int updated = 0;
    QList<Api::ResultRow> fresh;
    for (const Api::ResultRow &r : rows) {
        const int at = m_index.value(r.sessionId, -1);
        if (at >= 0) {
            m_rows[at] = r;
            emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
            ++updated;
        } else {
            fresh.append(r);
        }
    }
    // New rows go on top only in newest-first order; in score order their place is unknown without
    // reloading, so a full reload keeps the keyset pages consistent.
    if (!fresh.isEmpty() && m_filter.sort != QLatin1String("finished")) {
        reload();
        emit liveRowsChanged(static_cast<int>(fresh.size()), updated);
        return;
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(fresh.size()) - 1);
        for (qsizetype i = 0; i < fresh.size(); ++i)
            m_rows.insert(i, fresh.at(i));
        rebuildIndex();
        endInsertRows();
    }
    emit liveRowsChanged(static_cast<int>(fresh.size()), updated);
}

void ResultsModel::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows.at(i).sessionId, i);
}

} // namespace Proctor::Admin::Models
